/**
 * What a notification says, in the recipient's language, rendered from its kind and payload when she
 * reads it (the inbox) or when it is sent (SMS). Short and plain; times in China time; nothing about
 * anyone but her (a coordinator learns "a learner", never a name). The link is the page it concerns.
 */
import { CHINA_TIME_ZONE, type Locale, type Role } from './domain.js';
import type { NotificationKind } from './notifications.js';

/** Who reads it, for the link and the wording (staff and learners see different pages). */
export interface NotificationReader {
  userId?: string;
  role: Role;
  /** Her enrollment in the payload's class, when she has one: her class page. */
  enrollmentId?: string | null;
}

export interface RenderedNotification {
  title: string;
  body: string;
  link?: string;
}

type Payload = Record<string, unknown>;
type Words = { 'zh-CN': string; en: string };

const str = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const isId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);

function toDate(value: unknown): Date | null {
  const text = str(value);
  if (!text) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T12:00:00+08:00`) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: CHINA_TIME_ZONE })));
  return f;
}

/** "2027年1月5日" / "Jan 5, 2027" (a day in China). */
export function notificationDay(value: unknown, locale: Locale): string {
  const date = toDate(value);
  return date ? fmt(locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' }).format(date) : '';
}

/** "12月8日周一 09:00–11:00" / "Mon, Dec 8, 09:00–11:00" in China time. */
export function notificationTime(startsAt: unknown, endsAt: unknown, locale: Locale): string {
  const start = toDate(startsAt);
  if (!start) return '';
  const day = fmt(locale, { month: locale === 'en' ? 'short' : 'long', day: 'numeric', weekday: 'short' }).format(start);
  const clock = fmt(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const end = toDate(endsAt);
  return `${day} ${clock.format(start)}${end ? `–${clock.format(end)}` : ''}`;
}

const REFERRAL_STATUS_WORDS: Record<string, Words> = {
  referred: { 'zh-CN': '已推荐', en: 'referred' },
  contacted: { 'zh-CN': '已联系', en: 'contacted' },
  interviewing: { 'zh-CN': '面试中', en: 'interviewing' },
  hired: { 'zh-CN': '已录用', en: 'hired' },
  not_hired: { 'zh-CN': '未录用', en: 'not hired' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
};

const REVOCATION_WORDS: Record<string, Words> = {
  issued_in_error: { 'zh-CN': '发放有误', en: 'issued in error' },
  misconduct: { 'zh-CN': '违反规定', en: 'misconduct' },
  fraud: { 'zh-CN': '材料不实', en: 'false information' },
  superseded: { 'zh-CN': '已换发新证书', en: 'replaced by a new certificate' },
  other: { 'zh-CN': '其他原因', en: 'another reason' },
};

const word = (table: Record<string, Words>, key: unknown, locale: Locale) => table[str(key)]?.[locale] ?? str(key);

const isStaff = (role: Role) => role === 'coordinator' || role === 'admin';

/** Her class page when she is enrolled in it, else her classes; staff get their own class pages. */
function classLink(p: Payload, reader: NotificationReader): string {
  if (reader.role === 'learner') return isId(reader.enrollmentId) ? `/learn/${reader.enrollmentId}` : '/my/classes';
  if (reader.role === 'instructor') return isId(p.sessionId) ? `/teach/sessions/${p.sessionId}` : '/teach';
  if (isStaff(reader.role)) return isId(p.classId) ? `/manage/classes/${p.classId}` : '/manage/classes';
  return '/app';
}

function referralLink(p: Payload, reader: NotificationReader): string {
  if (reader.role === 'employer') return isId(p.referralId) ? `/employer/referrals/${p.referralId}` : '/employer';
  if (isStaff(reader.role)) return '/manage/jobs';
  return '/my/referrals';
}

const certificateLink = (p: Payload) => (str(p.code) ? `/my/certificates/${encodeURIComponent(str(p.code))}` : '/my/certificates');

type Renderer = (p: Payload, locale: Locale, reader: NotificationReader) => RenderedNotification;
const zh = (locale: Locale) => locale !== 'en';

/** One renderer per kind: `satisfies` stops compiling when a kind has none. */
export const NOTIFICATION_RENDERERS = {
  'enrollment.promoted': (p, l, r) => ({
    title: zh(l) ? `您有名额了：${str(p.course)}` : `You have a place: ${str(p.course)}`,
    body: zh(l) ? '候补转为正式报名了，请按时来上课。' : 'You moved off the waitlist and are now enrolled. See you in class.',
    link: classLink(p, r),
  }),
  'session.reminder': (p, l, r) => {
    const time = notificationTime(p.startsAt, p.endsAt, l);
    const place = str(p.location);
    const today = p.when === 'today';
    const teaching = p.role === 'instructor' || r.role === 'instructor';
    const title = zh(l)
      ? `${today ? '今天' : '明天'}${teaching ? '您有课' : '上课'}：${str(p.course)}`
      : `${teaching ? 'You teach' : 'Class'} ${today ? 'today' : 'tomorrow'}: ${str(p.course)}`;
    const body = zh(l)
      ? `${time}${place ? `，地点：${place}` : ''}。${teaching ? '点名表已准备好。' : '记得带上手机签到。'}`
      : `${time}${place ? ` at ${place}` : ''}. ${teaching ? 'The roster is ready.' : 'Bring your phone to check in.'}`;
    return { title, body, link: classLink(p, r) };
  },
  'session.changed': (p, l, r) => {
    const course = str(p.course);
    const time = notificationTime(p.startsAt, p.endsAt, l);
    const place = str(p.location);
    const link = classLink(p, r);
    switch (p.change) {
      case 'moved': {
        const prev = (p.previous ?? {}) as Payload;
        const before = notificationTime(prev.startsAt, prev.endsAt, l);
        return zh(l)
          ? {
              title: `上课时间有变：${course}`,
              body: `原定 ${before}${prev.location ? `（${str(prev.location)}）` : ''}，改为 ${time}${place ? `，地点：${place}` : ''}。`,
              link,
            }
          : {
              title: `Class moved: ${course}`,
              body: `It was ${before}${prev.location ? ` at ${str(prev.location)}` : ''}; now ${time}${place ? ` at ${place}` : ''}.`,
              link,
            };
      }
      case 'cancelled':
        return zh(l)
          ? { title: `这节课取消了：${course}`, body: `${time}${place ? `（${place}）` : ''}的课不上了。其他课照常。`, link }
          : {
              title: `Class cancelled: ${course}`,
              body: `The class on ${time}${place ? ` at ${place}` : ''} will not take place. Other classes go ahead.`,
              link,
            };
      case 'added':
        return zh(l)
          ? { title: `新加了一节课：${course}`, body: `${time}${place ? `，地点：${place}` : ''}。`, link }
          : { title: `New class added: ${course}`, body: `${time}${place ? ` at ${place}` : ''}.`, link };
      case 'instructor': {
        const mine = !!r.userId && p.instructorId === r.userId;
        const what = course || (zh(l) ? '一个班' : 'a class');
        return zh(l)
          ? { title: mine ? '您有新的班级要上课' : '班级换了授课老师', body: mine ? `您现在是“${what}”的授课老师。` : `“${what}”换了授课老师。`, link }
          : {
              title: mine ? 'You have a new class to teach' : 'A class has a new instructor',
              body: mine ? `You now teach “${what}”.` : `“${what}” has a new instructor.`,
              link,
            };
      }
      default:
        return zh(l)
          ? { title: `课程安排有变${course ? `：${course}` : ''}`, body: '请打开查看最新安排。', link }
          : { title: `Class schedule changed${course ? `: ${course}` : ''}`, body: 'Open it to see the latest schedule.', link };
    }
  },
  'certificate.issued': (p, l) => ({
    title: zh(l) ? '恭喜！您的证书发下来了' : 'Well done! Your certificate is ready',
    body: zh(l)
      ? `“${str(p.course)}”证书，编号 ${str(p.code)}。可以下载，也可以出示二维码。`
      : `“${str(p.course)}”, code ${str(p.code)}. Download it or show its QR code.`,
    link: certificateLink(p),
  }),
  'certificate.expiring': (p, l) => ({
    title: zh(l) ? `证书快到期了：${str(p.course)}` : `Certificate expiring soon: ${str(p.course)}`,
    body: zh(l)
      ? `您的证书将于 ${notificationDay(p.expiresAt, l)} 到期。可以问问您的俱乐部什么时候复训。`
      : `Your certificate expires on ${notificationDay(p.expiresAt, l)}. Ask your club about a refresher class.`,
    link: certificateLink(p),
  }),
  'certificate.revoked': (p, l) => ({
    title: zh(l) ? '一张证书被撤销了' : 'A certificate was revoked',
    body: zh(l)
      ? `证书 ${str(p.code)} 已撤销，原因：${word(REVOCATION_WORDS, p.reason, l)}。有疑问请联系您的俱乐部。`
      : `Certificate ${str(p.code)} was revoked: ${word(REVOCATION_WORDS, p.reason, l)}. Ask your club if you have questions.`,
    link: certificateLink(p),
  }),
  'referral.created': (p, l, r) =>
    r.role === 'learner'
      ? {
          title: zh(l) ? '您被推荐到一个工作岗位' : 'You were referred for a job',
          body: zh(l)
            ? `俱乐部把您推荐给了“${str(p.job)}”岗位，用人单位会联系您。`
            : `Your club referred you for “${str(p.job)}”. The employer will contact you.`,
          link: referralLink(p, r),
        }
      : {
          title: zh(l) ? '有新的推荐' : 'A new referral',
          body: zh(l) ? `“${str(p.job)}”岗位有一位新推荐的候选人。` : `A new candidate was referred for “${str(p.job)}”.`,
          link: referralLink(p, r),
        },
  'referral.status': (p, l, r) => {
    const status = word(REFERRAL_STATUS_WORDS, p.status, l);
    const hers = r.role === 'learner';
    return {
      title: zh(l) ? `推荐进展：${status}` : `Referral update: ${status}`,
      body: hers
        ? zh(l)
          ? `您在“${str(p.job)}”岗位的推荐，现在是“${status}”。`
          : `Your referral for “${str(p.job)}” is now “${status}”.`
        : zh(l)
          ? `一位学员在“${str(p.job)}”岗位的推荐，现在是“${status}”。`
          : `A learner's referral for “${str(p.job)}” is now “${status}”.`,
      link: referralLink(p, r),
    };
  },
  'followup.due': (p, l, r) => ({
    title: zh(l) ? '该做入职回访了' : 'A placement follow-up is due',
    body: zh(l)
      ? `“${str(p.job)}”岗位有一次回访，${notificationDay(p.dueOn, l)} 到期。`
      : `A follow-up for a placement in “${str(p.job)}” is due on ${notificationDay(p.dueOn, l)}.`,
    link: r.role === 'employer' ? '/employer/followups' : '/manage/followups',
  }),
} satisfies Record<NotificationKind, Renderer>;

/** Title, body and link of one notification for its reader; an unknown kind still reads as something. */
export function renderNotification(kind: string, payload: unknown, locale: Locale, reader: NotificationReader): RenderedNotification {
  const p = payload && typeof payload === 'object' ? (payload as Payload) : {};
  const render = (NOTIFICATION_RENDERERS as Record<string, Renderer>)[kind];
  if (render) return render(p, locale, reader);
  return zh(locale)
    ? { title: '新消息', body: '请打开“我的学堂”查看。', link: '/app' }
    : { title: 'New message', body: 'Open My Hearth to see it.', link: '/app' };
}
