import { Injectable } from '@nestjs/common';
import type { Locale } from '@hearth/contracts';
import { pick } from '../common/lang.js';
import { formatCode } from '../certificates/certificate-code.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { ReadinessRepository } from './readiness.repository.js';

@Injectable()
export class ReadinessService {
  constructor(
    private readonly readiness: ReadinessRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** Ready to pair when every required course has a valid, unexpired certificate. */
  async forLearner(caller: AuthUser, learnerId: string, lang: Locale) {
    const learner = await this.readiness.findLearner(learnerId);
    this.policy.assert(caller, 'readiness.read', learner && { orgPath: learner.path, subjectId: learnerId });
    const courses = await this.readiness.requiredCourses(learnerId);
    // Near her first (her org's parent's subtree); then a class yet to start before one already under way (still open to join).
    const nextClasses = await this.readiness.nextClasses(learner!.path ? `${learner!.path.split('/').slice(0, -2).join('/')}/` : null);
    const next = new Map(nextClasses.map((k) => [k.course_id, k]));
    const items = courses.map((c) => {
      const k = next.get(c.id);
      return {
        course: { id: c.id, code: c.code, title: pick(lang, c.title_zh, c.title_en) },
        state: c.state as 'done' | 'expiring' | 'expired' | 'missing',
        certificate: c.cert_code
          ? { code: c.cert_code, displayCode: formatCode(c.cert_code), expiresAt: c.expires_at ? new Date(c.expires_at).toISOString() : null }
          : null,
        nextClass: c.state === 'done' || !k ? null : { id: k.id, startsOn: k.starts_on, orgName: k.org_name },
      };
    });
    const ready = items.length > 0 && items.every((i: { state: string }) => i.state === 'done' || i.state === 'expiring');
    return {
      learnerId,
      learnerType: learner!.learner_type,
      ready,
      level: ready ? 'ready' : items.some((i: { state: string }) => i.state === 'missing') ? 'not_ready' : 'renewal_needed',
      items,
      missing: items.filter((i: { state: string }) => i.state === 'missing' || i.state === 'expired').map((i: { course: unknown }) => i.course),
      expiring: items.filter((i: { state: string }) => i.state === 'expiring').map((i: { certificate: unknown }) => i.certificate),
    };
  }

  /** Volunteer mothers of the caller's subtree, with how many required courses each holds. */
  async volunteers(caller: AuthUser, ready: boolean | undefined, limit: number, offset: number) {
    const rows = await this.readiness.volunteers(this.policy.scope(caller, 'readiness.read'), ready, limit, offset);
    return {
      items: rows.map(({ total: _t, ...r }: { total: string }) => r),
      total: Number(rows[0]?.total ?? 0),
    };
  }
}
