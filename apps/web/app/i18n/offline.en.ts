import type { offlineZhCN } from './offline';

/** English for the keys of `./offline` (typed against them: a missing key is a compile error). */
export const offlineEn: Record<keyof typeof offlineZhCN, string> = {
  'offline.banner': 'Offline · data from {time}',
  'offline.page.title': 'This page needs signal',
  'offline.page.body':
    'The phone has no signal now. This page (enrollment, referrals, dashboards and the like) only opens online; it is not stored on the phone.',
  'offline.page.stored': 'Stored on the phone, opening without signal: roll call and rosters, My Hearth, certificate checks.',
  'offline.page.retry': 'Try again',
  'offline.page.home': 'Back to My Hearth',
  'offline.verify.heading': 'Certificate check (offline)',
  'offline.verify.intro': 'No signal: only the signature in the certificate’s QR code can be checked here. Whether it was revoked needs a check online.',
  'offline.verify.noToken': 'This link carries no signed QR token, so it cannot be checked offline. Open it again with signal.',
  'offline.install.heading': 'Add to home screen',
  'offline.install.body': 'Put Hearth on your phone’s home screen: roll call and certificate checks open even without signal.',
  'offline.install.add': 'Add to home screen',
  'offline.install.howto': 'In the browser menu (⋮ or Share), choose “Add to Home screen”.',
  'offline.install.dismiss': 'Not now',
  'offline.update.body': 'A new version is ready.',
  'offline.update.reload': 'New version · reload',
};
