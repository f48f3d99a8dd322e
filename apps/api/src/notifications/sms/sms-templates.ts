import type { NotificationKind, NotificationPayloads } from '@hearth/contracts';

/**
 * What each kind's SMS template says and which parameters fill it. Parameters come only from the
 * recipient's own notification payload and carry nothing about another person: a course or job
 * title, a time in China time, a place, her own certificate code, a status in words. Never a name,
 * a phone number, a revocation reason (free text staff wrote) or another learner's anything.
 *
 * Order matters: Tencent fills {1}, {2}, … in this order; Alibaba Cloud fills ${name} by name.
 */
export interface SmsTemplateSpec<K extends NotificationKind> {
  /** The zh-CN text to submit to the provider for approval, Alibaba Cloud style (${name}). */
  text: string;
  params: (payload: NotificationPayloads[K]) => [name: string, value: string][];
}

/** Providers cap a variable's length (Tencent: 12 characters for personal accounts, more for businesses; Alibaba Cloud: 35). */
export const MAX_PARAM_LENGTH = 20;

const clip = (value: unknown) => {
  const text = String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length > MAX_PARAM_LENGTH ? `${chars.slice(0, MAX_PARAM_LENGTH - 1).join('')}…` : text;
};

const CHINA_OFFSET_MS = 8 * 3600_000;

/** "12月6日 09:00" in China time (UTC+8 all year). */
export function chinaDateTime(iso: unknown): string {
  const d = new Date(String(iso));
  if (Number.isNaN(d.getTime())) return '';
  const c = new Date(d.getTime() + CHINA_OFFSET_MS);
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${String(c.getUTCHours()).padStart(2, '0')}:${String(c.getUTCMinutes()).padStart(2, '0')}`;
}

/** "2027年1月5日" in China time; a bare YYYY-MM-DD is taken as that calendar day. */
export function chinaDate(value: unknown): string {
  const raw = String(value ?? '');
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (plain) return `${Number(plain[1])}年${Number(plain[2])}月${Number(plain[3])}日`;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) return '';
  const c = new Date(d.getTime() + CHINA_OFFSET_MS);
  return `${c.getUTCFullYear()}年${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
}

const CHANGE_WORDS: Record<string, string> = { moved: '改期', cancelled: '取消', added: '加课', instructor: '更换老师' };
const REFERRAL_STATUS_WORDS: Record<string, string> = {
  referred: '已推荐',
  contacted: '已联系',
  interviewing: '安排面试',
  hired: '已录用',
  not_hired: '未录用',
  withdrawn: '已撤回',
};

export const SMS_TEMPLATES: { [K in NotificationKind]: SmsTemplateSpec<K> } = {
  'enrollment.promoted': {
    text: '您已从候补转为正式学员：${course}。请登录巾帼学堂查看上课安排。',
    params: (p) => [['course', clip(p.course)]],
  },
  'session.reminder': {
    text: '上课提醒：${course}，${time}，地点：${place}。请准时参加。',
    params: (p) => [
      ['course', clip(p.course)],
      ['time', chinaDateTime(p.startsAt)],
      ['place', clip(p.location) || '见课堂页面'],
    ],
  },
  'session.changed': {
    text: '课程变动：${course}${change}，时间${time}。详情请登录巾帼学堂查看。',
    params: (p) => [
      ['course', clip(p.course) || '您的课程'],
      ['change', CHANGE_WORDS[p.change] ?? '调整'],
      ['time', chinaDateTime(p.change === 'cancelled' ? (p.previous?.startsAt ?? p.startsAt) : (p.startsAt ?? p.previous?.startsAt)) || '见课堂页面'],
    ],
  },
  'certificate.issued': {
    text: '恭喜！您已获得${course}结业证书，证书编号${code}。可在巾帼学堂“我的证书”查看。',
    params: (p) => [
      ['course', clip(p.course)],
      ['code', clip(p.code)],
    ],
  },
  'certificate.expiring': {
    text: '您的${course}证书（编号${code}）将于${date}到期，请及时参加复训。',
    params: (p) => [
      ['course', clip(p.course)],
      ['code', clip(p.code)],
      ['date', chinaDate(p.expiresAt)],
    ],
  },
  'certificate.revoked': {
    text: '您的证书（编号${code}）已被撤销，详情请登录巾帼学堂查看或联系所在俱乐部。',
    params: (p) => [['code', clip(p.code)]],
  },
  'referral.created': {
    text: '您已被推荐应聘${job}岗位，用人单位会与您联系。详情请登录巾帼学堂查看。',
    params: (p) => [['job', clip(p.job)]],
  },
  'referral.status': {
    text: '您的${job}岗位推荐进展：${status}。详情请登录巾帼学堂查看。',
    params: (p) => [
      ['job', clip(p.job)],
      ['status', REFERRAL_STATUS_WORDS[p.status] ?? '有更新'],
    ],
  },
  'followup.due': {
    text: '就业回访提醒：${job}岗位的回访应于${date}完成，请登录巾帼学堂记录。',
    params: (p) => [
      ['job', clip(p.job)],
      ['date', chinaDate(p.dueOn)],
    ],
  },
};

/** The template parameters of a notification, in template order. */
export function templateParams(kind: NotificationKind, payload: Record<string, unknown>): [string, string][] {
  return (SMS_TEMPLATES[kind] as SmsTemplateSpec<NotificationKind>).params(payload as never);
}

/** A mainland mobile as E.164 (+8613…), as both providers want it; null when it is not one. */
export function toE164(phone: string | null | undefined): string | null {
  const digits = String(phone ?? '').replace(/[\s-]/g, '');
  const m = /^(?:\+?86|0086)?(1[3-9]\d{9})$/.exec(digits);
  return m ? `+86${m[1]}` : null;
}

/** The stored form (11 digits) of a number a provider reports, with or without its country code. */
export function toLocalMobile(phone: unknown, nationCode?: unknown): string | null {
  const nation = String(nationCode ?? '86').replace(/^\+|^00/, '');
  if (nation !== '86') return null;
  const e164 = toE164(String(phone ?? ''));
  return e164 ? e164.slice(3) : null;
}
