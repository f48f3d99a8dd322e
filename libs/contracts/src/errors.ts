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
  'CAPACITY_BELOW_ENROLLED',
  'SESSION_ENDED',
  'SESSION_CANCELLED',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One failed rule of a VALIDATION_FAILED answer: `field` is the path of the field in the request
 * ("sessions.1.endsAt" for the second session's end), `rule` the class-validator rule that failed
 * ("isIso8601", "maxLength"; "unknownField" for a field the input does not accept), `message` the
 * English text also found in `messages`.
 */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code: ErrorCode;
  /** VALIDATION_FAILED: every problem as a sentence. */
  messages?: string[];
  /** VALIDATION_FAILED from the request's validation: every problem on its field (absent for rules checked later, such as "wageMax must not be below wageMin"). */
  fields?: FieldError[];
  [extra: string]: unknown;
}
