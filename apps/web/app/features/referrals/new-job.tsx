import type { LinksFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { JobForm } from '../../components/referrals-parts';
import { titleMeta, useI18n } from '../../i18n';
import referralsCss from '../../styles/referrals.css?url';
import type { newJobAction, newJobLoader } from './new-job.server';
import { SIDE_VIEW, type ReferralSide } from './sides';

export const newJobMeta = titleMeta('referrals.page.newJob');
export const newJobLinks: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

/** The new-opening page of /employer/jobs/new and /manage/jobs/new. */
export function NewJobRoute({ side }: { side: ReferralSide }) {
  const { employerId, employers, courses, preset } = useLoaderData<typeof newJobLoader>();
  const result = useActionData<typeof newJobAction>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const back = SIDE_VIEW[side].back;
  return (
    <section className="stack">
      <p>
        <Link to={back.to}>{t(back.label)}</Link>
      </p>
      <h1>{t('referrals.jobForm.heading')}</h1>
      <JobForm
        employerId={employerId ?? undefined}
        employers={employers ?? undefined}
        courses={courses}
        values={result?.values ?? (employers ? { employerId: preset } : undefined)}
        errors={result?.errors}
        busy={navigation.state === 'submitting'}
      />
    </section>
  );
}
