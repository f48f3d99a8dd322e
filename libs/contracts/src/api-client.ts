/**
 * The one typed client for the Hearth API, used by the web's loaders and actions (and by tests).
 * Every method names its route, parameters, body and answer through the types generated from the
 * API's OpenAPI document (generated/openapi.ts, checked against the live document by
 * apps/api/test/openapi-client.spec.ts), so a route or shape the API does not publish fails typecheck.
 */
import type { ApiErrorBody } from './errors.js';
import type { JobDto, ListOrgsQuery, OrgDto, OrgNodePageDto, Page, ReferralDto, ReferralListItemDto, StaffJobDto, StaffReferralDto } from './dto.js';
import type { ApiPath, BodyOf, HttpMethod, PathParamsOf, PathWith, QueryOf, ResponseOf } from './openapi-types.js';

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

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>;

export interface ApiClientOptions {
  baseUrl: string;
  accessToken?: string | null;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type Params<P extends ApiPath, M extends HttpMethod> = [PathParamsOf<P, M>] extends [never | undefined]
  ? { params?: undefined }
  : { params: PathParamsOf<P, M> };

/** One call of route `P` with method `M`: its path parameters, query and body, as the document publishes them. */
export type CallOptions<P extends ApiPath, M extends HttpMethod> = Params<P, M> & {
  query?: QueryOf<P, M>;
  body?: BodyOf<P, M>;
  /** Extra headers, e.g. X-Forwarded-For from the web server. */
  headers?: Record<string, string>;
};

/** `/api/courses/{idOrCode}` with `{ idOrCode: 'A 1' }` → `/api/courses/A%201`. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(params[name]));
  });
}

type CourseListItem = ResponseOf<'/api/courses', 'get'>['items'][number];

export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  withToken(accessToken: string | null): ApiClient {
    return new ApiClient({ ...this.options, accessToken });
  }

  /** The one way to the API: a route of the generated document, typed end to end. */
  private async call<M extends HttpMethod, P extends PathWith<M>>(method: M, path: P, options: CallOptions<P, M>): Promise<ResponseOf<P, M>> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...options.headers };
    if (this.options.accessToken) headers.authorization = `Bearer ${this.options.accessToken}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const url = `${this.options.baseUrl}${fillPath(path, options.params as Record<string, string> | undefined)}${buildQuery(options.query as Query | undefined)}`;
    const response = await this.fetchImpl(url, { method: method.toUpperCase(), headers, body });
    if (response.status === 204) return undefined as ResponseOf<P, M>;
    const type = response.headers.get('content-type') ?? '';
    const payload: unknown = type.includes('application/json') ? await response.json() : await response.text();
    if (!response.ok) {
      const errorBody: ApiErrorBody =
        payload && typeof payload === 'object'
          ? (payload as ApiErrorBody)
          : { statusCode: response.status, error: response.statusText, message: String(payload), code: 'INTERNAL_ERROR' };
      throw new ApiError(response.status, errorBody);
    }
    return payload as ResponseOf<P, M>;
  }

  /** Raw response, for downloads (CSV, PDF). */
  private async download<P extends PathWith<'get'>>(path: P, options: CallOptions<P, 'get'>): Promise<Response> {
    const headers: Record<string, string> = { ...this.options.headers };
    if (this.options.accessToken) headers.authorization = `Bearer ${this.options.accessToken}`;
    return this.fetchImpl(
      `${this.options.baseUrl}${fillPath(path, options.params as Record<string, string> | undefined)}${buildQuery(options.query as Query | undefined)}`,
      { headers },
    );
  }

  health() {
    return this.call('get', '/api/health', {});
  }

  readonly auth = {
    register: (body: BodyOf<'/api/auth/register', 'post'>) => this.call('post', '/api/auth/register', { body }),
    login: (body: BodyOf<'/api/auth/login', 'post'>) => this.call('post', '/api/auth/login', { body }),
    refresh: (refreshToken: string) => this.call('post', '/api/auth/refresh', { body: { refreshToken } }),
    logout: (refreshToken: string) => this.call('post', '/api/auth/logout', { body: { refreshToken } }),
  };

  me() {
    return this.call('get', '/api/me', {});
  }

  updateMe(body: BodyOf<'/api/me', 'patch'>) {
    return this.call('patch', '/api/me', { body });
  }

  /** Answers a fresh token pair: every other sign-in of hers has ended. */
  changePassword(body: BodyOf<'/api/me/password', 'post'>) {
    return this.call('post', '/api/me/password', { body });
  }

  readonly users = {
    list: (query: QueryOf<'/api/users', 'get'> = {}) => this.call('get', '/api/users', { query }),
    create: (body: BodyOf<'/api/users', 'post'>) => this.call('post', '/api/users', { body }),
    claimCode: (id: string) => this.call('post', '/api/users/{id}/claim-code', { params: { id } }),
    resetPassword: (id: string) => this.call('post', '/api/users/{id}/password-reset', { params: { id } }),
    /** New activation codes for many learners at once (each replaces her previous code); shown once. */
    claimCodes: (body: { userIds: string[] } | { importId: string }) => this.call('post', '/api/claim-codes', { body }),
  };

  readonly orgs = {
    /** Without a query: the caller's whole subtree in tree order. With one: a page of children or search hits. */
    list: ((query?: ListOrgsQuery) => this.call('get', '/api/orgs', { query: query && { ...query, kind: query.kind && [...query.kind] } })) as {
      (): Promise<Page<OrgDto>>;
      (query: ListOrgsQuery): Promise<OrgNodePageDto>;
    },
    create: (body: BodyOf<'/api/orgs', 'post'>) => this.call('post', '/api/orgs', { body }),
    /** Public: clubs and stations whose name contains `q`, for registration. */
    joinable: (query: QueryOf<'/api/orgs/joinable', 'get'>) => this.call('get', '/api/orgs/joinable', { query }),
  };

  readonly courses = {
    /** `include: 'drafts'` (admins only) lists unpublished courses too. */
    list: (query: QueryOf<'/api/courses', 'get'> = {}) => this.call('get', '/api/courses', { query }),
    /** Every course, page after page (for pickers that offer the whole catalogue). */
    listAll: async (query: Omit<QueryOf<'/api/courses', 'get'>, 'limit' | 'offset'> = {}) => {
      const items: CourseListItem[] = [];
      for (;;) {
        const page = await this.courses.list({ ...query, limit: 100, offset: items.length });
        items.push(...page.items);
        if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total };
      }
    },
    get: (idOrCode: string, query: QueryOf<'/api/courses/{idOrCode}', 'get'> = {}) =>
      this.call('get', '/api/courses/{idOrCode}', { params: { idOrCode }, query }),
    create: (body: BodyOf<'/api/courses', 'post'>) => this.call('post', '/api/courses', { body }),
    update: (id: string, body: BodyOf<'/api/courses/{id}', 'patch'>) => this.call('patch', '/api/courses/{id}', { params: { id }, body }),
  };

  readonly classes = {
    list: (query: QueryOf<'/api/classes', 'get'> = {}) => this.call('get', '/api/classes', { query }),
    get: (id: string, query: QueryOf<'/api/classes/{id}', 'get'> = {}) => this.call('get', '/api/classes/{id}', { params: { id }, query }),
    create: (body: BodyOf<'/api/classes', 'post'>) => this.call('post', '/api/classes', { body }),
    update: (id: string, body: BodyOf<'/api/classes/{id}', 'patch'>) => this.call('patch', '/api/classes/{id}', { params: { id }, body }),
    enrol: (id: string, body: BodyOf<'/api/classes/{id}/enrollments', 'post'> = {}) =>
      this.call('post', '/api/classes/{id}/enrollments', { params: { id }, body }),
    roster: (id: string, query: QueryOf<'/api/classes/{id}/enrollments', 'get'> = {}) =>
      this.call('get', '/api/classes/{id}/enrollments', { params: { id }, query }),
    addSession: (id: string, body: BodyOf<'/api/classes/{id}/sessions', 'post'>) => this.call('post', '/api/classes/{id}/sessions', { params: { id }, body }),
  };

  readonly sessions = {
    update: (id: string, body: BodyOf<'/api/sessions/{id}', 'patch'>) => this.call('patch', '/api/sessions/{id}', { params: { id }, body }),
    cancel: (id: string) => this.call('post', '/api/sessions/{id}/cancel', { params: { id } }),
    checkInState: (id: string) => this.call('get', '/api/sessions/{id}/check-in', { params: { id } }),
  };

  readonly enrollments = {
    withdraw: (id: string) => this.call('delete', '/api/enrollments/{id}', { params: { id } }),
    mine: (query: QueryOf<'/api/me/enrollments', 'get'> = {}) => this.call('get', '/api/me/enrollments', { query }),
    /** Her classes' lesson positions and images, quizzes and certificates: what her phone keeps for reading offline. */
    studyPack: () => this.call('get', '/api/me/study-pack', {}),
  };

  readonly attendance = {
    mark: (sessionId: string, body: BodyOf<'/api/sessions/{id}/attendance', 'put'>) =>
      this.call('put', '/api/sessions/{id}/attendance', { params: { id: sessionId }, body }),
    session: (sessionId: string) => this.call('get', '/api/sessions/{id}/attendance', { params: { id: sessionId } }),
    history: (sessionId: string) => this.call('get', '/api/sessions/{id}/attendance/history', { params: { id: sessionId } }),
    checkInCode: (sessionId: string) => this.call('post', '/api/sessions/{id}/check-in-code', { params: { id: sessionId } }),
    checkIn: (sessionId: string, code: string) => this.call('post', '/api/sessions/{id}/check-in', { params: { id: sessionId }, body: { code } }),
    ofEnrollment: (enrollmentId: string) => this.call('get', '/api/enrollments/{id}/attendance', { params: { id: enrollmentId } }),
  };

  readonly assessments = {
    get: (id: string, query: QueryOf<'/api/assessments/{id}', 'get'> = {}) => this.call('get', '/api/assessments/{id}', { params: { id }, query }),
    /** `offline`: the phone's attempt id and times (an attempt taken without signal); the same id is graded once. */
    attempt: (
      id: string,
      answers: Record<string, number[]>,
      query: QueryOf<'/api/assessments/{id}/attempts', 'post'> = {},
      offline: Omit<BodyOf<'/api/assessments/{id}/attempts', 'post'>, 'answers'> = {},
    ) => this.call('post', '/api/assessments/{id}/attempts', { params: { id }, body: { answers, ...offline }, query }),
    recordResult: (id: string, body: BodyOf<'/api/assessments/{id}/results', 'post'>) =>
      this.call('post', '/api/assessments/{id}/results', { params: { id }, body }),
  };

  readonly certificates = {
    requirements: (enrollmentId: string, query: QueryOf<'/api/enrollments/{id}/requirements', 'get'> = {}) =>
      this.call('get', '/api/enrollments/{id}/requirements', { params: { id: enrollmentId }, query }),
    issue: (enrollmentId: string) => this.call('post', '/api/enrollments/{id}/certificate', { params: { id: enrollmentId } }),
    verify: (code: string, query: QueryOf<'/api/certificates/verify/{code}', 'get'> = {}) =>
      this.call('get', '/api/certificates/verify/{code}', { params: { code }, query }),
    verifyMany: (codes: string[]) => this.call('post', '/api/certificates/verify', { body: { codes } }),
    revoke: (code: string, body: BodyOf<'/api/certificates/{code}/revoke', 'post'>) =>
      this.call('post', '/api/certificates/{code}/revoke', { params: { code }, body }),
    credential: (code: string) => this.call('get', '/api/certificates/{code}/credential', { params: { code } }),
    /** The PDF, as a raw Response to stream on to the browser. */
    pdf: (code: string) => this.download('/api/certificates/{code}/pdf', { params: { code } }),
    mine: (query: QueryOf<'/api/me/certificates', 'get'> = {}) => this.call('get', '/api/me/certificates', { query }),
    /** Whether a phone number is the one the holder identifier of the credential was made from. */
    holderCheck: (code: string, phone: string) => this.call('post', '/api/credentials/holder-check/{code}', { params: { code }, body: { phone } }),
  };

  readonly readiness = {
    of: (learnerId: string, query: QueryOf<'/api/learners/{id}/readiness', 'get'> = {}) =>
      this.call('get', '/api/learners/{id}/readiness', { params: { id: learnerId }, query }),
    volunteers: (query: QueryOf<'/api/volunteers', 'get'> = {}) => this.call('get', '/api/volunteers', { query }),
  };

  readonly externalCredentials = {
    list: (learnerId: string) => this.call('get', '/api/learners/{learnerId}/external-credentials', { params: { learnerId } }),
    record: (learnerId: string, body: BodyOf<'/api/learners/{learnerId}/external-credentials', 'post'>) =>
      this.call('post', '/api/learners/{learnerId}/external-credentials', { params: { learnerId }, body }),
    check: (learnerId: string, id: string) => this.call('post', '/api/learners/{learnerId}/external-credentials/{id}/check', { params: { learnerId, id } }),
    /** Qualifications of learners in the caller's subtree, by status (pending first: the review list). */
    review: (query: QueryOf<'/api/external-credentials', 'get'> = {}) => this.call('get', '/api/external-credentials', { query }),
    verify: (id: string, body: BodyOf<'/api/external-credentials/{id}/verify', 'post'> = {}) =>
      this.call('post', '/api/external-credentials/{id}/verify', { params: { id }, body }),
    reject: (id: string, reason: string) => this.call('post', '/api/external-credentials/{id}/reject', { params: { id }, body: { reason } }),
  };

  readonly reports = {
    summary: (query: QueryOf<'/api/reports/summary', 'get'> = {}) => this.call('get', '/api/reports/summary', { query }),
    /** The CSV as a raw Response, to stream on to the browser. */
    summaryCsv: (query: QueryOf<'/api/reports/summary.csv', 'get'> = {}) => this.download('/api/reports/summary.csv', { query }),
  };

  readonly audit = {
    list: (query: QueryOf<'/api/audit', 'get'> = {}) => this.call('get', '/api/audit', { query }),
  };

  readonly privacy = {
    /** Everything Hearth holds about the caller (JSON). */
    export: () => this.call('get', '/api/me/export', {}),
    erase: () => this.call('delete', '/api/me', {}),
  };

  readonly notifications = {
    /** Hers, newest first, in her language. */
    list: (query: QueryOf<'/api/me/notifications', 'get'> = {}) => this.call('get', '/api/me/notifications', { query }),
    /** The bell: one cheap count. */
    unreadCount: () => this.call('get', '/api/me/notifications/unread-count', {}),
    /** Those ids (only hers count), or all of hers without ids. */
    markRead: (ids?: string[]) => this.call('post', '/api/me/notifications/read', { body: ids ? { ids } : {} }),
    preferences: () => this.call('get', '/api/me/notification-preferences', {}),
    savePreferences: (body: BodyOf<'/api/me/notification-preferences', 'put'>) => this.call('put', '/api/me/notification-preferences', { body }),
  };

  readonly imports = {
    learners: (body: BodyOf<'/api/imports/learners', 'post'>) => this.call('post', '/api/imports/learners', { body }),
    status: (id: string) => this.call('get', '/api/imports/{id}', { params: { id } }),
  };

  /** The issuer's public documents, for verifiers (no sign-in). `*Document` answers raw, to forward with its own type and cache lifetime. */
  readonly credentials = {
    issuer: () => this.call('get', '/api/credentials/issuer', {}),
    jwks: () => this.call('get', '/.well-known/jwks.json', {}),
    issuerDocument: () => this.download('/api/credentials/issuer', {}),
    jwksDocument: () => this.download('/.well-known/jwks.json', {}),
    statusListDocument: (id: number) => this.download('/api/credentials/status/{id}', { params: { id } }),
  };

  /** Companies of the caller's subtree that take referrals. */
  readonly employers = {
    list: () => this.call('get', '/api/employers', {}),
    create: (body: BodyOf<'/api/employers', 'post'>) => this.call('post', '/api/employers', { body }),
  };

  /** Job openings. The answer's shape depends on the caller: `T` names the one her role gets (StaffJobDto, LearnerJobDto). */
  readonly jobs = {
    list: <T extends JobDto = JobDto>(query: QueryOf<'/api/jobs', 'get'> = {}) => this.call('get', '/api/jobs', { query }) as Promise<Page<T>>,
    get: <T extends JobDto = JobDto>(id: string, query: QueryOf<'/api/jobs/{id}', 'get'> = {}) =>
      this.call('get', '/api/jobs/{id}', { params: { id }, query }) as Promise<T>,
    create: (body: BodyOf<'/api/jobs', 'post'>, query: QueryOf<'/api/jobs', 'post'> = {}) =>
      this.call('post', '/api/jobs', { body, query }) as Promise<StaffJobDto>,
    setStatus: (id: string, status: BodyOf<'/api/jobs/{id}', 'patch'>['status'], query: QueryOf<'/api/jobs/{id}', 'patch'> = {}) =>
      this.call('patch', '/api/jobs/{id}', { params: { id }, body: { status }, query }) as Promise<StaffJobDto>,
    candidates: (id: string, query: QueryOf<'/api/jobs/{id}/candidates', 'get'> = {}) =>
      this.call('get', '/api/jobs/{id}/candidates', { params: { id }, query }),
  };

  /** A learner's consent to be referred to employers. */
  readonly consents = {
    status: () => this.call('get', '/api/me/consents', {}),
    grant: (noticeVersion: string) => this.call('post', '/api/me/consents', { body: { scope: 'referrals', noticeVersion } }),
    withdraw: () => this.call('delete', '/api/me/consents/referrals', {}),
  };

  /** Referrals. The shape depends on the caller's role: `T` names hers (StaffReferralDto, EmployerReferralDto, LearnerReferralDto; `history` comes with one referral, not in lists). */
  readonly referrals = {
    list: <T extends ReferralListItemDto = ReferralListItemDto>(query: QueryOf<'/api/referrals', 'get'> = {}) =>
      this.call('get', '/api/referrals', { query }) as Promise<Page<T>>,
    get: <T extends ReferralListItemDto = ReferralDto>(id: string, query: QueryOf<'/api/referrals/{id}', 'get'> = {}) =>
      this.call('get', '/api/referrals/{id}', { params: { id }, query }) as Promise<unknown> as Promise<T>,
    /** Staff only, so the answer is the staff view. */
    create: (body: BodyOf<'/api/referrals', 'post'>, query: QueryOf<'/api/referrals', 'post'> = {}) =>
      this.call('post', '/api/referrals', { body, query }) as Promise<StaffReferralDto>,
    move: <T extends ReferralListItemDto = ReferralDto>(
      id: string,
      body: BodyOf<'/api/referrals/{id}', 'patch'>,
      query: QueryOf<'/api/referrals/{id}', 'patch'> = {},
    ) => this.call('patch', '/api/referrals/{id}', { params: { id }, body, query }) as Promise<unknown> as Promise<T>,
  };

  /** Placement follow-ups 30, 90 and 180 days after a hire. */
  readonly followups = {
    due: () => this.call('get', '/api/followups', {}),
    record: (id: string, body: BodyOf<'/api/followups/{id}', 'post'>) => this.call('post', '/api/followups/{id}', { params: { id }, body }),
  };
}
