import type { Locale } from '@hearth/contracts';
import { CHINA_TIME_ZONE } from './dates';

/**
 * Numbers and times of the dashboard and audit pages. Loaders call these, so the server and an old
 * phone can never render different text.
 */
const counts = new Map<Locale, Intl.NumberFormat>();
const percents = new Map<Locale, Intl.NumberFormat>();
const instants = new Map<Locale, Intl.DateTimeFormat>();

/** "1,234". */
export function formatCount(value: number, locale: Locale): string {
  let format = counts.get(locale);
  if (!format) counts.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** A rate from 0 to 1 as "87.5%"; null (nothing counted yet) stays null. */
export function formatRate(value: number | null, locale: Locale): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  let format = percents.get(locale);
  if (!format) percents.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })));
  return format.format(value);
}

/** "2026/05/10 09:00:03" in China time, for records where the second matters (audit, data freshness). */
export function formatInstant(value: string, locale: Locale): string {
  let format = instants.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: CHINA_TIME_ZONE,
    });
    instants.set(locale, format);
  }
  return format.format(new Date(value));
}

/** "2026年1月" / "Jan 2026" for a "YYYY-MM" month. */
export function formatMonth(month: string, locale: Locale, style: 'long' | 'short' | 'numeric' = 'long'): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { year: 'numeric', month: 'short' } : style === 'short' ? { month: 'short' } : { year: '2-digit', month: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

/** Every month from `first` to `last` ("YYYY-MM"), inclusive, so a quiet month shows as zero instead of vanishing. */
export function monthsBetween(first: string, last: string, cap = 120): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && months.length < cap) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
