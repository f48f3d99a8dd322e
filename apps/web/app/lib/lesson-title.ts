import type { Translate } from '../i18n';

/** A title that already says which lesson it is: "第一课　总则", "第 2 课：…", "Lesson 3 — …". */
const NUMBERED = /^\s*(第\s*[0-9一二三四五六七八九十百零〇两]+\s*[课讲章节]|lesson\s*\d+\b|session\s*\d+\b)/i;

/**
 * How a lesson is named on screen: "第 1 课：总则", but never "第 1 课：第一课　总则" when the author
 * already numbered it (the seeded law courses do).
 */
export function lessonTitle(t: Translate, position: number, title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') return t('learning.lesson.n', { n: position });
  return NUMBERED.test(trimmed) ? trimmed : t('courses.detail.lessonTitle', { n: position, title: trimmed });
}
