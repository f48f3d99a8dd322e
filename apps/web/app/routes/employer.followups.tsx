import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FollowUpsPage } from '../components/referrals-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import { loadFollowUps, recordFollowUp } from '../lib/referrals-followups.server';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.followups');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['employer'] });
  const locale = await getLocale(request);
  try {
    return data({ items: await loadFollowUps(api, locale, { forEmployer: true }) }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['employer'] });
  const locale = await getLocale(request);
  const { status, outcome } = await recordFollowUp(await request.formData(), api, locale, translator(locale));
  return data(outcome, { status, headers });
}

export default function EmployerFollowUpsPage() {
  const { items } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <FollowUpsPage
      back={{ to: '/employer', label: t('referrals.employer.back') }}
      items={items}
      result={result}
      unnamed={t('referrals.employer.withdrawnCandidate')}
      busy={navigation.state !== 'idle'}
      showEmployer={false}
    />
  );
}
