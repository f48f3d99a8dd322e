import { DEFAULT_LOCALE, LOCALES, type Locale } from '@hearth/contracts';
import { useRouteLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/node';
import type { loader as rootLoader } from '../root';
import type { MessageKey } from './zh-CN';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type Catalogue = Record<MessageKey, string>;

/**
 * The server registers both catalogues (entry.server.tsx); a browser loads only the page's language
 * before hydrating (entry.client.tsx), so a phone never downloads the other one. Switching language
 * reloads the document.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = {};

export function registerCatalogue(locale: Locale, messages: Catalogue): void {
  catalogues[locale] = messages;
}

export function hasCatalogue(locale: Locale): boolean {
  return Boolean(catalogues[locale]);
}

function catalogueFor(locale: Locale): Catalogue {
  const catalogue = catalogues[locale] ?? catalogues[DEFAULT_LOCALE] ?? Object.values(catalogues)[0];
  if (!catalogue) throw new Error('No message catalogue is registered');
  return catalogue;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Every catalogue has the same keys (en.ts is typed against zh-CN.ts), so any registered one answers. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogueFor(DEFAULT_LOCALE);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogueFor(locale)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The user's locale and `t`, from the root loader (falls back to the default when it has no data). */
export function useI18n(): { locale: Locale; t: Translate } {
  const locale = useRouteLoaderData<typeof rootLoader>('root')?.locale ?? DEFAULT_LOCALE;
  return { locale, t: translator(locale) };
}

/**
 * A route `meta` export giving the page a title in the user's language; `fromData` may name the
 * page after what its loader found (a course's title), falling back to `key`.
 */
export function titleMeta<Data = unknown>(key: MessageKey, fromData?: (data: Data) => string | null | undefined): MetaFunction {
  return ({ matches, data }) => {
    const rootData = matches.find((match) => match.id === 'root')?.data as { locale?: unknown } | undefined;
    const t = translator(isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE);
    const own = data && fromData ? fromData(data as Data) : null;
    return [{ title: `${own || t(key)} · ${t('common.app.name')}` }];
  };
}
