import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { registerCatalogue } from './i18n';

/** Only the page's language is downloaded (a separate chunk), before hydration needs it. */
async function loadMessages() {
  if (document.documentElement.lang === 'en') registerCatalogue('en', (await import('./i18n/en')).en);
  else registerCatalogue('zh-CN', (await import('./i18n/zh-CN')).zhCN);
}

void loadMessages().then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
