import { Link } from '@remix-run/react';
import { useI18n } from '../i18n';
import type { ClassNextStep } from '../lib/next-steps';

/** Her one next step in a class, highlighted, with the button that does it. */
export function NextStepCard({ step, headingLevel = 2 }: { step: ClassNextStep; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="notice next-step stack-tight">
      <Heading className="next-step-label">{t('learning.next.heading')}</Heading>
      <p>
        <strong>{t(step.key, step.params)}</strong>
      </p>
      {step.href && step.action ? (
        <p>
          <Link to={step.href} className="button button-primary button-block">
            {t(step.action)}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
