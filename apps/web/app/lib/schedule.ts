/**
 * The class schedule helper: weekdays, times, a first date and a number of sessions (or a last date)
 * give the list of session dates. Dates are China calendar days ("2026-05-10"); the same function
 * runs on the server (the no-JavaScript preview) and in the browser (live), so both show the same list.
 */
import { parseDay, parseTime } from './dates';

/** 1 = Monday … 7 = Sunday, as people in China count the week (一 … 日). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The API takes at most 200 sessions; a helper list longer than this is a typo. */
export const MAX_GENERATED = 100;

export interface ScheduleFields {
  weekdays: string[];
  start: string;
  end: string;
  first: string;
  count: string;
  until: string;
}

export const emptySchedule: ScheduleFields = { weekdays: [], start: '', end: '', first: '', count: '', until: '' };

export type ScheduleProblem = 'weekdays' | 'start' | 'end' | 'first' | 'count' | 'until';

export interface Schedule {
  dates: string[];
  start: string;
  end: string;
  /** Hours of one session. */
  hours: number;
}

/** The weekday (1 = Monday … 7 = Sunday) of a calendar date; independent of any time zone. */
export function weekdayOf(day: string): Weekday {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
}

function addDays(day: string, n: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

/** Reads the helper's fields; `problems` lists each field that stops a schedule, `schedule` is null then. */
export function buildSchedule(fields: ScheduleFields): { schedule: Schedule | null; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  const days = new Set(fields.weekdays.map(Number).filter((n): n is Weekday => (WEEKDAYS as readonly number[]).includes(n)));
  if (days.size === 0) problems.push('weekdays');
  const start = parseTime(fields.start);
  const end = parseTime(fields.end);
  if (!start) problems.push('start');
  if (!end || (start && end <= start)) problems.push('end');
  const first = parseDay(fields.first);
  if (!first) problems.push('first');
  const countText = fields.count.trim();
  const untilText = fields.until.trim();
  const count = countText ? Number(countText) : null;
  const until = untilText ? parseDay(untilText) : null;
  if (countText && (!Number.isInteger(count) || count! < 1 || count! > MAX_GENERATED)) problems.push('count');
  if (untilText && (!until || (first && until < first))) problems.push('until');
  if (!countText && !untilText) problems.push('count');
  if (problems.length > 0 || !start || !end || !first) return { schedule: null, problems };

  const dates: string[] = [];
  // Whichever limit comes first; at most MAX_GENERATED dates either way.
  for (let day = first, i = 0; dates.length < (count ?? MAX_GENERATED) && i < 3660; day = addDays(day, 1), i++) {
    if (until && day > until) break;
    if (days.has(weekdayOf(day))) dates.push(day);
  }
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return { schedule: { dates, start, end, hours: (eh * 60 + em - sh * 60 - sm) / 60 }, problems };
}

/** Reads the helper's fields from a posted form. */
export function scheduleFields(form: FormData): ScheduleFields {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  return {
    weekdays: form.getAll('weekday').filter((v): v is string => typeof v === 'string'),
    start: text('scheduleStart'),
    end: text('scheduleEnd'),
    first: text('scheduleFirst'),
    count: text('scheduleCount'),
    until: text('scheduleUntil'),
  };
}

/** Hours with at most one decimal: "2", "1.5". */
export const hoursText = (hours: number) => String(Math.round(hours * 10) / 10);
