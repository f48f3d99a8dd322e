import type { ClassDto, CourseCategory } from '@hearth/contracts';
import type { ClassView } from '../lib/class-view';
import { useI18n } from '../i18n';

/** Where, when, who and how many seats: the facts a learner chooses a class by. */
export function ClassFacts({ klass, showOrg = true }: { klass: ClassView; showOrg?: boolean }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {showOrg ? (
        <div>
          <dt>{t('classes.info.org')}</dt>
          <dd>{klass.orgName}</dd>
        </div>
      ) : null}
      {klass.location ? (
        <div>
          <dt>{t('classes.info.location')}</dt>
          <dd>{klass.location}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('classes.info.dates')}</dt>
        <dd>{t('classes.info.datesValue', { from: klass.startsOn, to: klass.endsOn })}</dd>
      </div>
      {klass.instructorName ? (
        <div>
          <dt>{t('classes.info.instructor')}</dt>
          <dd>{klass.instructorName}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('classes.info.seats')}</dt>
        <dd>
          <Seats klass={klass} />
        </dd>
      </div>
    </dl>
  );
}

/** "剩余 5 个名额", or "名额已满 · 候补 3 人" once the class is full. */
export function Seats({ klass }: { klass: Pick<ClassView, 'seatsLeft' | 'waitlistCount' | 'enrolledCount' | 'capacity'> }) {
  const { t } = useI18n();
  if (klass.seatsLeft > 0) return <>{t('classes.info.seatsLeft', { n: klass.seatsLeft, capacity: klass.capacity })}</>;
  return <>{klass.waitlistCount > 0 ? t('classes.info.full', { n: klass.waitlistCount }) : t('classes.info.fullNoWaitlist')}</>;
}

/** The sessions, folded away when there are many so the page stays short on a phone. */
export function SessionList({ sessions }: { sessions: ClassView['sessions'] }) {
  const { t } = useI18n();
  if (sessions.length === 0) return <p className="hint">{t('classes.info.noSessions')}</p>;
  return (
    <details className="schedule" open={sessions.length <= 3}>
      <summary>{t('classes.info.schedule', { n: sessions.length })}</summary>
      <ol className="session-list">
        {sessions.map((s) => (
          <li key={s.id}>
            {s.cancelled ? (
              <>
                <s>{s.when}</s> <span className="hint">{t('classes.edit.cancelled')}</span>
              </>
            ) : (
              s.when
            )}
            {s.location ? <span className="hint"> · {s.location}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function ClassStatusBadge({ status }: { status: ClassDto['status'] }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`classes.status.${status}`)}</span>;
}

export function CategoryBadge({ category }: { category: CourseCategory }) {
  const { t } = useI18n();
  return <span className={`badge badge-category-${category}`}>{t(`courses.category.${category}`)}</span>;
}
