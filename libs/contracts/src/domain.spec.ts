import { describe, expect, it } from '@jest/globals';
import { canMoveReferral, canNestOrg, ORG_KINDS, PHONE_PATTERN, REFERRAL_STATUSES } from './domain.js';
import { buildQuery } from './api-client.js';

describe('org nesting', () => {
  it.each([
    ['national', 'province', true],
    ['province', 'station', true],
    ['club', 'station', true],
    ['club', 'club', false],
    ['station', 'club', false],
    ['county', 'national', false],
  ] as const)('%s may hold %s: %s', (parent, child, allowed) => {
    expect(canNestOrg(parent, child)).toBe(allowed);
  });

  it('no kind may hold itself', () => {
    for (const kind of ORG_KINDS) expect(canNestOrg(kind, kind)).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    ['13800138000', true],
    ['19912345678', true],
    ['12800138000', false],
    ['1380013800', false],
    ['138001380001', false],
    ['+8613800138000', false],
  ])('%s → %s', (phone, ok) => {
    expect(PHONE_PATTERN.test(phone)).toBe(ok);
  });
});

describe('referral pipeline', () => {
  it('ends are final and withdrawal is possible from every open state', () => {
    for (const from of REFERRAL_STATUSES) {
      const open = !['hired', 'not_hired', 'withdrawn'].includes(from);
      expect(canMoveReferral(from, 'withdrawn')).toBe(open);
    }
    expect(canMoveReferral('referred', 'hired')).toBe(false);
    expect(canMoveReferral('interviewing', 'hired')).toBe(true);
  });
});

describe('buildQuery', () => {
  it('skips empty values and encodes the rest', () => {
    expect(buildQuery({ q: '李 秀', limit: 10, orgId: undefined, role: '' })).toBe('?q=%E6%9D%8E+%E7%A7%80&limit=10');
    expect(buildQuery({})).toBe('');
  });
});
