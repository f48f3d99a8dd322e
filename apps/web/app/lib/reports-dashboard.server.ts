import type { Locale, ReportSummaryDto } from '@hearth/contracts';
import type { MessageKey, Translate } from '../i18n';
import { chinaDay } from './dates';
import { barChart, trendChart, type BarRow } from './reports-charts.server';
import { SERIES } from './reports-colours';
import { formatCount, formatInstant, formatMonth, formatRate, monthsBetween } from './reports-format';
import { dashboardQuery, PRESETS, presetOf, presetPeriod, type Period, type Preset } from './reports-period';

/** The dashboard's loader data: everything already formatted, charts already drawn. */

export interface Tile {
  label: MessageKey;
  value: string | null;
  /** A line under the number, already translated. */
  hint?: string;
}

export interface Chart {
  svg: string;
  /** The same numbers as a table, for the <details> under the chart. */
  rows: { name: string; values: string[] }[];
}

interface Crumb {
  name: string;
  href: string;
  current: boolean;
}

/** The path from the caller's own org down to the one shown (the API's trail inside her subtree). */
function crumbs(path: { id: string; name: string }[], summary: ReportSummaryDto, ownOrgId: string | null, period: Period): Crumb[] {
  const chain = path.length > 0 ? path : [summary.org];
  return chain.map((org) => ({
    name: org.name,
    href: `/dashboard${dashboardQuery(org.id === ownOrgId ? null : org.id, period)}`,
    current: org.id === summary.org.id,
  }));
}

function periodText(period: Period, preset: Preset | null, t: Translate, locale: Locale): string {
  if (preset) return t(`dashboard.period.${preset}`);
  const day = (value: string) =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`));
  if (period.from && period.to) return t('dashboard.period.range', { from: day(period.from), to: day(period.to) });
  if (period.from) return t('dashboard.period.since', { from: day(period.from) });
  if (period.to) return t('dashboard.period.until', { to: day(period.to) });
  return t('dashboard.period.all');
}

/** The months the trend covers: the chosen period (never past this month), or the months with data. */
function trendMonths(summary: ReportSummaryDto, period: Period): string[] {
  const thisMonth = chinaDay(new Date().toISOString()).slice(0, 7);
  const withData = summary.trend.map((p) => p.month).sort();
  const first = period.from?.slice(0, 7) ?? withData[0];
  // A period reaching into the future (this year) ends at this month: nothing happened after it yet.
  const last = period.to && period.to.slice(0, 7) < thisMonth ? period.to.slice(0, 7) : thisMonth;
  if (!first || first > last) return withData;
  // A long "all time" stays readable: the last ten years at most.
  const months = monthsBetween(first, last, 1000);
  return months.slice(-120);
}

export function dashboardView(input: {
  summary: ReportSummaryDto;
  /** From her own org down to the one shown. */
  path: { id: string; name: string }[];
  ownOrgId: string | null;
  orgParam: string | null;
  period: Period;
  t: Translate;
  locale: Locale;
}) {
  const { summary, path, ownOrgId, orgParam, period, t, locale } = input;
  const count = (n: number) => formatCount(n, locale);
  const rate = (r: number | null) => formatRate(r, locale);
  const preset = presetOf(period);

  const people: Tile[] = [
    { label: 'dashboard.tile.learners', value: count(summary.learners) },
    { label: 'dashboard.tile.volunteerMothers', value: count(summary.volunteerMothers) },
    {
      label: 'dashboard.tile.ready',
      value: count(summary.readyVolunteerMothers),
      hint:
        summary.volunteerMothers > 0
          ? t('dashboard.tile.readyShare', { pct: rate(summary.readyVolunteerMothers / summary.volunteerMothers)! })
          : t('dashboard.tile.readyHint'),
    },
  ];
  const activity: Tile[] = [
    { label: 'dashboard.tile.enrollments', value: count(summary.enrollments) },
    { label: 'dashboard.tile.attendanceRate', value: rate(summary.attendanceRate), hint: t('dashboard.tile.attendanceHint') },
    { label: 'dashboard.tile.certificates', value: count(summary.certificatesIssued) },
    { label: 'dashboard.tile.referrals', value: count(summary.referrals) },
    { label: 'dashboard.tile.hires', value: count(summary.hires) },
    { label: 'dashboard.tile.placementRate', value: rate(summary.placementRate), hint: t('dashboard.tile.placementHint') },
  ];

  // Trend: every month of the period, a quiet month as zero.
  const byMonth = new Map(summary.trend.map((p) => [p.month, p]));
  const months = trendMonths(summary, period);
  const multiYear = new Set(months.map((m) => m.slice(0, 4))).size > 1;
  const points = months.map((month) => ({
    month,
    tick: formatMonth(month, locale, multiYear ? 'numeric' : 'short'),
    enrollments: byMonth.get(month)?.enrollments ?? 0,
    certificates: byMonth.get(month)?.certificates ?? 0,
  }));
  const hasTrend = points.some((p) => p.enrollments > 0 || p.certificates > 0);
  const trendRows = points.map((p) => ({ name: formatMonth(p.month, locale), values: [count(p.enrollments), count(p.certificates)] }));
  const trend: Chart | null = hasTrend
    ? {
        svg: trendChart(
          points,
          `${t('dashboard.chart.trend.title')}. ${trendRows
            .map((row, i) => t('dashboard.chart.trend.point', { month: row.name, enrollments: points[i].enrollments, certificates: points[i].certificates }))
            .join('; ')}`,
          count,
        ),
        rows: trendRows,
      }
    : null;

  // Attendance by child org; at the bottom of the tree (no children), by course instead.
  const byChild = summary.breakdown.length > 0;
  const attendanceSource = byChild
    ? summary.breakdown.map((b) => ({ name: b.name, rate: b.attendanceRate }))
    : summary.byCourse.map((c) => ({ name: c.title, rate: c.attendanceRate }));
  const attendanceBars: BarRow[] = attendanceSource.map((s) => ({
    name: s.name,
    value: s.rate,
    text: rate(s.rate) ?? t('dashboard.chart.attendance.none'),
  }));
  const attendanceTitle: MessageKey = byChild ? 'dashboard.chart.attendance.title' : 'dashboard.chart.attendance.byCourse';
  const attendance: (Chart & { title: MessageKey }) | null =
    attendanceBars.length > 0
      ? {
          title: attendanceTitle,
          svg: barChart(
            attendanceBars,
            `${t(attendanceTitle)}. ${attendanceBars.map((b) => t('dashboard.chart.attendance.point', { name: b.name, rate: b.text })).join('; ')}`,
            SERIES.attendance,
          ),
          rows: attendanceBars.map((b) => ({ name: b.name, values: [b.text] })),
        }
      : null;

  // The referral funnel: how many reached each step (now or later), then the ones who left.
  const f = summary.funnel;
  const total = f.referred + f.contacted + f.interviewing + f.hired + f.notHired + f.withdrawn;
  const stages: { key: MessageKey; n: number; side?: boolean }[] = [
    { key: 'dashboard.funnel.referred', n: total },
    { key: 'dashboard.funnel.contacted', n: f.contacted + f.interviewing + f.hired },
    { key: 'dashboard.funnel.interviewing', n: f.interviewing + f.hired },
    { key: 'dashboard.funnel.hired', n: f.hired },
    { key: 'dashboard.funnel.notHired', n: f.notHired, side: true },
    { key: 'dashboard.funnel.withdrawn', n: f.withdrawn, side: true },
  ];
  const funnelBars: BarRow[] = stages.map((s, i) => ({
    name: t(s.key),
    value: total > 0 ? s.n / total : 0,
    text: t('dashboard.chart.funnel.value', { n: count(s.n), pct: rate(total > 0 ? s.n / total : 0)! }),
    side: s.side,
    gapBefore: i === 4,
  }));
  const funnel: Chart | null =
    total > 0
      ? {
          svg: barChart(
            funnelBars,
            `${t('dashboard.chart.funnel.title')}. ${stages.map((s) => t('dashboard.chart.funnel.point', { stage: t(s.key), n: s.n })).join('; ')}`,
            SERIES.funnel,
          ),
          rows: funnelBars.map((b) => ({ name: b.name, values: [b.text] })),
        }
      : null;

  const byCourse = summary.byCourse.map((c) => ({
    id: c.courseId,
    code: c.code,
    title: c.title,
    category: c.category,
    enrollments: count(c.enrollments),
    certificates: count(c.certificatesIssued),
    attendanceRate: rate(c.attendanceRate),
  }));

  const breakdown = summary.breakdown.map((b) => ({
    id: b.orgId,
    name: b.name,
    kind: b.kind,
    href: `/dashboard${dashboardQuery(b.orgId, period)}`,
    learners: count(b.learners),
    volunteerMothers: count(b.volunteerMothers),
    enrollments: count(b.enrollments),
    attendanceRate: rate(b.attendanceRate),
    certificates: count(b.certificatesIssued),
    hires: count(b.hires),
  }));

  const shownOrgParam = orgParam && orgParam !== ownOrgId ? orgParam : null;
  return {
    org: { id: summary.org.id, name: summary.org.name, kind: summary.org.kind },
    path: crumbs(path, summary, ownOrgId, period),
    period: { from: period.from ?? '', to: period.to ?? '', preset, text: periodText(period, preset, t, locale), custom: preset === null },
    orgParam: shownOrgParam,
    presets: PRESETS.map((p) => ({ preset: p, href: `/dashboard${dashboardQuery(shownOrgParam, presetPeriod(p))}` })),
    updated: formatInstant(summary.refreshedAt, locale),
    pending: summary.pendingUpdates,
    people,
    activity,
    trend,
    attendance,
    funnel,
    byCourse,
    breakdown,
    csvHref: `/dashboard/summary.csv${dashboardQuery(shownOrgParam, period)}`,
    selfHref: `/dashboard${dashboardQuery(shownOrgParam, period)}`,
  };
}
