import type { Locale } from '@hearth/contracts';

/**
 * Classes happen in China: the API's times are UTC and are shown, and typed, in China time
 * whatever the zone of the server or the phone. Loaders format them, so the server and a phone
 * with older date data can never render different text (a hydration mismatch).
 */
import { CHINA_TIME_ZONE } from '@hearth/contracts';

export { CHINA_TIME_ZONE };
const CHINA_OFFSET = '+08:00';

const STYLES = {
  day: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' },
  shortDay: { month: 'long', day: 'numeric', weekday: 'short' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: CHINA_TIME_ZONE });
    formatters.set(key, format);
  }
  return format;
}

/** A calendar date ("2026-05-10", taken as a day in China) or an ISO instant. */
function toDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00${CHINA_OFFSET}`) : new Date(value);
}

/** "2026年5月10日周日" / "Sun, May 10, 2026". */
export function formatDay(value: string, locale: Locale): string {
  return formatter(locale, 'day').format(toDate(value));
}

/** "09:00" in China time. */
export function formatTime(value: string, locale: Locale): string {
  return formatter(locale, 'time').format(toDate(value));
}

/** The China calendar date of an instant, "2026-05-10". */
export function chinaDay(value: string): string {
  return new Date(toDate(value).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** "5月10日周日 09:00–11:00"; the end's day is repeated only when it differs. */
export function formatSession(startsAt: string, endsAt: string, locale: Locale): string {
  const day = formatter(locale, 'shortDay');
  const start = `${day.format(toDate(startsAt))} ${formatTime(startsAt, locale)}`;
  const end = chinaDay(startsAt) === chinaDay(endsAt) ? formatTime(endsAt, locale) : `${day.format(toDate(endsAt))} ${formatTime(endsAt, locale)}`;
  return `${start}–${end}`;
}

/**
 * What people type for a date: "2026-05-10" (a date picker), "2026/5/10", "2026.5.10" or
 * "2026年5月10日"; full-width digits too. Null when it is not a real date.
 */
export function parseDay(input: string): string | null {
  const text = toHalfWidth(input).trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  if (y === '0000') return null; // there is no year 0, and the API refuses it
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/** "09:00" (a time picker), "9:00", "9：00" or "9点". Null when it is not a time of day. */
export function parseTime(input: string): string | null {
  const text = toHalfWidth(input).trim();
  const match = /^(\d{1,2})(?:\s*[:：.点]\s*(\d{2})?)?(?::\d{2})?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A China-time date and time as the API wants it: "2026-05-10T09:00:00+08:00". */
export function chinaInstant(day: string, time: string): string {
  return `${day}T${time}:00${CHINA_OFFSET}`;
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
