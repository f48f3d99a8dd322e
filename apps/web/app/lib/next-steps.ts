import type { MeDto } from '@hearth/contracts';
import type { MessageKey } from '../i18n';

/** One thing to do next; `href` once the page for it exists (the rest show as text until then). */
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
            { key: 'steps.volunteer_mother.pairing' },
          ]
        : [
            { key: 'steps.migrant_worker.browse', href: '/courses?category=vocational' },
            { key: 'steps.learner.myClasses', href: '/my/classes' },
            { key: 'steps.migrant_worker.attend' },
            { key: 'steps.migrant_worker.certificate' },
          ];
    case 'instructor':
      return [{ key: 'steps.instructor.today' }, { key: 'steps.instructor.attendance' }, { key: 'steps.instructor.grades' }];
    case 'coordinator':
      return [
        { key: 'steps.coordinator.classes', href: '/manage/classes' },
        { key: 'steps.coordinator.import', href: '/manage/import' },
        { key: 'steps.coordinator.learners' },
        { key: 'steps.coordinator.certificates' },
        { key: 'steps.coordinator.referrals' },
      ];
    case 'admin':
      return [
        { key: 'steps.admin.classes', href: '/manage/classes' },
        { key: 'steps.coordinator.import', href: '/manage/import' },
        { key: 'steps.admin.orgs' },
        { key: 'steps.admin.dashboard' },
      ];
    case 'employer':
      return [{ key: 'steps.employer.candidates' }, { key: 'steps.employer.outcomes' }];
  }
}

/** The pages each kind of user opens most, as big buttons at the top of /app. */
export function shortcuts(user: Pick<MeDto, 'role'>): NextStep[] {
  switch (user.role) {
    case 'learner':
      return [
        { key: 'nav.courses', href: '/courses' },
        { key: 'nav.myClasses', href: '/my/classes' },
      ];
    case 'coordinator':
    case 'admin':
      return [
        { key: 'nav.manageClasses', href: '/manage/classes' },
        { key: 'nav.import', href: '/manage/import' },
      ];
    default:
      return [{ key: 'nav.courses', href: '/courses' }];
  }
}
