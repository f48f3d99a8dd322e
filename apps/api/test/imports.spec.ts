import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newPhone, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

describe('CSV import of learners', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let coordB: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'I');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
  });
  afterAll(() => t.close());

  it('imports valid rows into a class in one go, reports each bad row, and re-importing creates nothing twice', async () => {
    const instructor = await newUser(t, 'instructor', tree.stationA);
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 2 });
    const [p1, p2, p3] = [newPhone(), newPhone(), newPhone()];
    const other = await newUser(t, 'learner', tree.clubB);
    const csv = [
      '姓名,手机号,类型',
      `王芳,${p1},进城务工妇女`,
      `李娟,${p2},爱心妈妈`,
      '坏号码,12345,务工',
      `张敏,${p3},migrant_worker`,
      `重复,${p1},务工`,
      `别人,${other.phone},务工`,
      `,${newPhone()},务工`,
    ].join('\n');
    const importId = randomUUID();
    const res = await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv, classId, importId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: importId, total: 7, created: 3, existing: 0, enrolled: 2, waitlisted: 1 });
    expect(res.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [4, 'INVALID_PHONE'],
      [6, 'DUPLICATE_IN_FILE'],
      [7, 'PHONE_OTHER_ACCOUNT'],
      [8, 'INVALID_NAME'],
    ]);
    const types = await t.db.query(`SELECT phone, learner_type, org_id FROM users WHERE phone = ANY($1) ORDER BY phone`, [[p1, p2]]);
    expect(types.map((r: { learner_type: string }) => r.learner_type).sort()).toEqual(['migrant_worker', 'volunteer_mother']);
    expect(types.every((r: { org_id: string }) => r.org_id === tree.clubA)).toBe(true);

    const status = await t.http().get(`/api/imports/${importId}`).set(bearer(coordA));
    expect(status.body).toMatchObject({ status: 'done', totalRows: 7, processedRows: 7 });
    expect((await t.http().get(`/api/imports/${importId}`).set(bearer(coordB))).status).toBe(404);

    const again = await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv, classId });
    expect(again.body).toMatchObject({ created: 0, existing: 3, enrolled: 0, waitlisted: 0, alreadyEnrolled: 3 });
    const counts = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE phone = ANY($1)`, [[p1, p2, p3]]);
    expect(counts[0].n).toBe(3);
    const k = await t.db.query(`SELECT enrolled_count, waitlist_count FROM classes WHERE id = $1`, [classId]);
    expect(k[0]).toEqual({ enrolled_count: 2, waitlist_count: 1 });
  });

  it('an imported learner claims her account only with the activation code her club gives her', async () => {
    const phone = newPhone();
    await t
      .http()
      .post('/api/imports/learners')
      .set(bearer(coordA))
      .send({ csv: `name,phone,learnerType\n赵兰,${phone},volunteer_mother` });
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE phone = $1`, [phone]);
    const body = { phone, password: 'my-own-password', name: '赵兰', learnerType: 'volunteer_mother' };

    // Knowing her phone number is not enough.
    const noCode = await t.http().post('/api/auth/register').send(body);
    expect(noCode.status).toBe(409);
    expect(noCode.body.code).toBe('CLAIM_CODE_REQUIRED');
    expect((await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordB))).status).toBe(404);
    const issued = await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordA));
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ userId: id, code: expect.stringMatching(/^\d{8}$/) });
    const wrong = String((Number(issued.body.code) + 1) % 100_000_000).padStart(8, '0');
    const bad = await t
      .http()
      .post('/api/auth/register')
      .send({ ...body, claimCode: wrong });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('CLAIM_CODE_INVALID');
    expect((await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [id]))[0].password_hash).toBeNull();

    const reg = await t
      .http()
      .post('/api/auth/register')
      .send({ ...body, claimCode: issued.body.code });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ id, orgId: tree.clubA });
    expect(await t.db.query(`SELECT 1 FROM account_claims WHERE user_id = $1`, [id])).toHaveLength(0);
    expect(await t.db.query(`SELECT details FROM audit_events WHERE action = 'user.register' AND entity_id = $1`, [id])).toEqual([
      { details: { claimedWithCode: true } },
    ]);
    const again = await t
      .http()
      .post('/api/auth/register')
      .send({ ...body, password: 'someone-else-pw', name: '冒充', claimCode: issued.body.code });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PHONE_TAKEN');
    const late = await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordA));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ALREADY_CLAIMED');
    expect(await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'user.claim_code_issue' AND entity_id = $1`, [id])).toEqual([
      { actor_id: coordA.id },
    ]);
  });

  it('a new code replaces the old one; an expired code and guessing do not work', async () => {
    const phone = newPhone();
    await t
      .http()
      .post('/api/imports/learners')
      .set(bearer(coordA))
      .send({ csv: `name,phone\n钱梅,${phone}` });
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE phone = $1`, [phone]);
    const body = { phone, password: 'my-own-password', name: '钱梅', learnerType: 'migrant_worker' };
    const first = (await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordA))).body.code as string;
    const second = (await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordA))).body.code as string;
    if (first !== second)
      expect(
        (
          await t
            .http()
            .post('/api/auth/register')
            .send({ ...body, claimCode: first })
        ).body.code,
      ).toBe('CLAIM_CODE_INVALID');
    await t.db.query(`UPDATE account_claims SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [id]);
    expect(
      (
        await t
          .http()
          .post('/api/auth/register')
          .send({ ...body, claimCode: second })
      ).body.code,
    ).toBe('CLAIM_CODE_INVALID');

    const third = (await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordA))).body.code as string;
    // Five wrong codes an hour per phone, counting the ones above; then even the right code waits.
    let wrongSoFar = first !== second ? 2 : 1;
    for (let i = 1; wrongSoFar < 5; i++, wrongSoFar++) {
      const guess = String((Number(third) + i) % 100_000_000).padStart(8, '0');
      expect(
        (
          await t
            .http()
            .post('/api/auth/register')
            .send({ ...body, claimCode: guess })
        ).status,
      ).toBe(422);
    }
    const blocked = await t
      .http()
      .post('/api/auth/register')
      .send({ ...body, claimCode: third });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    const malformed = await t
      .http()
      .post('/api/auth/register')
      .send({ ...body, claimCode: '12 34' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/claimCode/);
  });

  it('refuses a file without the header, a class or org outside the subtree', async () => {
    const noHeader = await t
      .http()
      .post('/api/imports/learners')
      .set(bearer(coordA))
      .send({ csv: `王芳,${newPhone()}` });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toMatch(/name, phone/);
    const instructorB = await newUser(t, 'instructor', tree.stationB);
    const classB = await newClass(t.db, tree.stationB, instructorB.id);
    expect((await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: 'name,phone\n', classId: classB })).status).toBe(404);
    expect((await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: 'name,phone\n', orgId: tree.clubB })).status).toBe(404);
    expect((await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: '"unclosed,quote\n' })).status).toBe(400);
  });
});
