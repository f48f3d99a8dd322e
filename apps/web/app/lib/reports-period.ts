import { chinaDay, parseDay } from './dates';

/** The dashboard's one-tap periods; "all" means no dates at all. */
export const PRESETS = ['month', 'quarter', 'year', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string | null;
  to: string | null;
}

export const isPreset = (value: unknown): value is Preset => typeof value === 'string' && (PRESETS as readonly string[]).includes(value);

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const day = (year: number, month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The whole current month, quarter or year in China. Whole periods (not "up to today") so that a
 * link to "this month" means the same all month long; the API counts by month anyway.
 */
export function presetPeriod(preset: Preset, now = new Date()): Period {
  if (preset === 'all') return { from: null, to: null };
  const [year, month] = chinaDay(now.toISOString()).split('-').map(Number);
  if (preset === 'month') return { from: day(year, month, 1), to: day(year, month, lastDayOf(year, month)) };
  if (preset === 'quarter') {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    return { from: day(year, first, 1), to: day(year, first + 2, lastDayOf(year, first + 2)) };
  }
  return { from: day(year, 1, 1), to: day(year, 12, 31) };
}

/** Which preset a period is, if any. */
export function presetOf(period: Period, now = new Date()): Preset | null {
  return (
    PRESETS.find((preset) => {
      const p = presetPeriod(preset, now);
      return p.from === period.from && p.to === period.to;
    }) ?? null
  );
}

export type PeriodProblem = 'badFrom' | 'badTo' | 'badOrder';

/**
 * from/to as typed in the URL (a date picker, or "2026/5/1" typed by hand). A bad date is dropped
 * and reported, so the page still shows something.
 */
export function parsePeriod(params: URLSearchParams): { period: Period; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = [];
  const read = (name: 'from' | 'to', problem: PeriodProblem) => {
    const raw = (params.get(name) ?? '').trim();
    if (!raw) return null;
    const parsed = parseDay(raw);
    if (!parsed) problems.push(problem);
    return parsed;
  };
  let from = read('from', 'badFrom');
  let to = read('to', 'badTo');
  if (from && to && from > to) {
    problems.push('badOrder');
    from = null;
    to = null;
  }
  return { period: { from, to }, problems };
}

/** The dashboard's query string for an org and period; the caller's own org needs no orgId. */
export function dashboardQuery(orgId: string | null, period: Period): string {
  const params = new URLSearchParams();
  if (orgId) params.set('orgId', orgId);
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}
