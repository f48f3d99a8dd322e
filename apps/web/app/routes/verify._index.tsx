import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { VerifyForm } from '../components/certificates-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import type { RouteHandle } from '../root';
import { checkCertificateCode } from '../lib/certificates-code';
import { certificatesLinks } from '../lib/certificates-styles';
import { getLocale } from '../lib/locale.server';

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
    </div>
  );
}
