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
            { key: 'steps.volunteer_mother.law', href: '/courses?category=law' },
            { key: 'steps.volunteer_mother.care', href: '/courses?category=care' },
            { key: 'steps.learner.myClasses', href: '/my/classes' },
            { key: 'steps.volunteer_mother.pairing', href: '/my/readiness' },
          ]
        : [
            { key: 'steps.migrant_worker.browse', href: '/courses?category=vocational' },
            { key: 'steps.learner.myClasses', href: '/my/classes' },
            { key: 'steps.migrant_worker.attend', href: '/my/classes' },
            { key: 'steps.migrant_worker.certificate', href: '/my/consent' },
          ];
    case 'instructor':
      return [
        { key: 'steps.instructor.today', href: '/teach' },
        { key: 'steps.instructor.attendance', href: '/teach' },
        { key: 'steps.instructor.grades', href: '/teach' },
      ];
    case 'coordinator':
      return [
        { key: 'steps.coordinator.classes', href: '/manage/classes' },
        { key: 'steps.coordinator.import', href: '/manage/import' },
        { key: 'steps.coordinator.learners', href: '/manage/people' },
        { key: 'steps.coordinator.certificates', href: '/manage/classes' },
        { key: 'steps.coordinator.referrals', href: '/manage/jobs' },
      ];
    case 'admin':
      return [
        { key: 'steps.admin.dashboard', href: '/dashboard' },
        { key: 'steps.admin.classes', href: '/manage/classes' },
        { key: 'steps.coordinator.import', href: '/manage/import' },
        { key: 'steps.admin.orgs', href: '/admin/orgs' },
        { key: 'steps.admin.courses', href: '/admin/courses' },
      ];
    case 'employer':
      return [
        { key: 'steps.employer.candidates', href: '/employer' },
        { key: 'steps.employer.outcomes', href: '/employer' },
      ];
  }
}

/** The pages each kind of user opens most, as big buttons at the top of /app. */
export function shortcuts(user: Pick<MeDto, 'role' | 'learnerType'>): NextStep[] {
  const profile: NextStep = { key: 'nav.profile', href: '/me' };
  switch (user.role) {
    case 'learner':
      return [
        ...(user.learnerType === 'volunteer_mother' ? [{ key: 'nav.readiness' as const, href: '/my/readiness' }] : []),
        { key: 'nav.myClasses', href: '/my/classes' },
        { key: 'nav.courses', href: '/courses' },
        { key: 'nav.certificates', href: '/my/certificates' },
        ...(user.learnerType === 'migrant_worker'
          ? [{ key: 'nav.jobs' as const, href: '/jobs' }, { key: 'nav.referrals' as const, href: '/my/referrals' }, { key: 'nav.consent' as const, href: '/my/consent' }]
          : []),
        profile,
      ];
    case 'instructor':
      return [{ key: 'nav.teach', href: '/teach' }, profile];
    case 'coordinator':
      return [
        { key: 'nav.manageClasses', href: '/manage/classes' },
        { key: 'nav.import', href: '/manage/import' },
        { key: 'nav.volunteers', href: '/manage/volunteers' },
        { key: 'nav.people', href: '/manage/people' },
        { key: 'nav.qualifications', href: '/manage/qualifications' },
        { key: 'nav.manageJobs', href: '/manage/jobs' },
        { key: 'nav.followups', href: '/manage/followups' },
        { key: 'nav.dashboard', href: '/dashboard' },
        profile,
      ];
    case 'admin':
      return [
        { key: 'nav.dashboard', href: '/dashboard' },
        { key: 'nav.manageClasses', href: '/manage/classes' },
        { key: 'nav.volunteers', href: '/manage/volunteers' },
        { key: 'nav.people', href: '/manage/people' },
        { key: 'nav.orgs', href: '/admin/orgs' },
        { key: 'nav.courseAdmin', href: '/admin/courses' },
        { key: 'nav.qualifications', href: '/manage/qualifications' },
        { key: 'nav.manageJobs', href: '/manage/jobs' },
        { key: 'nav.audit', href: '/admin/audit' },
        profile,
      ];
    case 'employer':
      return [{ key: 'nav.candidates', href: '/employer' }, { key: 'nav.followups', href: '/employer/followups' }, profile];
    default:
      return [{ key: 'nav.courses', href: '/courses' }, profile];
  }
}
