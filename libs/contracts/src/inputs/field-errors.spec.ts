import { describe, expect, it } from '@jest/globals';
import { checkInput, CreateClassDto, CreateUserDto } from './index.js';

describe('checkInput: the API rules run on plain values (as the web forms do)', () => {
  const session = { startsAt: '2030-03-08T09:00:00+08:00', endsAt: '2030-03-08T11:00:00+08:00' };
  const klass = {
    courseId: '6f1c1c57-7d8e-4c55-9a4b-0c5f3c9a1b21',
    orgId: '6f1c1c57-7d8e-4c55-9a4b-0c5f3c9a1b22',
    instructorId: '6f1c1c57-7d8e-4c55-9a4b-0c5f3c9a1b23',
    startsOn: '2030-03-01',
    endsOn: '2030-03-31',
    capacity: 30,
    sessions: [session],
  };

  it('passes a good body and gives it back as the input class', () => {
    const { value, problems } = checkInput(CreateClassDto, klass);
    expect(problems).toEqual([]);
    expect(value).toBeInstanceOf(CreateClassDto);
    expect(value.capacity).toBe(30);
  });

  it('names each problem by its field path, rows included', () => {
    const { problems } = checkInput(CreateClassDto, {
      ...klass,
      capacity: 'lots',
      startsOn: '2030-02-30',
      sessions: [session, { ...session, endsAt: 'later' }],
      colour: 'red',
    });
    expect(problems.map((p) => [p.field, p.rule])).toEqual(
      expect.arrayContaining([
        ['capacity', 'isInt'],
        ['startsOn', 'isCalendarDate'],
        ['sessions.1.endsAt', 'isIso8601'],
        ['colour', 'unknownField'],
      ]),
    );
    expect(problems.find((p) => p.field === 'sessions.1.endsAt')?.message).toMatch(/^sessions\[1\]\.endsAt must be a date and time/);
  });

  it('trims what the rules trim and leaves optional fields out', () => {
    const { value, problems } = checkInput(CreateUserDto, { phone: ' 13800138000 ', name: ' 王丽 ', role: 'learner', orgId: klass.orgId });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ phone: '13800138000', name: '王丽' });
    expect(
      checkInput(CreateUserDto, { phone: '12345', name: '', role: 'boss', orgId: 'x' })
        .problems.map((p) => p.field)
        .sort(),
    ).toEqual(['name', 'orgId', 'phone', 'role']);
  });
});
