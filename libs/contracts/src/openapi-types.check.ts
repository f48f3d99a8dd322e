/**
 * Compile-time checks that the client refuses what the document does not publish: each
 * `@ts-expect-error` below must stay an error, or `typecheck` fails. Never called.
 */
import type { ApiClient } from './api-client.js';

export function clientRefusesWhatIsNotPublished(api: ApiClient) {
  // @ts-expect-error GET /api/followups takes no query
  void api.followups.due({ limit: 10 });
  // @ts-expect-error a query field the route does not publish
  void api.jobs.list({ lang: 'en', status: 'open' });
  // @ts-expect-error a body field the route does not publish
  void api.followups.record('id', { stillEmployed: true, salary: 5000 });
  // @ts-expect-error a wage band the document does not list
  void api.followups.record('id', { stillEmployed: true, wageBand: '9000_plus' });
  // @ts-expect-error a language the document does not list
  void api.courses.get('HK-101', { lang: 'fr' });
  return async () => {
    const me = await api.me();
    // @ts-expect-error an answer field the document does not publish
    void me.password;
  };
}
