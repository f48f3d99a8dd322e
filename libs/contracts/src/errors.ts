/** Machine codes in the API's error bodies; the web maps each to a message in the user's language. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CURRENT_PASSWORD_INCORRECT',
  'TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'TOO_MANY_ATTEMPTS',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PHONE_TAKEN',
  'ALREADY_CLAIMED',
  'CLAIM_CODE_REQUIRED',
  'CLAIM_CODE_INVALID',
  'ORG_KIND_INVALID',
  'ROLE_NOT_ALLOWED',
  'EMPLOYER_REQUIRED',
  'ALREADY_ENROLLED',
  'PREREQUISITE_MISSING',
  'CLASS_CLOSED',
  'TOO_LATE_TO_COMPLETE',
  'ORG_NOT_JOINABLE',
  'REQUIREMENTS_NOT_MET',
  'CONSENT_REQUIRED',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_MISMATCH',
  'NOT_ENROLLED',
  'SESSION_NOT_STARTED',
  'MARKING_WINDOW_CLOSED',
  'CHECK_IN_CLOSED',
  'CHECK_IN_CODE_INVALID',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code: ErrorCode;
  [extra: string]: unknown;
}
