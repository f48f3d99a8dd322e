import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { COORDINATOR_CREATABLE_ROLES, ROLES, type Role } from '@hearth/contracts';
import { SelectField, TextField } from '../components/form';
import { OrgSearchField, OrgSelect } from '../components/org-picker';
import { Pagination } from '../components/pagination';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { certificateDate } from '../lib/certificates-format';
import { formText, isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { loadOrgPicker } from '../lib/org-choices.server';
import { SEARCH_MAX, isRole, normalizeSearch } from '../lib/people-view';
import { useSettledActionData } from '../lib/settled-action-data';
import peopleCss from '../styles/people.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('people.page.title');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: peopleCss }];

const PAGE_SIZE = 20;

interface Filters {
  q: string;
  role: Role | '';
  orgId: string;
  orgQ: string;
}

function listHref(filters: Filters, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/manage/people?${query}` : '/manage/people';
}

/** One page of the accounts of her subtree; the API filters and counts, never the whole list here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers, user } = await requireUser(request, { roles: MANAGER_ROLES });
  const url = new URL(request.url);
  const params = url.searchParams;
  const role = params.get('role') ?? '';
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(params.get('page')) || 1)));
  try {
    const wantedOrg = params.get('orgId') ?? '';
    const orgs = await loadOrgPicker(api, url, { keep: [wantedOrg] });
    const filters: Filters = {
      q: normalizeSearch(params.get('q') ?? ''),
      role: isRole(role) ? role : '',
      // An org outside her subtree (an old link) is dropped rather than answered with an error.
      orgId: isUuid(wantedOrg) && orgs.options.some((o) => o.id === wantedOrg) ? wantedOrg : '',
      orgQ: orgs.q,
    };
    const users = await api.users.list({
      q: filters.q || undefined,
      role: filters.role || undefined,
      orgId: filters.orgId || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(users.total / PAGE_SIZE));
    return data(
      {
        filters,
        filtered: Boolean(filters.q || filters.role || filters.orgId),
        orgs,
        total: users.total,
        page,
        pages,
        previous: page > 1 ? listHref(filters, Math.min(page - 1, pages)) : null,
        next: page < pages ? listHref(filters, page + 1) : null,
        people: users.items.map((u) => ({
          id: u.id,
          name: u.name,
          phone: u.phone,
          role: u.role,
          orgName: u.orgName ?? null,
          learnerType: u.learnerType,
          activated: u.activated,
          // The API has the last word; this only hides a button that would be refused.
          canReset: u.id !== user.id && (user.roles.includes('admin') || COORDINATOR_CREATABLE_ROLES.includes(u.role)),
        })),
      },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

type ClaimOutcome = { userId: string; issued?: string; error?: string };

/** A new activation code for a learner her club registered, shown once in her card. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const userId = formText(form, 'userId');
  const name = formText(form, 'name').slice(0, 100);
  const intent = formText(form, 'intent');
  if ((intent !== 'claimCode' && intent !== 'resetPassword') || !isUuid(userId))
    return data<ClaimOutcome>({ userId, error: t('common.error.VALIDATION_FAILED') }, { status: 400, headers });
  try {
    if (intent === 'resetPassword') {
      const reset = await api.users.resetPassword(userId);
      return data<ClaimOutcome>(
        { userId, issued: t('people.reset.done', { name, password: reset.temporaryPassword }) },
        { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
      );
    }
    const claim = await api.users.claimCode(userId);
    const code = `${claim.code.slice(0, 4)} ${claim.code.slice(4)}`;
    return data<ClaimOutcome>(
      { userId, issued: t('people.claim.issued', { name, code, date: certificateDate(claim.expiresAt, locale) }) },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    for (const [code, status] of [
      ['ALREADY_CLAIMED', 409],
      ['NOT_FOUND', 404],
      ['ROLE_NOT_ALLOWED', 403],
    ] as const) {
      if (isApiError(error, code))
        return data<ClaimOutcome>(
          { userId, error: code === 'ROLE_NOT_ALLOWED' ? t('people.reset.notAllowed') : t(`common.error.${code}`) },
          { status, headers },
        );
    }
    return unavailableOrRethrow(error);
  }
}

export default function PeoplePage() {
  const view = useLoaderData<typeof loader>();
  const claim = useSettledActionData<typeof action>();
  const { t } = useI18n();
  const { filters } = view;
  return (
    <div className="stack people">
      <div className="stack-tight">
        <h1>{t('people.list.heading')}</h1>
        <p>{t('people.list.intro')}</p>
      </div>
      <p>
        <Link to="/manage/people/new" className="button button-primary button-block">
          {t('people.list.new')}
        </Link>
      </p>
      <Form
        method="get"
        action="/manage/people"
        role="search"
        aria-label={t('people.filter.label')}
        className="card stack-tight people-filters"
        key={JSON.stringify(filters)}
      >
        <TextField
          name="q"
          label={t('people.filter.q')}
          hint={t('people.filter.qHint')}
          type="search"
          maxLength={SEARCH_MAX}
          defaultValue={filters.q}
          autoComplete="off"
        />
        <SelectField name="role" label={t('people.filter.role')} defaultValue={filters.role}>
          <option value="">{t('people.filter.anyRole')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`people.role.${role}`)}
            </option>
          ))}
        </SelectField>
        {/* This form is a GET filter already: the org search is one more field of it. */}
        <OrgSearchField view={view.orgs} id="filter" hint={t('orgs.picker.search.filterHint', { button: t('people.filter.submit') })} />
        <OrgSelect
          view={view.orgs}
          label={t('people.filter.org')}
          hint={t('people.filter.orgHint')}
          defaultValue={filters.orgId}
          empty={t('people.filter.anyOrg')}
          indent
        />
        <div className="people-filter-actions">
          <button type="submit" className="button button-primary">
            {t('people.filter.submit')}
          </button>
          {view.filtered || filters.orgQ ? (
            <Link to="/manage/people" className="button button-secondary">
              {t('people.filter.clear')}
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="hint" role="status">
        {t('people.list.count', { n: view.total })}
      </p>
      {view.people.length === 0 ? (
        <p>{t('people.list.empty')}</p>
      ) : (
        <ul className="people-list">
          {view.people.map((p) => (
            <li key={p.id} className="people-card stack-tight">
              <div className="people-row">
                <strong>{p.name}</strong>
                <span className={`badge people-role-${p.role}`}>{t(`people.role.${p.role}`)}</span>
              </div>
              <p className="people-phone">{p.phone}</p>
              {p.orgName ? <p className="hint">{p.orgName}</p> : null}
              {p.learnerType ? <p className="hint">{t('people.list.learnerType', { type: t(`people.learnerType.${p.learnerType}`) })}</p> : null}
              {p.role === 'learner' && !p.activated ? (
                <div className="stack-tight">
                  <p>
                    <span className="badge people-pending">{t('people.claim.pending')}</span>
                  </p>
                  <p className="hint" id={`claim-hint-${p.id}`}>
                    {t('people.claim.pendingHint')}
                  </p>
                  <label className="people-pick">
                    <input type="checkbox" name="userId" value={p.id} form="bulk-codes" /> {t('people.codes.select.label')}
                  </label>
                  <Form method="post">
                    <input type="hidden" name="intent" value="claimCode" />
                    <input type="hidden" name="userId" value={p.id} />
                    <input type="hidden" name="name" value={p.name} />
                    <button type="submit" className="button button-secondary button-block" aria-describedby={`claim-hint-${p.id}`}>
                      {claim?.userId === p.id && claim.issued ? t('people.claim.issueAgain') : t('people.claim.issue')}
                    </button>
                  </Form>
                </div>
              ) : null}
              {claim?.userId === p.id && (claim.issued || claim.error) ? (
                <p className={claim.issued ? 'notice notice-success' : 'field-error'} role="status">
                  {claim.issued ?? claim.error}
                </p>
              ) : null}
              {p.canReset && p.activated ? (
                <details className="people-fold">
                  <summary>{t('people.reset.open')}</summary>
                  <Form method="post" className="stack-tight">
                    <p className="hint" id={`reset-hint-${p.id}`}>
                      {t('people.reset.hint')}
                    </p>
                    <input type="hidden" name="intent" value="resetPassword" />
                    <input type="hidden" name="userId" value={p.id} />
                    <input type="hidden" name="name" value={p.name} />
                    <button type="submit" className="button button-secondary button-block" aria-describedby={`reset-hint-${p.id}`}>
                      {t('people.reset.confirm', { name: p.name })}
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view.people.some((p) => p.role === 'learner' && !p.activated) ? (
        <form id="bulk-codes" method="post" action="/manage/claim-codes" className="card stack-tight">
          <p className="hint">{t('people.codes.select.hint')}</p>
          <button type="submit" className="button button-primary button-block">
            {t('people.codes.select.submit')}
          </button>
        </form>
      ) : null}
      <Pagination page={view.page} pages={view.pages} previous={view.previous} next={view.next} />
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
