import { createHash } from 'node:crypto';
import type { Locale, MeDto } from '@hearth/contracts';
import type { ApiClient } from '@hearth/contracts';
import { TEACH_ROLES, teachingSessions } from './attendance.server';
import { learnerOfflineUrls } from './offline-pack-learner.server';

/**
 * What the service worker stores on her phone for use without signal (docs/decisions/014-offline-web-app.md):
 * same-origin URLs of pages (and files) her role needs, fetched by the worker with her cookie. The worker
 * keeps at most 60 of them, none older than 14 days.
 */
export interface OfflinePack {
  /** An opaque name for her account (a hash of her id): her store is kept apart from anyone else's on a shared phone. */
  account: string | null;
  locale: Locale;
  generatedAt: string;
  urls: string[];
}

/** Rosters of the sessions she teaches today and in the coming week, at most this many. */
const MAX_SESSIONS = 20;

export const accountKey = (userId: string) => createHash('sha256').update(`hearth-offline:${userId}`).digest('hex').slice(0, 16);

export async function offlinePack(request: Request, user: MeDto, api: ApiClient, locale: Locale): Promise<OfflinePack> {
  const urls = ['/app', '/offline'];
  const roles = new Set([user.role, ...(user.roles ?? [])]);
  if (roles.has('instructor')) {
    // Her own sessions (an instructor's list holds only the classes she teaches).
    const { today, upcoming } = await teachingSessions(api, { ...user, role: 'instructor' }, locale);
    urls.push('/teach', ...[...today, ...upcoming].slice(0, MAX_SESSIONS).map((s) => `/teach/sessions/${s.id}`));
  } else if (TEACH_ROLES.some((role) => roles.has(role))) {
    // Coordinators and admins see every class of their subtree there: the list only, no rosters.
    urls.push('/teach');
  }
  if (roles.has('learner')) urls.push(...(await learnerOfflineUrls(request)));
  return {
    account: accountKey(user.id),
    locale,
    generatedAt: new Date().toISOString(),
    urls: [...new Set(urls.filter((u) => u.startsWith('/') && !u.startsWith('//')))],
  };
}
