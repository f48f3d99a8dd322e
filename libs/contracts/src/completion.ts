/**
 * Whether a learner has completed a course: one pure function, read by the API when it issues a
 * certificate and by the web when it shows a learner what is missing.
 */
export interface CompletionRules {
  /** 0-100: attended sessions as a share of the sessions held so far. */
  minAttendancePct: number;
  /** Class hours (学时) attended. */
  requiredHours: number;
  /** Every assessment of the course, each with its own pass mark (0-100). */
  assessments: { id: string; title: string; passMark: number }[];
}

export interface LearnerRecord {
  /** Sessions held so far (start in the past). */
  sessionsHeld: number;
  sessionsAttended: number;
  hoursAttended: number;
  /** Best score (0-100) per assessment id; absent = not attempted or graded yet. */
  bestScores: Record<string, number>;
}

export type MissingRequirement =
  | { requirement: 'attendance'; requiredPct: number; actualPct: number }
  | { requirement: 'hours'; required: number; actual: number }
  | { requirement: 'assessment'; assessmentId: string; title: string; passMark: number; bestScore: number | null };

export interface CompletionResult {
  complete: boolean;
  missing: MissingRequirement[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function evaluateCompletion(rules: CompletionRules, record: LearnerRecord): CompletionResult {
  const missing: MissingRequirement[] = [];
  // Nothing held yet means no attendance to judge; a course that requires attendance is then unmet.
  const actualPct = record.sessionsHeld > 0 ? (record.sessionsAttended / record.sessionsHeld) * 100 : 0;
  if (rules.minAttendancePct > 0 && (record.sessionsHeld === 0 || actualPct + 1e-9 < rules.minAttendancePct)) {
    missing.push({ requirement: 'attendance', requiredPct: rules.minAttendancePct, actualPct: round(actualPct) });
  }
  if (record.hoursAttended + 1e-9 < rules.requiredHours) {
    missing.push({ requirement: 'hours', required: rules.requiredHours, actual: round(record.hoursAttended) });
  }
  for (const a of rules.assessments) {
    const best = record.bestScores[a.id];
    if (best === undefined || best < a.passMark) {
      missing.push({ requirement: 'assessment', assessmentId: a.id, title: a.title, passMark: a.passMark, bestScore: best ?? null });
    }
  }
  return { complete: missing.length === 0, missing };
}

/** A learner's attendance in one class at a given moment, and what the class still has ahead. */
export interface AttendanceOutlook {
  /** Sessions already started (the held sessions the rate is computed over). */
  sessionsHeld: number;
  /** Of those, the ones she attended (present or late). */
  sessionsAttended: number;
  hoursAttended: number;
  /** Hours of each session still ahead (start in the future). */
  remainingSessionHours: number[];
}

/**
 * Whether full attendance of every session still ahead can bring her to the course's attendance
 * and hours rules — the same rate and hours evaluateCompletion judges (rate over all the class's
 * held sessions, including those held before she enrolled). Only a class that has begun is judged:
 * before its first session nobody is late, and a schedule still short of the course's hours is the
 * organisers' to complete, the same for everyone.
 */
export function canStillComplete(rules: Pick<CompletionRules, 'minAttendancePct' | 'requiredHours'>, o: AttendanceOutlook): boolean {
  if (o.sessionsHeld === 0) return true;
  const total = o.sessionsHeld + o.remainingSessionHours.length;
  const bestPct = ((o.sessionsAttended + o.remainingSessionHours.length) / total) * 100;
  const bestHours = o.hoursAttended + o.remainingSessionHours.reduce((sum, h) => sum + h, 0);
  if (rules.minAttendancePct > 0 && bestPct + 1e-9 < rules.minAttendancePct) return false;
  return bestHours + 1e-9 >= rules.requiredHours;
}
