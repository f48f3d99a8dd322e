import type { MeDto } from '@hearth/contracts';
import type { MessageKey } from '../i18n';

/** What each kind of user does next, shown on /app (as text until the pages for them exist). */
export function nextSteps(user: Pick<MeDto, 'role' | 'learnerType'>): MessageKey[] {
  switch (user.role) {
    case 'learner':
      return user.learnerType === 'volunteer_mother'
        ? ['steps.volunteer_mother.law', 'steps.volunteer_mother.care', 'steps.volunteer_mother.pairing']
        : ['steps.migrant_worker.browse', 'steps.migrant_worker.attend', 'steps.migrant_worker.certificate'];
    case 'instructor':
      return ['steps.instructor.today', 'steps.instructor.attendance', 'steps.instructor.grades'];
    case 'coordinator':
      return ['steps.coordinator.classes', 'steps.coordinator.learners', 'steps.coordinator.certificates', 'steps.coordinator.referrals'];
    case 'admin':
      return ['steps.admin.orgs', 'steps.admin.dashboard'];
    case 'employer':
      return ['steps.employer.candidates', 'steps.employer.outcomes'];
  }
}
