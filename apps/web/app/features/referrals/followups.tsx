import type { LinksFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FollowUpsPage } from '../../components/referrals-parts';
import { titleMeta, useI18n } from '../../i18n';
import referralsCss from '../../styles/referrals.css?url';
import type { followUpsAction, followUpsLoader } from './followups.server';
import { SIDE_VIEW, type ReferralSide } from './sides';

export const followUpsMeta = titleMeta('referrals.page.followups');
export const followUpsLinks: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

/** The follow-up page of /employer/followups and /manage/followups. */
export function FollowUpsRoute({ side }: { side: ReferralSide }) {
  const { items } = useLoaderData<typeof followUpsLoader>();
  const result = useActionData<typeof followUpsAction>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const view = SIDE_VIEW[side];
  return (
    <FollowUpsPage
      back={{ to: view.back.to, label: t(view.back.label) }}
      items={items}
      result={result}
      unnamed={t(view.unnamed)}
      busy={navigation.state !== 'idle'}
      showEmployer={view.showEmployer}
    />
  );
}
