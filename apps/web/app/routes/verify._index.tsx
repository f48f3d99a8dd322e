import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { VerifyForm } from '../components/certificates-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import type { RouteHandle } from '../root';
import { checkCertificateCode } from '../lib/certificates-code';
import { certificatesLinks } from '../lib/certificates-styles';
import { getLocale } from '../lib/locale.server';
import { CheckUnavailable, checkCredential, type Step } from '../lib/credential-check.server';

/** Public, opened by employers on any phone: plain HTML, no JavaScript. */
export const handle: RouteHandle = { noScripts: true };
export const links = certificatesLinks;
export const meta: MetaFunction = (args) => [...titleMeta('certificates.page.verify')(args), { name: 'robots', content: 'noindex' }];

/** The form is a GET to this page; a well-formed code goes on to /verify/<code>. */
export async function loader({ request }: LoaderFunctionArgs) {
  const input = new URL(request.url).searchParams.get('code');
  if (input === null) return data({ input: '', error: null });
  const checked = checkCertificateCode(input.slice(0, 60));
  if (checked.ok) throw redirect(`/verify/${checked.code}`);
  const t = translator(await getLocale(request));
  return data({ input: input.slice(0, 60), error: t(`certificates.verify.error.${checked.problem}`) }, { status: 400 });
}

/** A VC-JWT is a few kilobytes; anything much bigger is not one. */
const MAX_CREDENTIAL_BYTES = 64 * 1024;

/**
 * A pasted or uploaded credential (the .jwt file a holder downloads), checked here as an outside
 * verifier would, with only what the issuer publishes (JWKS, issuer Profile, status list). Multipart,
 * works without JavaScript; the pasted text wins over the file.
 */
export async function action({ request }: ActionFunctionArgs) {
  const t = translator(await getLocale(request));
  const noStore = { 'Cache-Control': 'no-store' };
  if (Number(request.headers.get('content-length') ?? 0) > MAX_CREDENTIAL_BYTES + 4096) {
    return data({ steps: null, error: t('certificates.check.error.tooLarge') }, { status: 413, headers: noStore });
  }
  let text = '';
  try {
    const form = await request.formData();
    text = String(form.get('credential') ?? '').trim();
    const file = form.get('file');
    if (!text && file && typeof file === 'object' && file.size > 0) text = file.size <= MAX_CREDENTIAL_BYTES ? (await file.text()).trim() : '';
  } catch {
    return data({ steps: null, error: t('certificates.check.error.empty') }, { status: 400, headers: noStore });
  }
  // The holder's JSON download ({ credential: "<jwt>" }) is accepted too.
  if (text.startsWith('{')) {
    try {
      const wrapped = JSON.parse(text) as { credential?: unknown };
      if (typeof wrapped.credential === 'string') text = wrapped.credential.trim();
    } catch {
      /* not JSON: checked as it is, and fails as a malformed signature */
    }
  }
  text = text.replace(/\s+/g, '');
  if (!text) return data({ steps: null, error: t('certificates.check.error.empty') }, { status: 400, headers: noStore });
  try {
    return data({ steps: await checkCredential(text), error: null }, { headers: noStore });
  } catch (error) {
    if (error instanceof CheckUnavailable) return data({ steps: null, error: t('certificates.check.error.unavailable') }, { status: 503, headers: noStore });
    throw error;
  }
}

const MARK: Record<Step['state'], string> = { pass: '✓', fail: '✕', skip: '–' };

function CredentialCheck() {
  const { t } = useI18n();
  const result = useActionData<typeof action>();
  return (
    <section className="stack" aria-labelledby="credential-check">
      <h2 id="credential-check">{t('certificates.check.heading')}</h2>
      <p>{t('certificates.check.intro')}</p>
      {result?.error ? (
        <p className="alert" role="alert">
          {result.error}
        </p>
      ) : null}
      {result?.steps ? (
        <ol className="stack" aria-label={t('certificates.check.resultLabel')}>
          {result.steps.map((step) => (
            <li
              key={step.name}
              className={`verdict ${step.state === 'pass' ? 'verdict-valid' : step.state === 'fail' ? 'verdict-unknown' : 'verdict-expired'}`}
            >
              <p className="verdict-reason">
                <span aria-hidden="true">{MARK[step.state]} </span>
                {t(`certificates.check.step.${step.name}`)}：{t(`certificates.check.state.${step.state}`)}
              </p>
              <p>{t(`certificates.check.${step.name}.${step.detail}` as Parameters<typeof t>[0], step.values)}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <form method="post" encType="multipart/form-data" className="stack" noValidate>
        <div className="field">
          <label htmlFor="field-credential">{t('certificates.check.pasteLabel')}</label>
          <textarea id="field-credential" name="credential" className="cert-textarea" rows={6} autoComplete="off" autoCapitalize="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="field-credential-file">{t('certificates.check.fileLabel')}</label>
          <input id="field-credential-file" name="file" type="file" accept=".jwt,.json,application/vc+jwt,application/json,text/plain" />
        </div>
        <button type="submit" className="button button-primary button-block">
          {t('certificates.check.submit')}
        </button>
      </form>
    </section>
  );
}

export default function VerifyPage() {
  const { input, error } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack narrow">
      <h1>{t('certificates.verify.heading')}</h1>
      <p>{t('certificates.verify.intro')}</p>
      <VerifyForm input={input} error={error} />
      <p>
        <Link to="/verify/bulk">{t('certificates.verify.bulkLink')}</Link>
      </p>
      <CredentialCheck />
    </div>
  );
}
