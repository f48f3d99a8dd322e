import { Type } from 'typebox';
import { DateTime, OneOf } from '../common/openapi.js';
import { SHARED_FIELDS } from './consents.service.js';

export const CONSENT_ACTIONS = ['grant', 'withdraw'] as const;

export const ConsentEvent = Type.Object({
  action: OneOf(CONSENT_ACTIONS),
  noticeVersion: Type.String({ description: 'The notice the learner read' }),
  at: DateTime(),
});

/** Her consent to be referred to employers: the latest event counts. */
export const ConsentStatus = Type.Object({
  scope: Type.Literal('referrals'),
  granted: Type.Boolean(),
  currentNoticeVersion: Type.String(),
  sharedFields: Type.Array(OneOf(SHARED_FIELDS), { description: 'What an employer sees of her while she consents' }),
  history: Type.Array(ConsentEvent, { description: 'Newest first' }),
});
