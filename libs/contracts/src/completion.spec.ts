import { describe, expect, it } from '@jest/globals';
import { canStillComplete, evaluateCompletion, type AttendanceOutlook, type CompletionRules, type LearnerRecord } from './completion.js';

const rules: CompletionRules = {
  minAttendancePct: 80,
  requiredHours: 8,
  assessments: [
    { id: 'quiz', title: '测验', passMark: 80 },
    { id: 'practical', title: '实操', passMark: 60 },
  ],
};
const record = (over: Partial<LearnerRecord> = {}): LearnerRecord => ({
  sessionsHeld: 5,
  sessionsAttended: 4,
  hoursAttended: 8,
  bestScores: { quiz: 80, practical: 60 },
  ...over,
});

describe('evaluateCompletion', () => {
  it.each<[string, Partial<LearnerRecord>, CompletionRules, string[]]>([
    ['everything met exactly at the thresholds', {}, rules, []],
    ['attendance just under the minimum', { sessionsAttended: 3 }, rules, ['attendance']],
    ['no session held yet', { sessionsHeld: 0, sessionsAttended: 0 }, rules, ['attendance']],
    ['no session held, course without an attendance rule', { sessionsHeld: 0, sessionsAttended: 0 }, { ...rules, minAttendancePct: 0 }, []],
    ['too few hours', { hoursAttended: 7.5 }, rules, ['hours']],
    ['quiz failed', { bestScores: { quiz: 79, practical: 90 } }, rules, ['assessment']],
    ['practical never graded', { bestScores: { quiz: 100 } }, rules, ['assessment']],
    ['both assessments missing', { bestScores: {} }, rules, ['assessment', 'assessment']],
    ['course without assessments', { bestScores: {} }, { ...rules, assessments: [] }, []],
    ['everything missing at once', { sessionsAttended: 0, hoursAttended: 0, bestScores: {} }, rules, ['attendance', 'hours', 'assessment', 'assessment']],
    ['100 % attendance required, one absence', { sessionsAttended: 4 }, { ...rules, minAttendancePct: 100 }, ['attendance']],
    ['attended more hours than required', { hoursAttended: 20 }, rules, []],
  ])('%s', (_label, over, r, expected) => {
    const result = evaluateCompletion(r, record(over));
    expect(result.missing.map((m) => m.requirement)).toEqual(expected);
    expect(result.complete).toBe(expected.length === 0);
  });

  it('says how far she is from each requirement', () => {
    const result = evaluateCompletion(rules, record({ sessionsAttended: 2, hoursAttended: 3, bestScores: { quiz: 50 } }));
    expect(result.missing).toEqual([
      { requirement: 'attendance', requiredPct: 80, actualPct: 40 },
      { requirement: 'hours', required: 8, actual: 3 },
      { requirement: 'assessment', assessmentId: 'quiz', title: '测验', passMark: 80, bestScore: 50 },
      { requirement: 'assessment', assessmentId: 'practical', title: '实操', passMark: 60, bestScore: null },
    ]);
  });
});

describe('canStillComplete', () => {
  const rules80 = { minAttendancePct: 80, requiredHours: 8 };
  it.each<[string, AttendanceOutlook, { minAttendancePct: number; requiredHours: number }, boolean]>([
    [
      'nothing held yet, four 2-hour sessions ahead',
      { sessionsHeld: 0, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [2, 2, 2, 2] },
      rules80,
      true,
    ],
    [
      'one of five held: 4/5 = 80% still reachable',
      { sessionsHeld: 1, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [2, 2, 2, 2] },
      rules80,
      true,
    ],
    ['two of five held: 3/5 = 60% is not', { sessionsHeld: 2, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [3, 3, 3] }, rules80, false],
    [
      'rate fine (4/5) but too few hours ahead',
      { sessionsHeld: 1, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [1, 1, 1, 1] },
      rules80,
      false,
    ],
    [
      'not begun: a schedule short of the hours is not judged',
      { sessionsHeld: 0, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [1, 1] },
      rules80,
      true,
    ],
    ['sessions all over', { sessionsHeld: 3, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [] }, rules80, false],
    [
      'sessions all over, course without attendance or hours rules',
      { sessionsHeld: 3, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [] },
      { minAttendancePct: 0, requiredHours: 0 },
      true,
    ],
    ['held sessions she attended count for her', { sessionsHeld: 2, sessionsAttended: 2, hoursAttended: 4, remainingSessionHours: [2, 2] }, rules80, true],
    ['a class with no sessions at all is not judged', { sessionsHeld: 0, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: [] }, rules80, true],
  ])('%s', (_name, outlook, r, expected) => {
    expect(canStillComplete(r, outlook)).toBe(expected);
  });
});
