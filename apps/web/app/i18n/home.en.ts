import type { homeZhCN } from './home';

/** English for the keys of `./home` (typed against them: a missing key is a compile error). */
export const homeEn: Record<keyof typeof homeZhCN, string> = {
  'home.page.home': 'Home',
  'home.page.app': 'My Hearth',

  'home.heading': 'Learn, get certified and find work — on your phone',
  'home.intro':
    "Hearth is the free training and certification platform of the women's federations. Enrollment, class check-in, assessment and certificates all work on a phone.",
  'home.whoFor': 'Who it is for',
  'home.mothers.title': 'Caring mothers (volunteers)',
  'home.mothers.body':
    'Before being paired with a left-behind or vulnerable child, a volunteer completes the law courses, such as the Minor Protection Law, and the child-care courses, and earns their certificates.',
  'home.migrants.title': 'Migrant women workers',
  'home.migrants.body': 'Free vocational classes in housekeeping, infant care, elderly care and more; pass the assessment and earn a certificate.',
  'home.referrals.title': 'Help finding work',
  'home.referrals.body': "With your consent, women's clubs refer certified trainees to partner employers.",
  'home.signedIn': 'You are signed in.',
  'home.goToApp': 'Go to My Hearth',
  'home.registerCta': 'Create an account',
  'home.signInCta': 'I have an account: sign in',

  'home.app.greeting': 'Hello, {name}',
  'home.app.role': 'Role',
  'home.app.org': 'Organisation',
  'home.app.noOrg': 'Not in an organisation yet',
  'home.app.nextSteps': 'Next steps',
  'home.app.comingSoon': 'These features are arriving step by step.',

  'home.steps.volunteer_mother.law': 'Complete the required law courses, such as the Minor Protection Law.',
  'home.steps.volunteer_mother.care': 'Complete the required child-care courses.',
  'home.steps.volunteer_mother.pairing': 'Once certified, the federation will pair you with a child.',
  'home.steps.migrant_worker.browse': 'Browse the free vocational courses and enrol in a class that suits you.',
  'home.steps.migrant_worker.attend': 'Attend and check in to every session, then take the assessment.',
  'home.steps.migrant_worker.certificate': 'Pass to earn a certificate; with your consent, your club can refer you to employers.',
  'home.steps.instructor.today': "See today's sessions.",
  'home.steps.instructor.attendance': 'Take attendance at every session.',
  'home.steps.instructor.grades': 'Record practical assessment grades.',
  'home.steps.coordinator.classes': 'Open classes and schedule instructors and sessions.',
  'home.steps.coordinator.learners': 'Manage learner and instructor accounts.',
  'home.steps.coordinator.certificates': 'Issue certificates to learners who meet the requirements.',
  'home.steps.coordinator.referrals': 'Refer certified learners to employers.',
  'home.steps.admin.orgs': 'Maintain the organisation tree (province, city, county, club, station).',
  'home.steps.admin.courses': 'Write and publish courses: hours, attendance and assessment rules, certificate validity.',
  'home.steps.admin.dashboard': 'Watch the dashboard: learners, attendance, certificates issued and jobs found.',
  'home.steps.employer.candidates': 'Review the candidates clubs have referred to you.',
  'home.steps.employer.outcomes': 'Record interview and hiring outcomes.',

  'home.browseCourses': 'Browse the free courses',

  'home.app.shortcuts': 'Shortcuts',

  'home.steps.learner.myClasses': 'See your classes, and when and where they meet.',
  'home.steps.coordinator.import': 'Import learners from a CSV spreadsheet, straight into a class if you like.',
  'home.steps.admin.classes': 'See and open classes across your organisations.',
};
