import type { learningZhCN } from './learning';

/** English for the keys of `./learning` (typed against them: a missing key is a compile error). */
export const learningEn: Record<keyof typeof learningZhCN, string> = {
  'learning.page.class': 'My class',
  'learning.page.lesson': 'Lesson',

  'learning.home.heading': 'My classes',
  'learning.open': 'Open my class',
  'learning.openHint': 'Lessons, progress and quiz',
  'learning.nextStepLabel': 'Next step: ',

  'learning.next.certified': 'You hold the certificate for this course.',
  'learning.next.waitlisted': 'You are on the waiting list (number {n}). We will tell you when a place opens; you can read the lessons now.',
  'learning.next.waitlistedNoPos': 'You are on the waiting list. We will tell you when a place opens; you can read the lessons now.',
  'learning.next.checkIn': 'Class is on now: check in.',
  'learning.next.quiz': 'Go over the lessons, then take the quiz: {title}.',
  'learning.next.attend': 'Come to class: {when}.',
  'learning.next.practical': 'Take the instructor’s practical assessment: {title}.',
  'learning.next.contact': 'Some rules are not met and the class has no sessions left. Please contact your coordinator.',
  'learning.next.allMet': 'Every rule is met; your certificate will be issued soon.',
  'learning.next.failed': 'You did not pass this class. You can join the next one.',
  'learning.next.heading': 'Next step',

  'learning.class.lessons': 'Lessons',
  'learning.class.lessonsCount': '{n} lessons: open one to read it or listen to it.',
  'learning.class.noLessons': 'This course has no lessons online yet; come to your class sessions.',
  'learning.class.lessonHours': '{n} h',
  'learning.attendanceRule': 'How attendance is counted: the sessions you attended ÷ the sessions held so far. On time and late both count as attended; excused, absent and unmarked sessions do not.',

  'learning.lesson.n': 'Lesson {n}',
  'learning.lesson.of': 'Lesson {n} of {total}',
  'learning.lesson.back': '← Back to my class',
  'learning.lesson.prev': '← Previous lesson',
  'learning.lesson.next': 'Next lesson →',
  'learning.lesson.toQuiz': 'Done: take the quiz',
  'learning.lesson.done': 'Done: back to my class',

  'learning.readAloud.stop': 'Stop reading',
  'learning.readAloud.lesson': 'Read this lesson aloud',
  'learning.readAloud.question': 'Read question {n} aloud',
  'learning.text.larger': 'Larger text',
  'learning.text.normal': 'Normal text',

  'learning.readiness.enrolled': 'Enrolled: {org}, {from} to {to}',
  'learning.readiness.progress': 'Attended {attended} of {held} sessions, {hours} h',
  'learning.readiness.progressNone': 'Classes have not started yet',
  'learning.readiness.waitlisted': 'Waiting list (number {n}): {org}, starts {from}',
  'learning.readiness.waitlistedNoPos': 'Waiting list: {org}, starts {from}',
  'learning.readiness.toClass': 'Open my class',
  'learning.readiness.notStarted': 'Not enrolled yet.',
  'learning.readiness.started': 'Nearest class: {org}, started on {date}, still open to join',
  'learning.readiness.enrol': 'See the class and enrol',
};
