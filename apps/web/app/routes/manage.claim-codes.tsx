import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { certificateDate } from '../lib/certificates-format';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import peopleCss from '../styles/people.css?url';
import { StatusNotice } from '../components/notice';
import { PrintButton } from '../components/print-button';

export const meta = titleMeta('people.page.claimCodes');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: peopleCss }];

/** Same bound as the API: one sheet, one short transaction. */
const MAX_PER_SHEET = 500;

/** Opened by address, there is nothing to show: codes are made only by the import page's button (a POST). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: MANAGER_ROLES });
  return data({}, { headers: { 'Cache-Control': 'private, no-store' } });
}

interface Sheet {
  cards: { userId: string; name: string; phone: string; code: string; expires: string }[];
  skipped: number;
  site: string;
  error: string | null;
}

/**
 * Generates the codes (for an import, or for chosen learners) and answers with the printable sheet
 * itself, so it works without JavaScript. The codes are never stored in readable form: this answer
 * is the only place they appear, hence no-store.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const importId = form.get('importId');
  const userIds = form.getAll('userId').filter(isUuid);
  const site = `${new URL(request.url).origin}/register`;
  const noStore = { ...headers, 'Cache-Control': 'private, no-store' };
  const fail = (error: string, status: number) => data<Sheet>({ cards: [], skipped: 0, site, error }, { status, headers: noStore });
  if (!isUuid(importId) && userIds.length === 0) return fail(t('people.codes.error.none'), 400);
  if (userIds.length > MAX_PER_SHEET) return fail(t('people.codes.error.tooMany'), 400);
  try {
    const sheet = await api.users.claimCodes(isUuid(importId) ? { importId } : { userIds });
    return data<Sheet>(
      {
        cards: sheet.items.map((c) => ({
          userId: c.userId,
          name: c.name,
          phone: c.phoneMasked,
          code: `${c.code.slice(0, 4)} ${c.code.slice(4)}`,
          expires: certificateDate(c.expiresAt, locale),
        })),
        skipped: sheet.skippedClaimed,
        site,
        error: null,
      },
      { headers: noStore },
    );
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return fail(t('common.error.NOT_FOUND'), 404);
    if (isApiError(error, 'ALREADY_CLAIMED')) return fail(t('common.error.ALREADY_CLAIMED'), 409);
    if (isApiError(error, 'VALIDATION_FAILED')) return fail(t('people.codes.error.tooMany'), 400);
    return unavailableOrRethrow(error);
  }
}

export default function ClaimCodesPage() {
  const sheet = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="stack">
      <div className="no-print stack">
        <p>
          <Link to="/manage/import">{t('people.codes.back')}</Link>
        </p>
        <h1>{t('people.codes.heading')}</h1>
        {!sheet ? (
          <p>{t('people.codes.error.none')}</p>
        ) : sheet.error ? (
          <div className="alert" role="alert">
            <p>{sheet.error}</p>
          </div>
        ) : sheet.cards.length === 0 ? (
          <p role="status">{t('people.codes.none')}</p>
        ) : (
          <>
            <StatusNotice tone="warning">{t('people.codes.intro')}</StatusNotice>
            <p>
              <strong>{t('people.codes.count', { n: sheet.cards.length })}</strong>
              {sheet.skipped > 0 ? ` ${t('people.codes.skipped', { n: sheet.skipped })}` : null}
            </p>
            <PrintButton className="button button-primary button-block">{t('people.codes.print')}</PrintButton>
          </>
        )}
      </div>
      {sheet && sheet.cards.length > 0 ? (
        <ul className="codes-sheet" aria-label={t('people.codes.heading')}>
          {sheet.cards.map((c) => (
            <li key={c.userId} className="code-card" aria-labelledby={`code-${c.userId}`}>
              <h2>{t('people.codes.card.title')}</h2>
              <p className="code-name" id={`code-${c.userId}`}>
                {c.name}
              </p>
              <p className="code-phone">
                {t('people.codes.card.phone')}：{c.phone}
              </p>
              <p className="code-label">{t('people.codes.card.code')}</p>
              <p className="code-value">{c.code}</p>
              <p className="code-label">
                {t('people.codes.card.expires')}：{c.expires}
              </p>
              <ol>
                <li>
                  {t('people.codes.card.step1')} <span className="code-site">{sheet.site}</span>
                </li>
                <li>{t('people.codes.card.step2')}</li>
                <li>{t('people.codes.card.step3')}</li>
              </ol>
              <p className="code-keep">{t('people.codes.card.keep')}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
