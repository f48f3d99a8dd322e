import { Link } from '@remix-run/react';
import { useI18n } from '../i18n';
import { classHref, type ClassNextStep } from '../lib/next-steps';

/** Her one next step in a class, highlighted, with the button that does it. */
export function NextStepCard({ step }: { step: ClassNextStep }) {
  const { t } = useI18n();
  return (
    <section className="notice next-step stack-tight" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading" className="next-step-label">
        {t('learning.next.heading')}
      </h2>
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

interface ClassCard {
  enrollmentId: string;
  courseTitle: string;
  orgName: string;
  status: 'enrolled' | 'waitlisted' | 'completed' | 'failed';
  waitlistPosition: number | null;
  next: ClassNextStep | null;
}

/** Her classes on /app: each leads to its class page (lessons, progress, quiz), her next step highlighted. */
export function MyClassCards({ classes }: { classes: ClassCard[] }) {
  const { t } = useI18n();
  return (
    <ul className="class-list">
      {classes.map((c) => (
        <li key={c.enrollmentId} className="card stack-tight">
          <h3>{c.courseTitle}</h3>
          <p>
            <span className={`badge badge-enrollment-${c.status}`}>
              {c.status === 'waitlisted' && c.waitlistPosition
                ? t('classes.enrol.mine.waitlisted', { n: c.waitlistPosition })
                : t(`classes.enrollmentStatus.${c.status}`)}
            </span>{' '}
            {c.orgName}
          </p>
          {c.next ? (
            <p className="next-step next-step-inline">
              <span className="next-step-label">{t('learning.nextStepLabel')}</span>
              {t(c.next.key, c.next.params)}
            </p>
          ) : null}
          <p>
            <Link to={classHref(c.enrollmentId)} className="button button-primary button-block" aria-label={`${t('learning.open')} · ${c.courseTitle}`}>
              {t('learning.open')}
            </Link>
          </p>
          <p className="hint">{t('learning.openHint')}</p>
        </li>
      ))}
    </ul>
  );
}
