import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { EnrollmentsService } from '../enrollments/enrollments.service.js';
import { PERSONAL_DATA_SOURCES, PrivacyRepository } from './privacy.repository.js';

/**
 * Personal-data rights (PIPL arts. 44–47): a learner takes everything Hearth holds about her, or
 * erases it. Erasure keeps the rows that anonymous counts and certificate verification rely on,
 * stripped of anything that identifies her.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly privacy: PrivacyRepository,
    private readonly audit: AuditService,
    private readonly enrollments: EnrollmentsService,
  ) {}

  /**
   * Every table that holds rows about a person (privacy.repository.ts); privacy.schemas.ts publishes a
   * section for each, and the export test walks them.
   */
  static readonly SOURCES = PERSONAL_DATA_SOURCES;

  async export(caller: AuthUser, requestId: string) {
    const profile = await this.privacy.profile(caller.id);
    const data: Record<string, unknown> = { exportedAt: new Date().toISOString(), profile, ...(await this.privacy.sources(caller.id)) };
    await this.audit.record({ actor: caller, action: 'data.export', entityType: 'user', entityId: caller.id, orgId: caller.orgId, requestId });
    return data;
  }

  async erase(caller: AuthUser, requestId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Her seats in classes not yet finished go to the waitlist, as if she had withdrawn herself.
      await this.enrollments.withdrawFromUnfinished(tx, caller.id);
      await this.privacy.erase(caller.id, tx);
      await this.audit.record(
        { actor: { id: caller.id, role: caller.role }, action: 'user.erase', entityType: 'user', entityId: caller.id, orgId: caller.orgId, requestId },
        tx,
      );
    });
  }
}
