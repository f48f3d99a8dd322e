/**
 * The two sides of the referral pages that both roles share (follow-ups, a new opening): an employer's
 * staff under /employer, for their own company, and coordinators and admins under /manage.
 */
export type ReferralSide = 'employer' | 'manage';

/** Where each side's pages lead back to, and how each names a learner it may not see. */
export const SIDE_VIEW = {
  employer: { back: { to: '/employer', label: 'referrals.employer.back' }, unnamed: 'referrals.employer.withdrawnCandidate', showEmployer: false },
  manage: { back: { to: '/manage/jobs', label: 'referrals.board.back' }, unnamed: 'referrals.followups.someone', showEmployer: true },
} as const;
