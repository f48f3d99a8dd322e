import { describe, expect, it } from '@jest/globals';
import { LOCALES, ROLES, type Role } from './domain.js';
import { notificationTime, renderNotification } from './notification-texts.js';
import { NOTIFICATION_KINDS, type NotificationPayloads } from './notifications.js';

const CLASS = '0b9a3c1e-8f1e-4d35-9b7e-2f6d8a1c0e11';
const SESSION = '1c9a3c1e-8f1e-4d35-9b7e-2f6d8a1c0e22';
const REFERRAL = '2d9a3c1e-8f1e-4d35-9b7e-2f6d8a1c0e33';
const ENROLLMENT = '3e9a3c1e-8f1e-4d35-9b7e-2f6d8a1c0e44';

/** One realistic payload of every kind, as producers write them. */
const PAYLOADS: { [K in keyof NotificationPayloads]: NotificationPayloads[K] } = {
  'enrollment.promoted': { classId: CLASS, course: '家政服务' },
  'session.reminder': {
    classId: CLASS,
    sessionId: SESSION,
    course: '家政服务',
    startsAt: '2026-12-08T01:00:00Z',
    endsAt: '2026-12-08T03:00:00Z',
    location: '社区活动室',
    when: 'tomorrow',
  },
  'session.changed': {
    classId: CLASS,
    sessionId: SESSION,
    course: '家政服务',
    change: 'moved',
    startsAt: '2026-12-09T06:00:00Z',
    endsAt: '2026-12-09T08:00:00Z',
    location: '二楼教室',
    previous: { startsAt: '2026-12-08T01:00:00Z', endsAt: '2026-12-08T03:00:00Z', location: '社区活动室' },
  },
  'certificate.issued': { code: 'HX7K-2M9P', course: '家政服务' },
  'certificate.expiring': { code: 'HX7K-2M9P', course: '家政服务', expiresAt: '2027-01-05T04:00:00Z' },
  'certificate.revoked': { code: 'HX7K-2M9P', reason: 'issued_in_error' },
  'referral.created': { job: '住家保洁员', referralId: REFERRAL },
  'referral.status': { job: '住家保洁员', status: 'interviewing', referralId: REFERRAL },
  'followup.due': { referralId: REFERRAL, job: '住家保洁员', dueOn: '2027-01-05' },
};

describe('notification texts', () => {
  it.each(NOTIFICATION_KINDS.flatMap((kind) => ROLES.map((role) => [kind, role] as const)))('%s reads in Chinese and English for a %s', (kind, role: Role) => {
    const zh = renderNotification(kind, PAYLOADS[kind], 'zh-CN', { role, enrollmentId: ENROLLMENT });
    const en = renderNotification(kind, PAYLOADS[kind], 'en', { role, enrollmentId: ENROLLMENT });
    for (const text of [zh.title, zh.body]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    for (const text of [en.title, en.body]) {
      // Titles as stored (the course, the job, the place) stay Chinese; every word around them is English.
      expect(text.replace(/家政服务|住家保洁员|社区活动室|二楼教室/g, '')).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
      expect(text.length).toBeGreaterThan(5);
    }
    for (const r of [zh, en]) {
      expect(r.title.length).toBeLessThanOrEqual(40);
      expect(r.body.length).toBeLessThanOrEqual(140);
      expect(`${r.title} ${r.body}`).not.toMatch(/undefined|null|NaN|Invalid Date|\{\w+\}/);
      expect(r.link).toMatch(/^\/[\w/.%-]*$/);
    }
    expect(zh.link).toBe(en.link);
  });

  it('shows times in China time, for people', () => {
    expect(notificationTime('2026-12-08T01:00:00Z', '2026-12-08T03:00:00Z', 'zh-CN')).toBe('12月8日周二 09:00–11:00');
    expect(notificationTime('2026-12-08T01:00:00Z', '2026-12-08T03:00:00Z', 'en')).toBe('Tue, Dec 8 09:00–11:00');
    const moved = renderNotification('session.changed', PAYLOADS['session.changed'], 'zh-CN', { role: 'learner' });
    expect(moved.body).toContain('12月8日周二 09:00–11:00');
    expect(moved.body).toContain('12月9日周三 14:00–16:00');
    expect(renderNotification('certificate.expiring', PAYLOADS['certificate.expiring'], 'zh-CN', { role: 'learner' }).body).toContain('2027年1月5日');
    expect(renderNotification('followup.due', PAYLOADS['followup.due'], 'en', { role: 'coordinator' }).body).toContain('Jan 5, 2027');
  });

  it('links each to the page it concerns, for whoever reads it', () => {
    const link = (kind: keyof NotificationPayloads, role: Role, enrollmentId?: string) =>
      renderNotification(kind, PAYLOADS[kind], 'zh-CN', { role, enrollmentId }).link;
    expect(link('enrollment.promoted', 'learner', ENROLLMENT)).toBe(`/learn/${ENROLLMENT}`);
    expect(link('enrollment.promoted', 'learner')).toBe('/my/classes');
    expect(link('session.changed', 'instructor')).toBe(`/teach/sessions/${SESSION}`);
    expect(link('session.changed', 'coordinator')).toBe(`/manage/classes/${CLASS}`);
    expect(link('session.reminder', 'instructor')).toBe(`/teach/sessions/${SESSION}`);
    expect(link('certificate.issued', 'learner')).toBe('/my/certificates/HX7K-2M9P');
    expect(link('referral.created', 'learner')).toBe('/my/referrals');
    expect(link('referral.status', 'employer')).toBe(`/employer/referrals/${REFERRAL}`);
    expect(link('referral.status', 'coordinator')).toBe('/manage/jobs');
    expect(link('followup.due', 'employer')).toBe('/employer/followups');
    expect(link('followup.due', 'coordinator')).toBe('/manage/followups');
    expect(renderNotification('referral.status', { job: '保洁', status: 'hired' }, 'zh-CN', { role: 'employer' }).link).toBe('/employer');
  });

  it('tells staff about a learner without naming her', () => {
    const r = renderNotification('referral.status', { job: '保洁', status: 'hired', role: 'coordinator' }, 'zh-CN', { role: 'coordinator' });
    expect(r.body).toBe('一位学员在“保洁”岗位的推荐，现在是“已录用”。');
  });

  it('tells the new instructor and the old one apart', () => {
    const me = '4f9a3c1e-8f1e-4d35-9b7e-2f6d8a1c0e55';
    const payload = { classId: CLASS, change: 'instructor', instructorId: me };
    expect(renderNotification('session.changed', payload, 'zh-CN', { role: 'instructor', userId: me }).title).toBe('您有新的班级要上课');
    expect(renderNotification('session.changed', payload, 'zh-CN', { role: 'instructor', userId: CLASS }).title).toBe('班级换了授课老师');
  });

  it('still reads for an unknown kind or a damaged payload', () => {
    for (const locale of LOCALES) {
      expect(renderNotification('something.new', null, locale, { role: 'learner' }).link).toBe('/app');
      const damaged = renderNotification('session.changed', { change: 'cancelled' }, locale, { role: 'learner' });
      expect(`${damaged.title}${damaged.body}`).not.toMatch(/undefined|null|Invalid/);
    }
  });
});
