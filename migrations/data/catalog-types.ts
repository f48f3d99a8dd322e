/**
 * Shape of the seeded course catalogue. The data files beside this one are frozen content
 * read by the catalogue migration; a later change to the catalogue is a new migration.
 */
export interface Localized {
  'zh-CN': string;
  en: string;
}

export type CourseCategory = 'law' | 'care' | 'vocational';

export interface CatalogLesson {
  title: Localized;
  /** Markdown (no raw HTML): a few accurate paragraphs, lists welcome. */
  body: Localized;
  /** Class hours (学时) this lesson takes. */
  hours: number;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false';

export interface CatalogQuestion {
  kind: QuestionKind;
  prompt: Localized;
  /** For true_false: exactly two options, [对/True, 错/False]. */
  options: Localized[];
  /** Zero-based indexes of the correct options (one for single/true_false, two or more for multiple). */
  correct: number[];
  /** Shown after submission: why, with the article it comes from. */
  explanation: Localized;
}

export interface CatalogAssessment {
  kind: 'quiz' | 'practical';
  title: Localized;
  /** Percentage 0-100 needed to pass. */
  passMark: number;
  /** Quizzes only. */
  maxAttempts?: number;
  questions?: CatalogQuestion[];
}

export interface CatalogCourse {
  /** Stable code, e.g. LAW-MPL. */
  code: string;
  category: CourseCategory;
  title: Localized;
  description: Localized;
  requiredHours: number;
  /** 0-100 */
  minAttendancePct: number;
  /** Months a certificate stays valid; null = does not expire. */
  validityMonths: number | null;
  requiredForVolunteers: boolean;
  prerequisiteCodes: string[];
  lessons: CatalogLesson[];
  assessments: CatalogAssessment[];
}
