import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Pagination } from '../components/pagination';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { formErrors } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { formatDay, formatTime } from '../lib/dates';
import { formText, isUuid, safeRedirect } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';
import accountCss from '../styles/account.css?url';

export const meta = titleMeta('account.notifications.page.inbox');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }];

const PER_PAGE = 20;

/** Her notifications, newest first, 20 a page; `?unread=1` only the unread ones. Every signed-in role. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const unreadOnly = url.searchParams.get('unread') === '1';
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(url.searchParams.get('page')) || 1)));
  try {
    const list = await api.notifications.list({ unread: unreadOnly || undefined, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
    const href = (p: number) => `/me/notifications?${new URLSearchParams({ ...(unreadOnly ? { unread: '1' } : {}), page: String(p) })}`;
    return data(
      {
        unreadOnly,
        unread: list.unread,
        total: list.total,
        page,
        pages,
        previous: page > 1 ? href(page - 1) : null,
        next: page < pages ? href(page + 1) : null,
        items: list.items.map((n) => ({
          id: n.id,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
          unread: n.readAt === null,
          when: `${formatDay(n.createdAt, locale)} ${formatTime(n.createdAt, locale)}`,
        })),
      },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

/**
 * `open`: marks that one read and goes to its page (a plain form post, so it works without
 * JavaScript); `all`: marks all of hers read.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const intent = formText(form, 'intent');
  try {
    if (intent === 'open') {
      const id = formText(form, 'id');
      if (isUuid(id)) await api.notifications.markRead([id]);
      throw redirect(safeRedirect(formText(form, 'to'), '/me/notifications'), { headers });
    }
    if (intent === 'all') {
      await api.notifications.markRead();
      return data({ ok: true as const, message: t('account.notifications.markedAll') }, { headers });
    }
    return data({ ok: false as const, message: t('common.error.VALIDATION_FAILED') }, { status: 400, headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    const failure = formErrors(error, t);
    return data({ ok: false as const, message: failure.errors.form ?? t('common.error.VALIDATION_FAILED') }, { status: failure.status, headers });
  }
}

export default function InboxPage() {
  const { unreadOnly, unread, items, page, pages, previous, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('account.notifications.heading')}</h1>
      {result ? (
        <div className={result.ok ? 'notice notice-success' : 'alert'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <div className="inbox-actions">
        <p className="hint">{unread > 0 ? t('account.notifications.unreadCount', { n: unread }) : t('account.notifications.allRead')}</p>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="all" />
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('account.notifications.markAll')}
            </button>
          </Form>
        ) : null}
      </div>
      <nav aria-label={t('account.notifications.filter.label')} className="inbox-filter">
        <Link to="/me/notifications" className="button button-secondary" aria-current={unreadOnly ? undefined : 'page'}>
          {t('account.notifications.filter.all')}
        </Link>
        <Link to="/me/notifications?unread=1" className="button button-secondary" aria-current={unreadOnly ? 'page' : undefined}>
          {t('account.notifications.filter.unread')}
        </Link>
      </nav>
      {items.length === 0 ? (
        <p className="hint">{t(unreadOnly ? 'account.notifications.emptyUnread' : 'account.notifications.empty')}</p>
      ) : (
        <ul className="inbox-list">
          {items.map((n) => (
            <li key={n.id} className={`inbox-item ${n.unread ? 'inbox-item-unread' : 'inbox-item-read'}`}>
              <Form method="post">
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="to" value={n.link ?? '/me/notifications'} />
                <button type="submit" className="inbox-open">
                  {n.unread ? <span className="inbox-unread-tag">{t('account.notifications.unread')}</span> : null}
                  {n.title}
                </button>
              </Form>
              <p className="inbox-body">{n.body}</p>
              <p className="hint inbox-when">{n.when}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} previous={previous} next={next} />
      <p>
        <Link to="/me/notifications/settings" className="button button-secondary">
          {t('account.notifications.settingsLink')}
        </Link>
      </p>
    </div>
  );
}

export const headers = routeHeaders;
