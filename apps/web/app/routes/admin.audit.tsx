import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { SelectField, TextField } from '../components/form';
import { Pagination } from '../components/pagination';
import { titleMeta, isMessageKey, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { formatInstant } from '../lib/reports-format';
import auditCss from '../styles/audit.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('audit.page.audit');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: auditCss }];

const DEFAULT_LIMIT = 50;
/** Actions and record types the API writes today; the filter offers these, and shows any other as it is. */
const ACTIONS = [
  'certificate.issue',
  'certificate.revoke',
  'certificate.download',
  'referral.disclose',
  'referral.profile_viewed',
  'referral.list_viewed',
  'referral.move',
  'followup.record',
  'consent.grant',
  'consent.withdraw',
  'user.create',
  'user.register',
  'user.erase',
  'data.export',
  'report.export',
  'learners.import',
  'auth.login_failed',
  'access.denied',
  'class.create',
  'class.update',
  'course.create',
  'course.update',
  'org.create',
  'employer.create',
  'job.create',
  'external_credential.record',
  'external_credential.check',
  'auth.password_change_failed',
  'user.password_changed',
  'user.password_reset',
  'user.claim_code_issue',
  'job.open',
  'job.closed',
];
const ENTITY_TYPES = [
  'certificate',
  'referral',
  'user',
  'organization',
  'class',
  'course',
  'employer',
  'job',
  'placement_followup',
  'external_credential',
  'import',
  'identifier',
  'route',
];

type Filters = { action: string; entityType: string; entityId: string; actorId: string };
const FILTER_NAMES = ['action', 'entityType', 'entityId', 'actorId'] as const;

function auditHref(filters: Filters, offset = 0, limit = DEFAULT_LIMIT): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
  if (offset > 0) params.set('offset', String(offset));
  const text = params.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const params = new URL(request.url).searchParams;
  const read = (name: string) => (params.get(name) ?? '').trim();
  const filters: Filters = { action: read('action'), entityType: read('entityType'), entityId: read('entityId'), actorId: read('actorId') };
  const limit = Math.max(10, Math.min(100, Math.floor(Number(params.get('limit'))) || DEFAULT_LIMIT));
  const offset = Math.max(0, Math.min(1_000_000, Math.floor(Number(params.get('offset'))) || 0));

  // The API's own rules, checked here so a typo gets a message in her language rather than a failed page.
  const errors: Partial<Record<keyof Filters, string>> = {};
  if (filters.action && !/^[a-z_.]{1,60}$/.test(filters.action)) errors.action = t('audit.badAction');
  if (filters.entityType && !/^[a-z_]{1,40}$/.test(filters.entityType)) errors.entityType = t('audit.badEntityType');
  if (filters.entityId.length > 100) errors.entityId = t('audit.badEntityId');
  if (filters.actorId && !isUuid(filters.actorId)) errors.actorId = t('audit.badActorId');
  const query = Object.fromEntries(FILTER_NAMES.filter((name) => filters[name] && !errors[name]).map((name) => [name, filters[name]]));

  try {
    const page = await api.audit.list({ ...query, limit, offset });
    const events = page.items.map((event) => {
      const actionKey = `audit.action.${event.action}`;
      const entityKey = `audit.entity.${event.entityType}`;
      const details = event.details && Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : null;
      return {
        id: event.id,
        at: formatInstant(event.at, locale),
        actorId: event.actorId,
        actor: event.actorName ?? (event.actorId ? t('audit.erasedUser') : t('audit.system')),
        role: event.actorRole && isMessageKey(`people.role.${event.actorRole}`) ? t(`people.role.${event.actorRole}` as 'people.role.admin') : event.actorRole,
        action: isMessageKey(actionKey) ? t(actionKey) : event.action,
        actionCode: event.action,
        entityType: event.entityType,
        entity: isMessageKey(entityKey) ? t(entityKey) : event.entityType,
        entityId: event.entityId,
        requestId: event.requestId,
        details: details && details.length > 600 ? `${details.slice(0, 600)}…` : details,
      };
    });
    const label = (prefix: string, value: string) => (isMessageKey(`${prefix}${value}`) ? t(`${prefix}${value}` as 'people.role.admin') : value);
    const actions = [...ACTIONS, ...(filters.action && !errors.action && !ACTIONS.includes(filters.action) ? [filters.action] : [])].map((value) => ({
      value,
      label: label('audit.action.', value),
    }));
    const entityTypes = [
      ...ENTITY_TYPES,
      ...(filters.entityType && !errors.entityType && !ENTITY_TYPES.includes(filters.entityType) ? [filters.entityType] : []),
    ].map((value) => ({
      value,
      label: label('audit.entity.', value),
    }));
    return data(
      {
        events,
        total: page.total,
        filters,
        errors,
        actions,
        entityTypes,
        filtered: Object.keys(query).length > 0,
        previous: offset > 0 ? auditHref(filters, Math.max(0, offset - limit), limit) : null,
        next: offset + limit < page.total ? auditHref(filters, offset + limit, limit) : null,
        page: Math.floor(offset / limit) + 1,
        pages: Math.max(1, Math.ceil(page.total / limit)),
        links: events.map((event) => ({
          actor: event.actorId ? auditHref({ ...filters, actorId: event.actorId }) : null,
          record: event.entityId ? auditHref({ ...filters, entityType: event.entityType, entityId: event.entityId }) : null,
        })),
      },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function AuditPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const fieldError = (name: keyof Filters) => view.errors[name];
  return (
    <div className="stack audit">
      <div className="stack-tight">
        <h1>{t('audit.heading')}</h1>
        <p>{t('audit.intro')}</p>
      </div>
      <details className="card audit-filters" open={view.filtered || Object.keys(view.errors).length > 0}>
        <summary>{t('audit.filters')}</summary>
        <Form method="get" action="/admin/audit" className="stack-tight" key={JSON.stringify(view.filters)}>
          <div className="field-pair">
            <SelectField name="action" label={t('audit.action')} error={fieldError('action')} defaultValue={fieldError('action') ? '' : view.filters.action}>
              <option value="">{t('audit.anyAction')}</option>
              {view.actions.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="entityType"
              label={t('audit.entityType')}
              error={fieldError('entityType')}
              defaultValue={fieldError('entityType') ? '' : view.filters.entityType}
            >
              <option value="">{t('audit.anyEntity')}</option>
              {view.entityTypes.map((e) => (
                <option key={e.value} value={e.value}>
                  {e.label}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            name="entityId"
            label={t('audit.entityId')}
            hint={t('audit.idHint')}
            error={fieldError('entityId')}
            type="text"
            defaultValue={view.filters.entityId}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={120}
          />
          <TextField
            name="actorId"
            label={t('audit.actorId')}
            hint={t('audit.idHint')}
            error={fieldError('actorId')}
            type="text"
            defaultValue={view.filters.actorId}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={120}
          />
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('audit.submit')}
            </button>
            {view.filtered ? (
              <Link to="/admin/audit" className="button button-secondary">
                {t('audit.clear')}
              </Link>
            ) : null}
          </div>
        </Form>
      </details>

      <p className="hint" role="status">
        {t('audit.count', { n: view.total })}
      </p>
      {view.events.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <ol className="audit-list">
          {view.events.map((event, i) => (
            <li key={event.id} className="audit-event">
              <p className="audit-head">
                <span>
                  {/* In words; the code stays out of sight (an unknown action shows its code as it is). */}
                  <strong className="audit-action" data-code={event.actionCode}>
                    {event.action}
                  </strong>
                </span>
                <time className="audit-time">{event.at}</time>
              </p>
              <dl className="audit-facts">
                <div>
                  <dt>{t('audit.actor')}</dt>
                  <dd>
                    {event.actor}
                    {event.role ? ` · ${event.role}` : ''}
                    {view.links[i].actor ? (
                      <>
                        {' '}
                        <Link to={view.links[i].actor!} className="audit-filter-link">
                          {t('audit.onlyActor')}
                        </Link>
                      </>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt>{t('audit.record')}</dt>
                  <dd>
                    {event.entity}
                    {event.entityId ? <code className="audit-id">{event.entityId}</code> : null}
                    {view.links[i].record ? (
                      <>
                        {' '}
                        <Link to={view.links[i].record!} className="audit-filter-link">
                          {t('audit.onlyRecord')}
                        </Link>
                      </>
                    ) : null}
                  </dd>
                </div>
                {event.requestId ? (
                  <div>
                    <dt>{t('audit.requestId')}</dt>
                    <dd>
                      <code className="audit-id audit-id-alone">{event.requestId}</code>
                    </dd>
                  </div>
                ) : null}
                {event.details ? (
                  <div>
                    <dt>{t('audit.details')}</dt>
                    <dd>
                      <code className="audit-details">{event.details}</code>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={view.page} pages={view.pages} previous={view.previous} next={view.next} />
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
