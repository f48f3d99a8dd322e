import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';
import { FormAlert, SelectField, TextAreaField } from '../components/form';
import { Pagination } from '../components/pagination';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { certificateDate } from '../lib/certificates-format';
import { formText, isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { useSettledActionData } from '../lib/settled-action-data';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta('certificates.page.qualifications');

const PAGE_SIZE = 10;
const REASON_MAX = 500;
/** The national register of vocational certificates, where she looks the number up before deciding. */
const NATIONAL_LOOKUP_URL = 'http://zscx.osta.org.cn/';

const pageHref = (page: number) => (page > 1 ? `/manage/qualifications?page=${page}` : '/manage/qualifications');

/** One page of the pending qualifications of her subtree, oldest first, with the courses she may match them to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(new URL(request.url).searchParams.get('page')) || 1)));
  try {
    const [pending, courses] = await Promise.all([
      api.externalCredentials.review({ status: 'pending', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, lang: locale }),
      api.courses.list({ lang: locale }),
    ]);
    const pages = Math.max(1, Math.ceil(pending.total / PAGE_SIZE));
    return data(
      {
        total: pending.total,
        page,
        pages,
        previous: page > 1 ? pageHref(Math.min(page - 1, pages)) : null,
        next: page < pages ? pageHref(page + 1) : null,
        courses: courses.items.map((c) => ({ id: c.id, label: `${c.title}（${c.code}）` })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
        items: pending.items.map((q) => ({
          id: q.id,
          learnerName: q.learnerName,
          orgName: q.orgName,
          occupation: q.level ? `${q.occupation} · ${q.level}` : q.occupation,
          number: q.certificateNumberMasked,
          issuingBody: q.issuingBody,
          issuedOn: certificateDate(q.issuedOn, locale),
          expiresOn: q.expiresOn ? certificateDate(q.expiresOn, locale) : null,
          course: q.course,
        })),
      },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

type Outcome = { id: string; done?: string; errors?: FormErrors; reason?: string };

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const id = formText(form, 'id');
  const intent = formText(form, 'intent');
  const name = formText(form, 'learnerName').slice(0, 100);
  const occupation = formText(form, 'occupation').slice(0, 160);
  if (!isUuid(id) || (intent !== 'verify' && intent !== 'reject'))
    return data<Outcome>({ id, errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, { status: 400, headers });
  const reason = formText(form, 'reason').trim();
  if (intent === 'reject' && (reason.length < 1 || reason.length > REASON_MAX)) {
    return data<Outcome>(
      { id, reason: reason.slice(0, REASON_MAX * 2), errors: { fields: { [`reason-${id}`]: t('certificates.qualifications.error.reason') } } },
      { status: 400, headers },
    );
  }
  try {
    if (intent === 'verify') {
      const courseId = formText(form, 'courseId');
      await api.externalCredentials.verify(id, isUuid(courseId) ? { courseId } : {});
      return data<Outcome>({ id, done: t('certificates.qualifications.verified', { name, occupation }) }, { headers });
    }
    await api.externalCredentials.reject(id, reason);
    return data<Outcome>({ id, done: t('certificates.qualifications.rejected', { name, occupation }) }, { headers });
  } catch (error) {
    if (isApiError(error, 'INVALID_TRANSITION'))
      return data<Outcome>({ id, errors: { form: t('certificates.qualifications.error.decided'), fields: {} } }, { status: 409, headers });
    if (isApiError(error, 'NOT_FOUND')) return data<Outcome>({ id, errors: { form: t('common.error.NOT_FOUND'), fields: {} } }, { status: 404, headers });
    if (isApiError(error, 'VALIDATION_FAILED'))
      return data<Outcome>({ id, errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, { status: 400, headers });
    return unavailableOrRethrow(error);
  }
}

export default function QualificationsPage() {
  const view = useLoaderData<typeof loader>();
  const outcome = useSettledActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle';
  return (
    <section className="stack">
      <h1>{t('certificates.qualifications.heading')}</h1>
      <p>{t('certificates.qualifications.intro')}</p>
      <p>
        <a href={NATIONAL_LOOKUP_URL} target="_blank" rel="noopener noreferrer">
          {t('certificates.qualifications.lookup')}
        </a>
      </p>
      {outcome?.done ? <StatusNotice tone="success">{outcome.done}</StatusNotice> : null}
      <FormAlert errors={outcome?.errors} />
      <p>
        <strong>{t('certificates.qualifications.count', { n: view.total })}</strong>
      </p>
      {view.items.length === 0 ? (
        <p className="card">{t('certificates.qualifications.empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {view.items.map((q) => {
            const mine = outcome && outcome.id === q.id ? outcome : null;
            const reasonError = mine?.errors?.fields[`reason-${q.id}`];
            return (
              <li key={q.id} className="card stack" aria-labelledby={`qual-${q.id}`}>
                <h2 id={`qual-${q.id}`}>
                  {q.learnerName} · {q.occupation}
                </h2>
                <dl className="facts">
                  <div>
                    <dt>{t('certificates.qualifications.org')}</dt>
                    <dd>{q.orgName}</dd>
                  </div>
                  <div>
                    <dt>{t('certificates.qualifications.number')}</dt>
                    <dd className="cert-code">{q.number}</dd>
                  </div>
                  <div>
                    <dt>{t('certificates.qualifications.issuingBody')}</dt>
                    <dd>{q.issuingBody}</dd>
                  </div>
                  <div>
                    <dt>{t('certificates.qualifications.issuedOn')}</dt>
                    <dd>{q.issuedOn}</dd>
                  </div>
                  {q.expiresOn ? (
                    <div>
                      <dt>{t('certificates.qualifications.expiresOn')}</dt>
                      <dd>{q.expiresOn}</dd>
                    </div>
                  ) : null}
                </dl>
                <Form method="post" className="stack" aria-label={`${t('certificates.qualifications.verify')}：${q.learnerName}`}>
                  <input type="hidden" name="id" value={q.id} />
                  <input type="hidden" name="learnerName" value={q.learnerName} />
                  <input type="hidden" name="occupation" value={q.occupation} />
                  <SelectField
                    name="courseId"
                    idSuffix={q.id}
                    label={t('certificates.qualifications.course')}
                    hint={
                      q.course?.suggested
                        ? `${t('certificates.qualifications.courseHint')} ${t('certificates.qualifications.courseSuggested')}`
                        : t('certificates.qualifications.courseHint')
                    }
                    defaultValue={q.course?.id ?? ''}
                  >
                    <option value="">{t('certificates.qualifications.noCourse')}</option>
                    {view.courses.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label}
                      </option>
                    ))}
                  </SelectField>
                  <button type="submit" name="intent" value="verify" className="button button-primary button-block" disabled={busy}>
                    {t('certificates.qualifications.verify')}
                  </button>
                </Form>
                <details open={Boolean(reasonError)}>
                  <summary>{t('certificates.qualifications.rejectOpen')}</summary>
                  <Form method="post" className="stack" noValidate aria-label={`${t('certificates.qualifications.reject')}：${q.learnerName}`}>
                    <input type="hidden" name="id" value={q.id} />
                    <input type="hidden" name="learnerName" value={q.learnerName} />
                    <input type="hidden" name="occupation" value={q.occupation} />
                    <TextAreaField
                      name="reason"
                      idSuffix={q.id}
                      label={t('certificates.qualifications.reason')}
                      hint={t('certificates.qualifications.reasonHint')}
                      error={reasonError}
                      defaultValue={mine?.reason ?? ''}
                      maxLength={REASON_MAX}
                      rows={3}
                      required
                    />
                    <button type="submit" name="intent" value="reject" className="button button-secondary button-block" disabled={busy}>
                      {t('certificates.qualifications.reject')}
                    </button>
                  </Form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={view.page} pages={view.pages} previous={view.previous} next={view.next} />
    </section>
  );
}
