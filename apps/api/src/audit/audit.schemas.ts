import { Type, type Static } from 'typebox';
import type { AuditEventDto, Page as PageOf } from '@hearth/contracts';
import { DateTime, Nullable, Page, sameShape, Uuid } from '../common/openapi.js';

export const AuditEvent = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  at: DateTime(),
  actorId: Nullable(Uuid({ description: 'null for events with no signed-in actor, e.g. a failed login' })),
  actorRole: Nullable(Type.String()),
  actorName: Nullable(Type.String({ description: 'null when there is no actor or she erased her data' })),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  orgId: Nullable(Uuid()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'Never passwords or tokens; phone numbers are masked' }),
});
sameShape<Static<typeof AuditEvent>, AuditEventDto>(true);

export const AuditPage = Page(AuditEvent);
sameShape<Static<typeof AuditPage>, PageOf<AuditEventDto>>(true);
