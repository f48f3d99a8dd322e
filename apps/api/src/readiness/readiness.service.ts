import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { formatCode } from '../certificates/certificate-code.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';

const EXPIRING_DAYS = 30;

/** Courses every volunteer mother needs, with her best certificate for each (valid first, then latest). */
const REQUIRED_WITH_CERTIFICATE = `
  SELECT c.id, c.code, c.title_zh, c.title_en, best.code AS cert_code, best.expires_at, best.issued_at,
         CASE WHEN best.code IS NULL THEN 'missing'
              WHEN best.expires_at IS NOT NULL AND best.expires_at <= now() THEN 'expired'
              WHEN best.expires_at IS NOT NULL AND best.expires_at <= now() + interval '${EXPIRING_DAYS} days' THEN 'expiring'
              ELSE 'done' END AS state
    FROM courses c
    LEFT JOIN LATERAL (
      SELECT z.code, z.expires_at, z.issued_at FROM certificates z
       WHERE z.learner_id = $1 AND z.course_id = c.id AND z.status = 'valid'
       ORDER BY (z.expires_at IS NULL OR z.expires_at > now()) DESC, z.expires_at DESC NULLS FIRST LIMIT 1
    ) best ON true
   WHERE c.required_for_volunteers AND c.published
   ORDER BY CASE c.category WHEN 'law' THEN 1 ELSE 2 END, c.code`;

@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** Ready to pair when every required course has a valid, unexpired certificate. */
  async forLearner(caller: AuthUser, learnerId: string, lang: Locale) {
    const rows: { path: string | null; learner_type: string | null; name: string }[] = await this.db.query(
      `SELECT o.path, u.learner_type, u.name FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active'`,
      [learnerId],
    );
    const learner = rows[0];
    const allowed = learner && (caller.role === 'learner' ? caller.id === learnerId : this.scope.pathInScope(caller, learner.path));
    if (!allowed) throw notFound('Learner');
    const courses = await this.db.query(REQUIRED_WITH_CERTIFICATE, [learnerId]);
    // Near her first; then a class yet to start before one already under way (still open to join).
    const nextClasses = await this.db.query(
      `SELECT DISTINCT ON (k.course_id) k.course_id, k.id, to_char(k.starts_on, 'YYYY-MM-DD') AS starts_on, o.name AS org_name
         FROM classes k JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id
        WHERE c.required_for_volunteers AND k.status IN ('scheduled','running') AND k.ends_on >= ${CHINA_TODAY_SQL}
        ORDER BY k.course_id, (o.path LIKE $1) DESC, (k.starts_on >= ${CHINA_TODAY_SQL}) DESC, k.starts_on`,
      [learner.path ? `${learner.path.split('/').slice(0, -2).join('/')}/%` : '%'],
    );
    const next = new Map(nextClasses.map((k: { course_id: string }) => [k.course_id, k]));
    const items = courses.map((c: { id: string; code: string; title_zh: string; title_en: string; cert_code: string | null; expires_at: Date | null; state: string }) => {
      const k = next.get(c.id) as { id: string; starts_on: string; org_name: string } | undefined;
      return {
        course: { id: c.id, code: c.code, title: pick(lang, c.title_zh, c.title_en) },
        state: c.state as 'done' | 'expiring' | 'expired' | 'missing',
        certificate: c.cert_code ? { code: c.cert_code, displayCode: formatCode(c.cert_code), expiresAt: c.expires_at ? new Date(c.expires_at).toISOString() : null } : null,
        nextClass: c.state === 'done' || !k ? null : { id: k.id, startsOn: k.starts_on, orgName: k.org_name },
      };
    });
    const ready = items.length > 0 && items.every((i: { state: string }) => i.state === 'done' || i.state === 'expiring');
    return {
      learnerId,
      learnerType: learner.learner_type,
      ready,
      level: ready ? 'ready' : items.some((i: { state: string }) => i.state === 'missing') ? 'not_ready' : 'renewal_needed',
      items,
      missing: items.filter((i: { state: string }) => i.state === 'missing' || i.state === 'expired').map((i: { course: unknown }) => i.course),
      expiring: items.filter((i: { state: string }) => i.state === 'expiring').map((i: { certificate: unknown }) => i.certificate),
    };
  }

  /** Volunteer mothers of the caller's subtree, with how many required courses each holds. */
  async volunteers(caller: AuthUser, ready: boolean | undefined, limit: number, offset: number) {
    const rows = await this.db.query(
      `WITH required AS (SELECT id FROM courses WHERE required_for_volunteers AND published),
            v AS (
              SELECT u.id, u.name, u.phone, o.name AS org_name,
                     (SELECT count(*) FROM required r WHERE EXISTS (
                        SELECT 1 FROM certificates z WHERE z.learner_id = u.id AND z.course_id = r.id AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now())))::int AS done,
                     (SELECT count(*) FROM required)::int AS required
                FROM users u JOIN organizations o ON o.id = u.org_id
               WHERE u.role = 'learner' AND u.learner_type = 'volunteer_mother' AND u.status = 'active' AND o.path LIKE $1)
       SELECT *, done = required AS ready, count(*) OVER () AS total FROM v
        WHERE $2::boolean IS NULL OR (done = required) = $2
        ORDER BY ready DESC, name LIMIT $3 OFFSET $4`,
      [this.scope.subtreePattern(caller), ready ?? null, limit, offset],
    );
    return {
      items: rows.map(({ total: _t, ...r }: { total: string }) => r),
      total: Number(rows[0]?.total ?? 0),
    };
  }
}
