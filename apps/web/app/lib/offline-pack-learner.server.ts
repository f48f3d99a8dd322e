import { requireUser } from './auth.server';
import { unavailableOrRethrow } from './api.server';
import { classHref, lessonHref, quizHref } from './next-steps';
import { sameOriginPath } from './offline-paths';

/** Her pages without lesson images: home, classes, certificates and readiness, then each class's pages. */
const HOME_PAGES = ['/app', '/my/classes', '/my/certificates', '/my/readiness'] as const;
/** Images come after every page, so a course heavy with pictures never pushes a page out of the list. */
export const MAX_LEARNER_IMAGES = 150;

/**
 * The same-origin addresses a signed-in learner needs without signal (issue 16,
 * docs/decisions/016), for the service worker's per-account offline pack:
 *
 *   /app, /my/classes, /my/certificates, /my/readiness
 *   /learn/<enrollmentId>                                  each class she is in now (at most 6, newest first)
 *   /learn/<enrollmentId>/lessons/<position>               every lesson of those (at most 60 a class)
 *   /learn/quiz/<assessmentId>?enrollment=<enrollmentId>   their quizzes (not while she is waitlisted)
 *   /my/certificates/<code>                                her certificates with their QR (newest 20)
 *   /<path of a lesson image>                              images the lessons show, this origin only (at most 150)
 *
 * One API call (GET /api/me/study-pack, which holds only her own records). Empty for anyone who is
 * not a learner. Throws the 503 Response when the API is away, so a caller keeps its previous pack
 * instead of replacing it with nothing.
 */
export async function learnerOfflineUrls(request: Request): Promise<string[]> {
  const { user, api } = await requireUser(request);
  if (user.role !== 'learner') return [];
  let pack: Awaited<ReturnType<typeof api.enrollments.studyPack>>;
  try {
    pack = await api.enrollments.studyPack();
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  const origin = new URL(request.url).origin;
  const pages = new Set<string>(HOME_PAGES);
  const images = new Set<string>();
  for (const c of pack.classes) {
    pages.add(classHref(c.enrollmentId));
    for (const lesson of c.lessons) {
      const page = lessonHref(c.enrollmentId, lesson.position);
      pages.add(page);
      for (const src of lesson.images) {
        const path = sameOriginPath(src, origin, page);
        if (path) images.add(path);
      }
    }
    for (const quizId of c.quizIds) pages.add(quizHref(quizId, c.enrollmentId));
  }
  for (const z of pack.certificates) pages.add(`/my/certificates/${encodeURIComponent(z.code)}`);
  return [...pages, ...[...images].slice(0, MAX_LEARNER_IMAGES)];
}
