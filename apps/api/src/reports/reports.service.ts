import { Injectable } from '@nestjs/common';
import { toCsv, type Locale, type OrgKind } from '@hearth/contracts';
import { AppError } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgsRepository } from '../orgs/orgs.repository.js';
import { ReportsRepository } from './reports.repository.js';

/** The CSV's level column, in the reader's language. */
const KIND_NAMES: Record<Locale, Record<OrgKind, string>> = {
  'zh-CN': { national: '全国', province: '省', city: '市', county: '县', club: '俱乐部', station: '服务站' },
  en: { national: 'National', province: 'Province', city: 'City', county: 'County', club: 'Club', station: 'Station' },
};
const kindName = (lang: Locale, kind: string) => KIND_NAMES[lang]?.[kind as OrgKind] ?? kind;

interface Totals {
  learners: number;
  volunteerMothers: number;
  readyVolunteerMothers: number;
  enrollments: number;
  attendanceRate: number | null;
  certificatesIssued: number;
  referrals: number;
  hires: number;
  placementRate: number | null;
}

interface Row {
  learners: number;
  volunteer_mothers: number;
  ready_volunteer_mothers: number;
  enrollments: number;
  marks: number;
  attended: number;
  certificates: number;
  referrals: number;
  hires: number;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

function totals(r: Row): Totals {
  return {
    learners: r.learners,
    volunteerMothers: r.volunteer_mothers,
    readyVolunteerMothers: r.ready_volunteer_mothers,
    enrollments: r.enrollments,
    attendanceRate: ratio(r.attended, r.marks),
    certificatesIssued: r.certificates,
    referrals: r.referrals,
    hires: r.hires,
    placementRate: ratio(r.hires, r.referrals),
  };
}

/** Reads the aggregates kept by StatsRefreshService: one row per month for the org, one per child. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly orgs: OrgsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** from/to are calendar dates; the aggregates count by month, so both round to whole months. */
  private monthRange(from?: string, to?: string) {
    const lo = from ? `${from.slice(0, 7)}-01` : '1900-01-01';
    const hi = to ? `${to.slice(0, 7)}-01` : '9999-12-01';
    if (lo > hi) throw new AppError(400, 'VALIDATION_FAILED', 'from must not be after to');
    return [lo, hi];
  }

  async summary(caller: AuthUser, orgId: string | undefined, from: string | undefined, to: string | undefined, lang: Locale) {
    const org = await this.orgs.find(orgId ?? caller.orgId!);
    this.policy.assert(caller, 'report.read', org && { orgPath: org.path });
    const [lo, hi] = this.monthRange(from, to);
    const r = await this.reports.summary(org!.id, lo, hi);
    const { self, children, trend, by_course: byCourse, funnel, refreshed_at: refreshedAt, pending } = r;
    return {
      org: { id: org!.id, name: org!.name, kind: org!.kind, parentId: caller.orgId === org!.id ? null : org!.parentId },
      from: from ?? null,
      to: to ?? null,
      ...totals(self),
      funnel,
      trend: trend.map(
        (t: { month: string; enrollments: number; certificates: number; referrals: number; hires: number; marks: number; attended: number }) => ({
          month: t.month,
          enrollments: t.enrollments,
          certificates: t.certificates,
          referrals: t.referrals,
          hires: t.hires,
          attendanceRate: ratio(t.attended, t.marks),
        }),
      ),
      byCourse: byCourse.map(
        (c: {
          courseId: string;
          code: string;
          title_zh: string;
          title_en: string;
          category: string;
          enrollments: number;
          certificates: number;
          marks: number;
          attended: number;
        }) => ({
          courseId: c.courseId,
          code: c.code,
          title: pick(lang, c.title_zh, c.title_en),
          category: c.category,
          enrollments: c.enrollments,
          certificatesIssued: c.certificates,
          attendanceRate: ratio(c.attended, c.marks),
        }),
      ),
      breakdown: children.map((c: Row & { id: string; name: string; kind: string }) => ({ orgId: c.id, name: c.name, kind: c.kind, ...totals(c) })),
      refreshedAt,
      pendingUpdates: pending,
    };
  }

  /**
   * The breakdown as CSV through the shared writer (formula-safe cells, RFC 4180 quoting): UTF-8 with a
   * BOM so spreadsheet programs read the Chinese names.
   */
  async summaryCsv(caller: AuthUser, orgId: string | undefined, from: string | undefined, to: string | undefined, requestId: string, lang: Locale) {
    const s = await this.summary(caller, orgId, from, to, lang);
    const header =
      lang === 'en'
        ? [
            'Organisation',
            'Kind',
            'Learners',
            'Volunteer mothers',
            'Ready to pair',
            'Enrollments',
            'Attendance rate',
            'Certificates issued',
            'Referrals',
            'Hires',
            'Placement rate',
          ]
        : ['组织', '层级', '学员', '爱心妈妈', '可结对', '报名人次', '出勤率', '发证数', '推荐人次', '录用人数', '就业率'];
    const rows = [s, ...s.breakdown].map((r, i) => [
      i === 0 ? `${s.org.name}（${lang === 'en' ? 'total' : '合计'}）` : (r as { name: string }).name,
      kindName(lang, i === 0 ? s.org.kind : (r as { kind: string }).kind),
      r.learners,
      r.volunteerMothers,
      r.readyVolunteerMothers,
      r.enrollments,
      r.attendanceRate ?? '',
      r.certificatesIssued,
      r.referrals,
      r.hires,
      r.placementRate ?? '',
    ]);
    await this.audit.record({
      actor: caller,
      action: 'report.export',
      entityType: 'organization',
      entityId: s.org.id,
      orgId: s.org.id,
      requestId,
      details: { from: from ?? null, to: to ?? null },
    });
    return { filename: `hearth-summary-${s.org.id.slice(0, 8)}.csv`, body: toCsv([header, ...rows.slice(1)], { bom: true }) };
  }
}
