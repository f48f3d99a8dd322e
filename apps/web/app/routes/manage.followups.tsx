import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FollowUpsPage } from '../components/referrals-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import { loadFollowUps, recordFollowUp } from '../lib/referrals-followups.server';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.followups');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  try {
    return data({ items: await loadFollowUps(api, locale) }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const { status, outcome } = await recordFollowUp(await request.formData(), api, locale, translator(locale));
  return data(outcome, { status, headers });
}

export default function ManageFollowUpsPage() {
  const { items } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <FollowUpsPage
      back={{ to: '/manage/jobs', label: t('referrals.board.back') }}
      items={items}
      result={result}
      unnamed={t('referrals.followups.someone')}
      busy={navigation.state !== 'idle'}
      showEmployer
    />
  );
}
