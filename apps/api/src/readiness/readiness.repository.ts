import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Scope } from '../access/access-policy.js';
import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

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

export interface RequiredCourse {
  id: string;
  code: string;
  title_zh: string;
  title_en: string;
  cert_code: string | null;
  expires_at: Date | null;
  issued_at: Date | null;
  state: 'done' | 'expiring' | 'expired' | 'missing';
}

export interface NextClass {
  course_id: string;
  id: string;
  starts_on: string;
  org_name: string;
}

@SqlRepository('readiness')
@Injectable()
export class ReadinessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active learner, with what access needs. */
  @SqlExample(() => [Example.ID])
  async findLearner(learnerId: string): Promise<{ path: string | null; learner_type: string | null; name: string } | null> {
    const rows = await this.db.query(
      `SELECT o.path, u.learner_type, u.name FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active'`,
      [learnerId],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID])
  requiredCourses(learnerId: string): Promise<RequiredCourse[]> {
    return this.db.query(REQUIRED_WITH_CERTIFICATE, [learnerId]);
  }

  /** For each required course, the open class to suggest: near her first (under `nearPath`), then one yet to start before one under way. */
  @SqlExample(() => [`/${Example.ID}/`])
  nextClasses(nearPath: string | null): Promise<NextClass[]> {
    return this.db.query(
      `SELECT DISTINCT ON (k.course_id) k.course_id, k.id, to_char(k.starts_on, 'YYYY-MM-DD') AS starts_on, o.name AS org_name
         FROM classes k JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id
        WHERE c.required_for_volunteers AND k.status IN ('scheduled','running') AND k.ends_on >= ${CHINA_TODAY_SQL}
        ORDER BY k.course_id, (o.path LIKE $1) DESC, (k.starts_on >= ${CHINA_TODAY_SQL}) DESC, k.starts_on`,
      [nearPath ? `${nearPath}%` : '%'],
    );
  }

  /** Volunteer mothers the scope reaches, with how many required courses each holds. */
  @SqlExample(() => [Example.scope('coordinator', 'readiness.read'), true, 20, 0])
  async volunteers(scope: Scope, ready: boolean | undefined, limit: number, offset: number) {
    const params: unknown[] = [ready ?? null, limit, offset];
    const rows = await this.db.query(
      `WITH required AS (SELECT id FROM courses WHERE required_for_volunteers AND published),
            v AS (
              SELECT u.id, u.name, u.phone, o.name AS org_name,
                     (SELECT count(*) FROM required r WHERE EXISTS (
                        SELECT 1 FROM certificates z WHERE z.learner_id = u.id AND z.course_id = r.id AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now())))::int AS done,
                     (SELECT count(*) FROM required)::int AS required
                FROM users u JOIN organizations o ON o.id = u.org_id
               WHERE u.role = 'learner' AND u.learner_type = 'volunteer_mother' AND u.status = 'active' AND ${scope.where({ orgPath: 'o.path', subjectId: 'u.id' }, params)})
       SELECT *, done = required AS ready, count(*) OVER () AS total FROM v
        WHERE $1::boolean IS NULL OR (done = required) = $1
        ORDER BY ready DESC, name LIMIT $2 OFFSET $3`,
      params,
    );
    return rows;
  }
}
