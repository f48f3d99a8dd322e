import type { EntryContext, HandleDataRequestFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { registerCatalogue } from './i18n';
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';
import { NonceContext } from './lib/nonce';
import { PERMISSIONS_POLICY, contentSecurityPolicy, newNonce, privateWhenSignedIn, withoutUnwrittenBytes } from './lib/security-headers.server';

// The server answers in either language; browsers load only theirs (entry.client.tsx).
registerCatalogue('zh-CN', zhCN);
registerCatalogue('en', en);

/** Her pages' data (single-fetch .data requests) is not kept by any cache either. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  privateWhenSignedIn(request, response.headers);
  return response;
};

/** How long deferred data may stream before the render is cut off. */
export const streamTimeout = 5_000;

// Remix's default Node entry, trimmed: bots get the complete document, browsers a stream.
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  responseHeaders.set('X-Content-Type-Options', 'nosniff');
  responseHeaders.set('X-Frame-Options', 'DENY');
  responseHeaders.set('Referrer-Policy', 'same-origin');
  // A fresh nonce per document: only Remix's and React's own inline scripts carry it.
  const nonce = newNonce();
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce));
  responseHeaders.set('Permissions-Policy', PERMISSIONS_POLICY);
  privateWhenSignedIn(request, responseHeaders);

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = withoutUnwrittenBytes();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
