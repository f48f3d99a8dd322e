/**
 * The one typed client for the Hearth API, used by the web's loaders and actions (and by tests).
 * Every method maps to a route of the public contract; the route list is checked against the
 * API's OpenAPI spec by a test, so the two cannot drift apart silently.
 */
import type { ApiErrorBody } from './errors.js';
import type { NotificationKind, NotificationList, NotificationPreferences } from './notifications.js';
import type {
  AuditEventDto,
  ReportSummaryDto,
  AssessmentDto,
  AttemptResultDto,
  AttendanceHistoryDto,
  CertificateDto,
  CheckInCodeDto,
  EnrollmentAttendanceDto,
  ExternalCredentialDto,
  MarkAttendanceBody,
  PublicCertificateDto,
  ReadinessDto,
  RequirementStatusDto,
  RevocationReason,
  SessionAttendanceDto,
  VolunteerDto,
  AuthResultDto,
  CheckInStateDto,
  ClassDto,
  ClassSessionDto,
  SessionBody,
  CourseDto,
  CreateClassBody,
  CreateCourseBody,
  EnrollmentResultDto,
  JoinableOrgDto,
  ImportResultDto,
  ImportStatusDto,
  MyEnrollmentDto,
  StudyPackDto,
  RosterEntryDto,
  UpdateClassBody,
  CreateOrgBody,
  CreateUserBody,
  ClaimCodeDto,
  ClaimCodeSheetDto,
  QualificationReviewDto,
  QualificationStatus,
  CreatedUserDto,
  ListedUserDto,
  HealthDto,
  LoginBody,
  MeDto,
  ListOrgsQuery,
  OrgDto,
  OrgNodePageDto,
  Page,
  PasswordResetDto,
  RegisterBody,
  TokenPairDto,
} from './dto.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(Array.isArray(body.message) ? body.message.join('; ') : body.message);
    this.name = 'ApiError';
  }

  get code() {
    return this.body.code;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Extra headers, e.g. X-Forwarded-For from the web server. */
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  baseUrl: string;
  accessToken?: string | null;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** Routes the client calls, as `METHOD /path` with `{param}` placeholders (OpenAPI style). */
export const CLIENT_ROUTES = [
  'GET /api/health',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'GET /api/me',
  'GET /api/users',
  'POST /api/users',
  'POST /api/users/{id}/claim-code',
  'POST /api/users/{id}/password-reset',
  'GET /api/orgs',
  'POST /api/orgs',
  'PATCH /api/me',
  'POST /api/me/password',
  'GET /api/courses',
  'GET /api/courses/{idOrCode}',
  'POST /api/courses',
  'PATCH /api/courses/{id}',
  'GET /api/classes',
  'POST /api/classes',
  'GET /api/classes/{id}',
  'PATCH /api/classes/{id}',
  'POST /api/classes/{id}/enrollments',
  'GET /api/classes/{id}/enrollments',
  'POST /api/classes/{id}/sessions',
  'PATCH /api/sessions/{id}',
  'POST /api/sessions/{id}/cancel',
  'GET /api/sessions/{id}/check-in',
  'DELETE /api/enrollments/{id}',
  'GET /api/me/enrollments',
  'POST /api/imports/learners',
  'GET /api/imports/{id}',
  'PUT /api/sessions/{id}/attendance',
  'GET /api/sessions/{id}/attendance',
  'GET /api/sessions/{id}/attendance/history',
  'POST /api/sessions/{id}/check-in-code',
  'POST /api/sessions/{id}/check-in',
  'GET /api/enrollments/{id}/attendance',
  'GET /api/enrollments/{id}/requirements',
  'POST /api/enrollments/{id}/certificate',
  'GET /api/assessments/{id}',
  'POST /api/assessments/{id}/attempts',
  'POST /api/assessments/{id}/results',
  'GET /api/certificates/verify/{code}',
  'POST /api/certificates/verify',
  'POST /api/certificates/{code}/revoke',
  'GET /api/certificates/{code}/credential',
  'GET /api/credentials/issuer',
  'POST /api/credentials/holder-check/{code}',
  'GET /api/me/certificates',
  'GET /api/learners/{id}/readiness',
  'GET /api/volunteers',
  'GET /api/learners/{learnerId}/external-credentials',
  'POST /api/learners/{learnerId}/external-credentials',
  'POST /api/learners/{learnerId}/external-credentials/{id}/check',
  'GET /api/reports/summary',
  'GET /api/reports/summary.csv',
  'GET /api/audit',
  'GET /api/me/export',
  'DELETE /api/me',
  'GET /api/me/notifications',
  'GET /api/me/notifications/unread-count',
  'POST /api/me/notifications/read',
  'GET /api/me/notification-preferences',
  'PUT /api/me/notification-preferences',
] as const;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  withToken(accessToken: string | null): ApiClient {
    return new ApiClient({ ...this.options, accessToken });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...options.headers };
    if (this.options.accessToken) headers.authorization = `Bearer ${this.options.accessToken}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await this.fetchImpl(`${this.options.baseUrl}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
    });
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    const payload: unknown = type.includes('application/json') ? await response.json() : await response.text();
    if (!response.ok) {
      const errorBody: ApiErrorBody =
        payload && typeof payload === 'object'
          ? (payload as ApiErrorBody)
          : { statusCode: response.status, error: response.statusText, message: String(payload), code: 'INTERNAL_ERROR' };
      throw new ApiError(response.status, errorBody);
    }
    return payload as T;
  }

  /** Raw response, for downloads (CSV, PDF). */
  async download(path: string, query?: Query): Promise<Response> {
    const headers: Record<string, string> = { ...this.options.headers };
    if (this.options.accessToken) headers.authorization = `Bearer ${this.options.accessToken}`;
    return this.fetchImpl(`${this.options.baseUrl}${path}${buildQuery(query)}`, { headers });
  }

  health() {
    return this.request<HealthDto>('GET', '/api/health');
  }

  readonly auth = {
    register: (body: RegisterBody) => this.request<AuthResultDto>('POST', '/api/auth/register', { body }),
    login: (body: LoginBody) => this.request<AuthResultDto>('POST', '/api/auth/login', { body }),
    refresh: (refreshToken: string) => this.request<TokenPairDto>('POST', '/api/auth/refresh', { body: { refreshToken } }),
    logout: (refreshToken: string) => this.request<void>('POST', '/api/auth/logout', { body: { refreshToken } }),
  };

  me() {
    return this.request<MeDto>('GET', '/api/me');
  }

  updateMe(body: { locale: 'zh-CN' | 'en' }) {
    return this.request<MeDto>('PATCH', '/api/me', { body });
  }

  /** Answers a fresh token pair: every other sign-in of hers has ended. */
  changePassword(body: { currentPassword: string; newPassword: string }) {
    return this.request<TokenPairDto>('POST', '/api/me/password', { body });
  }

  readonly users = {
    list: (query: { role?: string; orgId?: string; q?: string; limit?: number; offset?: number } = {}) =>
      this.request<Page<ListedUserDto>>('GET', '/api/users', { query }),
    create: (body: CreateUserBody) => this.request<CreatedUserDto>('POST', '/api/users', { body }),
    claimCode: (id: string) => this.request<ClaimCodeDto>('POST', `/api/users/${id}/claim-code`),
    resetPassword: (id: string) => this.request<PasswordResetDto>('POST', `/api/users/${id}/password-reset`),
    /** New activation codes for many learners at once (each replaces her previous code); shown once. */
    claimCodes: (body: { userIds: string[] } | { importId: string }) => this.request<ClaimCodeSheetDto>('POST', '/api/claim-codes', { body }),
  };

  readonly orgs = {
    /** Without a query: the caller's whole subtree in tree order. With one: a page of children or search hits. */
    list: ((query?: ListOrgsQuery) => this.request('GET', '/api/orgs', { query: query && { ...query, kind: query.kind?.join(',') } })) as {
      (): Promise<Page<OrgDto>>;
      (query: ListOrgsQuery): Promise<OrgNodePageDto>;
    },
    create: (body: CreateOrgBody) => this.request<OrgDto>('POST', '/api/orgs', { body }),
    /** Public: clubs and stations whose name contains `q`, for registration. */
    joinable: (query: { q: string; limit?: number; offset?: number }) => this.request<Page<JoinableOrgDto>>('GET', '/api/orgs/joinable', { query }),
  };

  readonly courses = {
    /** `include: 'drafts'` (admins only) lists unpublished courses too. */
    list: (query: { category?: string; lang?: string; include?: 'drafts'; limit?: number; offset?: number } = {}) =>
      this.request<Page<Omit<CourseDto, 'descriptionZh' | 'descriptionEn' | 'lessons' | 'assessments' | 'prerequisites'>>>('GET', '/api/courses', { query }),
    /** Every course, page after page (for pickers that offer the whole catalogue). */
    listAll: async (query: { category?: string; lang?: string; include?: 'drafts' } = {}) => {
      const items: Omit<CourseDto, 'descriptionZh' | 'descriptionEn' | 'lessons' | 'assessments' | 'prerequisites'>[] = [];
      for (;;) {
        const page = await this.courses.list({ ...query, limit: 100, offset: items.length });
        items.push(...page.items);
        if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total };
      }
    },
    get: (idOrCode: string, query: { lang?: string } = {}) => this.request<CourseDto>('GET', `/api/courses/${encodeURIComponent(idOrCode)}`, { query }),
    create: (body: CreateCourseBody) => this.request<CourseDto>('POST', '/api/courses', { body }),
    update: (id: string, body: Partial<CreateCourseBody>) => this.request<CourseDto>('PATCH', `/api/courses/${id}`, { body }),
  };

  readonly classes = {
    list: (query: { courseId?: string; orgId?: string; open?: boolean; limit?: number; offset?: number; lang?: string } = {}) =>
      this.request<Page<ClassDto>>('GET', '/api/classes', { query }),
    get: (id: string, query: { lang?: string } = {}) => this.request<ClassDto>('GET', `/api/classes/${id}`, { query }),
    create: (body: CreateClassBody) => this.request<ClassDto>('POST', '/api/classes', { body }),
    update: (id: string, body: UpdateClassBody) => this.request<ClassDto>('PATCH', `/api/classes/${id}`, { body }),
    enrol: (id: string, body: { learnerId?: string; phone?: string } = {}) => this.request<EnrollmentResultDto>('POST', `/api/classes/${id}/enrollments`, { body }),
    roster: (id: string, query: { limit?: number; offset?: number } = {}) => this.request<Page<RosterEntryDto>>('GET', `/api/classes/${id}/enrollments`, { query }),
    addSession: (id: string, body: SessionBody) => this.request<ClassSessionDto>('POST', `/api/classes/${id}/sessions`, { body }),
  };

  readonly sessions = {
    update: (id: string, body: Partial<SessionBody>) => this.request<ClassSessionDto>('PATCH', `/api/sessions/${id}`, { body }),
    cancel: (id: string) => this.request<ClassSessionDto>('POST', `/api/sessions/${id}/cancel`),
    checkInState: (id: string) => this.request<CheckInStateDto>('GET', `/api/sessions/${id}/check-in`),
  };

  readonly enrollments = {
    withdraw: (id: string) => this.request<void>('DELETE', `/api/enrollments/${id}`),
    mine: (query: { lang?: string } = {}) => this.request<Page<MyEnrollmentDto>>('GET', '/api/me/enrollments', { query }),
    /** Her classes' lesson positions and images, quizzes and certificates: what her phone keeps for reading offline. */
    studyPack: () => this.request<StudyPackDto>('GET', '/api/me/study-pack'),
  };

  readonly attendance = {
    mark: (sessionId: string, body: MarkAttendanceBody) => this.request<{ saved: number; changed: number }>('PUT', `/api/sessions/${sessionId}/attendance`, { body }),
    session: (sessionId: string) => this.request<SessionAttendanceDto>('GET', `/api/sessions/${sessionId}/attendance`),
    history: (sessionId: string) => this.request<AttendanceHistoryDto>('GET', `/api/sessions/${sessionId}/attendance/history`),
    checkInCode: (sessionId: string) => this.request<CheckInCodeDto>('POST', `/api/sessions/${sessionId}/check-in-code`),
    checkIn: (sessionId: string, code: string) => this.request<{ sessionId: string; status: 'present' }>('POST', `/api/sessions/${sessionId}/check-in`, { body: { code } }),
    ofEnrollment: (enrollmentId: string) => this.request<EnrollmentAttendanceDto>('GET', `/api/enrollments/${enrollmentId}/attendance`),
  };

  readonly assessments = {
    get: (id: string, query: { lang?: string } = {}) => this.request<AssessmentDto>('GET', `/api/assessments/${id}`, { query }),
    /** `offline`: the phone's attempt id and times (an attempt taken without signal); the same id is graded once. */
    attempt: (id: string, answers: Record<string, number[]>, query: { lang?: string } = {}, offline: { clientAttemptId?: string; startedAt?: string; submittedAt?: string } = {}) =>
      this.request<AttemptResultDto>('POST', `/api/assessments/${id}/attempts`, { body: { answers, ...offline }, query }),
    recordResult: (id: string, body: { learnerId: string; score: number; note?: string }) => this.request<{ passed: boolean; certificateIssued: boolean }>('POST', `/api/assessments/${id}/results`, { body }),
  };

  readonly certificates = {
    requirements: (enrollmentId: string, query: { lang?: string } = {}) => this.request<RequirementStatusDto>('GET', `/api/enrollments/${enrollmentId}/requirements`, { query }),
    issue: (enrollmentId: string) => this.request<CertificateDto>('POST', `/api/enrollments/${enrollmentId}/certificate`),
    verify: (code: string, query: { lang?: string } = {}) => this.request<PublicCertificateDto>('GET', `/api/certificates/verify/${encodeURIComponent(code)}`, { query }),
    verifyMany: (codes: string[]) => this.request<Page<(PublicCertificateDto & { input: string; found: true }) | { input: string; found: false; status: 'unknown' }>>('POST', '/api/certificates/verify', { body: { codes } }),
    revoke: (code: string, body: { reason: RevocationReason; note?: string }) => this.request<CertificateDto>('POST', `/api/certificates/${encodeURIComponent(code)}/revoke`, { body }),
    credential: (code: string) => this.request<{ code: string; format: 'vc+jwt'; credential: string }>('GET', `/api/certificates/${encodeURIComponent(code)}/credential`),
    /** The PDF, as a raw Response to stream on to the browser. */
    pdf: (code: string) => this.download(`/api/certificates/${encodeURIComponent(code)}/pdf`),
    mine: (query: { lang?: string } = {}) => this.request<Page<CertificateDto>>('GET', '/api/me/certificates', { query }),
    /** Whether a phone number is the one the holder identifier of the credential was made from. */
    holderCheck: (code: string, phone: string) => this.request<{ matches: boolean }>('POST', `/api/credentials/holder-check/${encodeURIComponent(code)}`, { body: { phone } }),
  };

  readonly readiness = {
    of: (learnerId: string, query: { lang?: string } = {}) => this.request<ReadinessDto>('GET', `/api/learners/${learnerId}/readiness`, { query }),
    volunteers: (query: { ready?: boolean; limit?: number; offset?: number } = {}) => this.request<Page<VolunteerDto>>('GET', '/api/volunteers', { query }),
  };

  readonly externalCredentials = {
    list: (learnerId: string) => this.request<Page<ExternalCredentialDto>>('GET', `/api/learners/${learnerId}/external-credentials`),
    record: (learnerId: string, body: { certificateNumber: string; occupation: string; level?: string; issuingBody: string; issuedOn: string; expiresOn?: string }) =>
      this.request<ExternalCredentialDto>('POST', `/api/learners/${learnerId}/external-credentials`, { body }),
    check: (learnerId: string, id: string) => this.request<ExternalCredentialDto>('POST', `/api/learners/${learnerId}/external-credentials/${id}/check`),
    /** Qualifications of learners in the caller's subtree, by status (pending first: the review list). */
    review: (query: { status?: QualificationStatus; limit?: number; offset?: number; lang?: string } = {}) =>
      this.request<Page<QualificationReviewDto>>('GET', '/api/external-credentials', { query }),
    verify: (id: string, body: { courseId?: string } = {}) => this.request<ExternalCredentialDto>('POST', `/api/external-credentials/${id}/verify`, { body }),
    reject: (id: string, reason: string) => this.request<ExternalCredentialDto>('POST', `/api/external-credentials/${id}/reject`, { body: { reason } }),
  };

  readonly reports = {
    summary: (query: { orgId?: string; from?: string; to?: string; lang?: string } = {}) => this.request<ReportSummaryDto>('GET', '/api/reports/summary', { query }),
    /** The CSV as a raw Response, to stream on to the browser. */
    summaryCsv: (query: { orgId?: string; from?: string; to?: string; lang?: string } = {}) => this.download('/api/reports/summary.csv', query),
  };

  readonly audit = {
    list: (query: { entityType?: string; entityId?: string; actorId?: string; action?: string; limit?: number; offset?: number } = {}) =>
      this.request<Page<AuditEventDto>>('GET', '/api/audit', { query }),
  };

  readonly privacy = {
    /** Everything Hearth holds about the caller (JSON). */
    export: () => this.request<Record<string, unknown>>('GET', '/api/me/export'),
    erase: () => this.request<void>('DELETE', '/api/me'),
  };

  readonly notifications = {
    /** Hers, newest first, in her language. */
    list: (query: { unread?: boolean; limit?: number; offset?: number } = {}) => this.request<NotificationList>('GET', '/api/me/notifications', { query }),
    /** The bell: one cheap count. */
    unreadCount: () => this.request<{ unread: number }>('GET', '/api/me/notifications/unread-count'),
    /** Those ids (only hers count), or all of hers without ids. */
    markRead: (ids?: string[]) => this.request<{ unread: number }>('POST', '/api/me/notifications/read', { body: ids ? { ids } : {} }),
    preferences: () => this.request<NotificationPreferences>('GET', '/api/me/notification-preferences'),
    savePreferences: (body: { smsKinds: NotificationKind[]; smsOff?: boolean }) => this.request<NotificationPreferences>('PUT', '/api/me/notification-preferences', { body }),
  };

  readonly imports = {
    learners: (body: { csv: string; orgId?: string; classId?: string; importId?: string }) => this.request<ImportResultDto>('POST', '/api/imports/learners', { body }),
    status: (id: string) => this.request<ImportStatusDto>('GET', `/api/imports/${id}`),
  };
}
