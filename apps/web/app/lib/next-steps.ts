import type { MeDto } from '@hearth/contracts';
import type { MessageKey } from '../i18n';

/** One thing to do next, with the page where she does it. */
export interface NextStep {
  key: MessageKey;
  href?: string;
}

/** What each kind of user does next, shown on /app. */
export function nextSteps(user: Pick<MeDto, 'role' | 'learnerType'>): NextStep[] {
  switch (user.role) {
    case 'learner':
      return user.learnerType === 'volunteer_mother'
        ? [
            { key: 'home.steps.volunteer_mother.law', href: '/courses?category=law' },
            { key: 'home.steps.volunteer_mother.care', href: '/courses?category=care' },
            { key: 'home.steps.learner.myClasses', href: '/my/classes' },
            { key: 'home.steps.volunteer_mother.pairing', href: '/my/readiness' },
          ]
        : [
            { key: 'home.steps.migrant_worker.browse', href: '/courses?category=vocational' },
            { key: 'home.steps.learner.myClasses', href: '/my/classes' },
            { key: 'home.steps.migrant_worker.attend', href: '/my/classes' },
            { key: 'home.steps.migrant_worker.certificate', href: '/my/consent' },
          ];
    case 'instructor':
      return [
        { key: 'home.steps.instructor.today', href: '/teach' },
        { key: 'home.steps.instructor.attendance', href: '/teach' },
        { key: 'home.steps.instructor.grades', href: '/teach' },
      ];
    case 'coordinator':
      return [
        { key: 'home.steps.coordinator.classes', href: '/manage/classes' },
        { key: 'home.steps.coordinator.import', href: '/manage/import' },
        { key: 'home.steps.coordinator.learners', href: '/manage/people' },
        { key: 'home.steps.coordinator.certificates', href: '/manage/classes' },
        { key: 'home.steps.coordinator.referrals', href: '/manage/jobs' },
      ];
    case 'admin':
      return [
        { key: 'home.steps.admin.dashboard', href: '/dashboard' },
        { key: 'home.steps.admin.classes', href: '/manage/classes' },
        { key: 'home.steps.coordinator.import', href: '/manage/import' },
        { key: 'home.steps.admin.orgs', href: '/admin/orgs' },
        { key: 'home.steps.admin.courses', href: '/admin/courses' },
      ];
    case 'employer':
      return [
        { key: 'home.steps.employer.candidates', href: '/employer' },
        { key: 'home.steps.employer.outcomes', href: '/employer' },
      ];
  }
}

/** The pages each kind of user opens most, as big buttons at the top of /app. */
export function shortcuts(user: Pick<MeDto, 'role' | 'learnerType'>): NextStep[] {
  const profile: NextStep = { key: 'common.nav.profile', href: '/me' };
  switch (user.role) {
    case 'learner':
      return [
        ...(user.learnerType === 'volunteer_mother' ? [{ key: 'common.nav.readiness' as const, href: '/my/readiness' }] : []),
        { key: 'common.nav.myClasses', href: '/my/classes' },
        { key: 'common.nav.courses', href: '/courses' },
        { key: 'common.nav.certificates', href: '/my/certificates' },
        ...(user.learnerType === 'migrant_worker'
          ? [
              { key: 'common.nav.jobs' as const, href: '/jobs' },
              { key: 'common.nav.referrals' as const, href: '/my/referrals' },
              { key: 'common.nav.consent' as const, href: '/my/consent' },
            ]
          : []),
        profile,
      ];
    case 'instructor':
      return [{ key: 'common.nav.teach', href: '/teach' }, profile];
    case 'coordinator':
      return [
        { key: 'common.nav.manageClasses', href: '/manage/classes' },
        { key: 'common.nav.import', href: '/manage/import' },
        { key: 'common.nav.volunteers', href: '/manage/volunteers' },
        { key: 'common.nav.people', href: '/manage/people' },
        { key: 'common.nav.qualifications', href: '/manage/qualifications' },
        { key: 'common.nav.manageJobs', href: '/manage/jobs' },
        { key: 'common.nav.followups', href: '/manage/followups' },
        { key: 'common.nav.dashboard', href: '/dashboard' },
        profile,
      ];
    case 'admin':
      return [
        { key: 'common.nav.dashboard', href: '/dashboard' },
        { key: 'common.nav.manageClasses', href: '/manage/classes' },
        { key: 'common.nav.volunteers', href: '/manage/volunteers' },
        { key: 'common.nav.people', href: '/manage/people' },
        { key: 'common.nav.orgs', href: '/admin/orgs' },
        { key: 'common.nav.courseAdmin', href: '/admin/courses' },
        { key: 'common.nav.qualifications', href: '/manage/qualifications' },
        { key: 'common.nav.manageJobs', href: '/manage/jobs' },
        { key: 'common.nav.audit', href: '/admin/audit' },
        profile,
      ];
    case 'employer':
      return [{ key: 'common.nav.candidates', href: '/employer' }, { key: 'common.nav.followups', href: '/employer/followups' }, profile];
    default:
      return [{ key: 'common.nav.courses', href: '/courses' }, profile];
  }
}

/** Where the quiz of a class is taken, coming back to her class page. */
export const quizHref = (assessmentId: string, enrollmentId: string) => `/learn/quiz/${assessmentId}?enrollment=${enrollmentId}`;

/** Her class page, and one of its lessons. */
export const classHref = (enrollmentId: string) => `/learn/${enrollmentId}`;
export const lessonHref = (enrollmentId: string, position: number) => `/learn/${enrollmentId}/lessons/${position}`;

/** What her class page knows of one class, to pick the one thing she does next. */
export interface ClassState {
  enrollmentId: string;
  status: 'enrolled' | 'waitlisted' | 'completed' | 'failed';
  waitlistPosition: number | null;
  courseCode: string;
  certificateCode: string | null;
  complete: boolean;
  /** The attendance or hours rule is not met yet. */
  attendanceUnmet: boolean;
  /** The session on now, where she checks in. */
  checkInHref: string | null;
  /** The next session, as shown ("5月10日 09:00–11:00"), if any is left. */
  nextSession: string | null;
  /** A quiz still to pass that she can take now. */
  quiz: { href: string; title: string } | null;
  /** A practical assessment still to pass (graded by the instructor). */
  practical: { title: string } | null;
}

/** The one next step in a class: the message, its parameters, and the page (with its button) where she does it. */
export interface ClassNextStep {
  key: MessageKey;
  params?: Record<string, string | number>;
  href?: string;
  action?: MessageKey;
}

/**
 * Her next step in one class, most urgent first: a certificate to see, the waiting list, a session
 * on now, the next session (while attendance or hours are short), a quiz she can take, a practical,
 * or nothing left but the certificate.
 */
export function classNextStep(s: ClassState): ClassNextStep {
  if (s.certificateCode) return { key: 'learning.next.certified', href: `/my/certificates/${s.certificateCode}`, action: 'certificates.mine.show' };
  if (s.status === 'waitlisted')
    return s.waitlistPosition ? { key: 'learning.next.waitlisted', params: { n: s.waitlistPosition } } : { key: 'learning.next.waitlistedNoPos' };
  if (s.status === 'failed') return { key: 'learning.next.failed', href: `/courses/${s.courseCode}`, action: 'certificates.readiness.courseLink' };
  if (s.checkInHref) return { key: 'learning.next.checkIn', href: s.checkInHref, action: 'attendance.mine.checkIn' };
  // Sessions still to come: the next one first (the quiz is usually the end of the course).
  if (s.attendanceUnmet && s.nextSession) return { key: 'learning.next.attend', params: { when: s.nextSession } };
  if (s.quiz) return { key: 'learning.next.quiz', params: { title: s.quiz.title }, href: s.quiz.href, action: 'learning.progress.takeQuiz' };
  if (s.attendanceUnmet) return { key: 'learning.next.contact' };
  if (s.practical) return { key: 'learning.next.practical', params: { title: s.practical.title } };
  return s.complete ? { key: 'learning.next.allMet' } : { key: 'learning.next.contact' };
}
