import type { Locale } from '@hearth/contracts';
import { CHINA_TIME_ZONE } from './dates';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** "2026年5月10日" / "May 10, 2026": the date printed on a certificate, in China time, no weekday. */
export function certificateDate(value: string, locale: Locale): string {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: CHINA_TIME_ZONE });
    formatters.set(locale, format);
  }
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  return format.format(date);
}
