import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { ApiError, type OrgKind, type OrgNodeDto } from '@hearth/contracts';
import { FormAlert, SelectField, TextField } from '../components/form';
import { Pagination } from '../components/pagination';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { checkForm, newOrgErrors, orgForm } from '../lib/form-errors.server';
import { childKinds, ORG_NAME_MAX, ORG_SEARCH_MAX, readNewOrg, type NewOrgValues } from '../lib/orgs-forms';
import { CreateOrgDto } from '../lib/inputs.server';
import { useSettledActionData } from '../lib/settled-action-data';
import orgsCss from '../styles/orgs.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('orgs.page.title');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: orgsCss }];

const PAGE_SIZE = 50;

/** Her own org is plain /admin/orgs; any other is ?parent=<id>. */
const orgHref = (id: string, ownOrgId: string | null) => (id === ownOrgId ? '/admin/orgs' : `/admin/orgs?parent=${id}`);

function pageHref(base: { parent?: string | null; q?: string }, page: number): string {
  const params = new URLSearchParams();
  if (base.q) params.set('q', base.q);
  else if (base.parent) params.set('parent', base.parent);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/admin/orgs?${text}` : '/admin/orgs';
}

function nodeView(node: OrgNodeDto, ownOrgId: string | null, t: Translate) {
  return {
    id: node.id,
    name: node.name,
    kind: node.kind,
    href: orgHref(node.id, ownOrgId),
    counts: t('orgs.counts', { children: node.childCount, learners: node.learners }),
    trail: node.trail.map((a) => a.name).join(' › '),
  };
}

/**
 * `?parent=<id>`: one org of her subtree and its direct children (default: her own org).
 * `?q=`: orgs of her whole subtree whose name contains it. `?page=` pages either list.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['admin'] });
  const t = translator(await getLocale(request));
  const params = new URL(request.url).searchParams;
  const parent = params.get('parent');
  // Not an id, or outside her subtree (the API says so below): the same "not found".
  if ((parent !== null && !isUuid(parent)) || !user.orgId) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  const q = (params.get('q') ?? '').trim();
  const page = Math.max(1, Math.min(1000, Math.floor(Number(params.get('page')) || 1)));
  const range = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const noStore = { headers: { ...headers, 'Cache-Control': 'private, no-store' } };
  const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

  try {
    if (q) {
      const tooLong = q.length > ORG_SEARCH_MAX;
      const result = tooLong ? { items: [], total: 0 } : await api.orgs.list({ q, ...range });
      return data(
        {
          mode: 'search' as const,
          q,
          searchError: tooLong ? t('orgs.search.tooLong', { max: ORG_SEARCH_MAX }) : null,
          total: result.total,
          hits: result.items.map((node) => nodeView(node, user.orgId, t)),
          previous: page > 1 ? pageHref({ q }, page - 1) : null,
          next: page < pages(result.total) ? pageHref({ q }, page + 1) : null,
          page,
          pages: pages(result.total),
        },
        noStore,
      );
    }

    const result = await api.orgs.list({ parentId: parent ?? user.orgId, ...range });
    const org = result.parent!;
    const crumbs = [...org.trail, org].map((o) => ({ id: o.id, name: o.name, href: orgHref(o.id, user.orgId) }));
    return data(
      {
        mode: 'browse' as const,
        org: { ...nodeView(org, user.orgId, t), dashboardHref: org.id === user.orgId ? '/dashboard' : `/dashboard?orgId=${org.id}` },
        crumbs,
        childKinds: childKinds(org.kind),
        total: result.total,
        children: result.items.map((node) => nodeView(node, user.orgId, t)),
        previous: page > 1 ? pageHref({ parent }, page - 1) : null,
        next: page < pages(result.total) ? pageHref({ parent }, page + 1) : null,
        page,
        pages: pages(result.total),
      },
      noStore,
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
    return unavailableOrRethrow(error);
  }
}

interface Outcome {
  done?: string;
  created?: { id: string; name: string };
  errors?: FormErrors;
  values?: NewOrgValues;
}

/** Adds a child org under the one on the page. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const t = translator(await getLocale(request));
  const values = readNewOrg(await request.formData());
  const { value, errors } = checkForm(CreateOrgDto, { ...values }, t, orgForm(values.name));
  if (errors) return data<Outcome>({ errors, values }, { status: 400, headers });
  try {
    const created = await api.orgs.create(value);
    return data<Outcome>({ done: t('orgs.create.done', { name: created.name }), created: { id: created.id, name: created.name } }, { headers });
  } catch (error) {
    const failure = newOrgErrors(error, values, t);
    return data<Outcome>({ errors: failure.errors, values }, { status: failure.status, headers });
  }
}

export default function OrgsPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack orgs">
      {view.mode === 'browse' && view.crumbs.length > 1 ? (
        <nav aria-label={t('orgs.path')}>
          <ol className="crumbs">
            {view.crumbs.map((crumb, i) => (
              <li key={crumb.id}>{i === view.crumbs.length - 1 ? <span aria-current="page">{crumb.name}</span> : <Link to={crumb.href}>{crumb.name}</Link>}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="stack-tight">
        <h1>{t('orgs.heading')}</h1>
        <p>{t('orgs.intro')}</p>
      </div>
      <SearchForm q={view.mode === 'search' ? view.q : ''} error={view.mode === 'search' ? view.searchError : null} />
      {view.mode === 'search' ? <SearchResults /> : <OrgBrowser />}
    </div>
  );
}

function SearchForm({ q, error }: { q: string; error: string | null }) {
  const { t } = useI18n();
  const describedBy = [error && 'field-q-error', 'field-q-hint'].filter(Boolean).join(' ');
  return (
    <Form method="get" action="/admin/orgs" role="search" className="field" key={q}>
      <label htmlFor="field-q">{t('orgs.search.label')}</label>
      <p id="field-q-hint" className="hint">
        {t('orgs.search.hint')}
      </p>
      {error ? (
        <p id="field-q-error" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="orgs-search">
        <input
          id="field-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={ORG_SEARCH_MAX}
          autoComplete="off"
          enterKeyHint="search"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button type="submit" className="button button-secondary">
          {t('orgs.search.submit')}
        </button>
      </div>
    </Form>
  );
}

function SearchResults() {
  const view = useLoaderData<typeof loader>();
  const { t } = useI18n();
  if (view.mode !== 'search') return null;
  return (
    <section className="stack" aria-labelledby={view.searchError ? undefined : 'orgs-results-heading'}>
      {/* A query too long to search has its message on the search box. */}
      {view.searchError ? null : (
        <>
          <h2 id="orgs-results-heading">{t('orgs.search.heading', { q: view.q, n: view.total })}</h2>
          {view.total === 0 ? <p>{t('orgs.search.empty', { q: view.q })}</p> : <OrgList orgs={view.hits} withTrail />}
        </>
      )}
      <Pagination page={view.page} pages={view.pages} previous={view.previous} next={view.next} />
      <p>
        <Link to="/admin/orgs">{t('orgs.search.back')}</Link>
      </p>
    </section>
  );
}

function OrgBrowser() {
  const view = useLoaderData<typeof loader>();
  const result = useSettledActionData<typeof action>();
  const { t } = useI18n();
  if (view.mode !== 'browse') return null;
  const { org } = view;
  return (
    <>
      <section className="stack-tight orgs-current" aria-labelledby="orgs-current-name">
        <h2 id="orgs-current-name" className="orgs-org">
          {org.name} <span className="badge">{t(`orgs.kind.${org.kind}`)}</span>
        </h2>
        <p className="hint">{org.counts}</p>
        <p>
          <Link to={org.dashboardHref}>{t('orgs.dashboard')}</Link>
        </p>
      </section>

      <section className="stack" aria-labelledby="orgs-children-heading">
        <h2 id="orgs-children-heading">{t('orgs.children.heading', { n: view.total })}</h2>
        {view.total === 0 ? <p>{t('orgs.children.empty')}</p> : <OrgList orgs={view.children} highlight={result?.created?.id} />}
        <Pagination page={view.page} pages={view.pages} previous={view.previous} next={view.next} />
      </section>

      <section className="card stack" aria-labelledby="orgs-create-heading">
        <h2 id="orgs-create-heading">{t('orgs.create.heading')}</h2>
        {view.childKinds.length === 0 ? (
          <p>{t('orgs.create.lowest')}</p>
        ) : (
          <CreateForm parent={{ id: org.id, name: org.name, kind: org.kind, href: org.href }} kinds={view.childKinds} />
        )}
      </section>
    </>
  );
}

function CreateForm({ parent, kinds }: { parent: { id: string; name: string; kind: OrgKind; href: string }; kinds: OrgKind[] }) {
  const result = useSettledActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const fields = result?.errors?.fields ?? {};
  const values = result?.done ? undefined : result?.values;
  return (
    <>
      {result?.done && result.created ? (
        <div className="notice" role="status">
          <p>{result.done}</p>
          <p>
            <Link to={`/admin/orgs?parent=${result.created.id}`}>{t('orgs.create.open', { name: result.created.name })}</Link>
          </p>
        </div>
      ) : null}
      <FormAlert errors={result?.errors} />
      <p>{t('orgs.create.intro', { name: parent.name })}</p>
      <Form method="post" action={parent.href} className="stack" noValidate key={result?.done ?? 'new-org'}>
        <input type="hidden" name="parentId" value={parent.id} />
        <TextField
          name="name"
          label={t('orgs.create.name')}
          hint={t('orgs.create.nameHint')}
          error={fields.name}
          required
          maxLength={ORG_NAME_MAX}
          autoComplete="off"
          defaultValue={values?.name}
        />
        <SelectField
          name="kind"
          label={t('orgs.create.kind')}
          hint={t('orgs.create.kindHint', { kind: t(`orgs.kind.${parent.kind}`) })}
          error={fields.kind}
          required
          defaultValue={values && (kinds as string[]).includes(values.kind) ? values.kind : kinds[0]}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`orgs.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary button-block" disabled={navigation.state !== 'idle'}>
          {t('orgs.create.submit')}
        </button>
      </Form>
    </>
  );
}

interface OrgItem {
  id: string;
  name: string;
  kind: OrgKind;
  href: string;
  counts: string;
  trail: string;
}

function OrgList({ orgs, withTrail = false, highlight }: { orgs: OrgItem[]; withTrail?: boolean; highlight?: string }) {
  const { t } = useI18n();
  return (
    <ul className="orgs-list">
      {orgs.map((org) => (
        <li key={org.id}>
          <Link to={org.href} className={`orgs-item${org.id === highlight ? ' orgs-item-new' : ''}`}>
            <span className="orgs-item-head">
              <strong className="orgs-item-name">{org.name}</strong>
              <span className="badge">{t(`orgs.kind.${org.kind}`)}</span>
              {org.id === highlight ? <span className="badge orgs-badge-new">{t('orgs.children.new')}</span> : null}
            </span>
            {withTrail && org.trail ? <span className="orgs-item-trail">{org.trail}</span> : null}
            <span className="hint">{org.counts}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
