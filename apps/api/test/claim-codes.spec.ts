import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newPhone, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/** Activation codes for a whole import (or a selection) at once, for one printed sheet. */
describe('activation codes in bulk', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let coordB: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'C');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
  });
  afterAll(() => t.close());

  async function importLearners(coord: TestUser, names: string[]) {
    const phones = names.map(() => newPhone());
    const importId = randomUUID();
    const csv = ['姓名,手机号,类型', ...names.map((n, i) => `${n},${phones[i]},务工`)].join('\n');
    const res = await t.http().post('/api/imports/learners').set(bearer(coord)).send({ csv, importId });
    expect(res.status).toBe(201);
    return { importId, phones };
  }
  const register = (phone: string, claimCode: string) =>
    t.http().post('/api/auth/register').send({ phone, password: 'my-own-password', name: '本人', learnerType: 'migrant_worker', claimCode });

  it("generates a code for every unclaimed learner of an import; every code registers its learner; another club's coordinator gets 404", async () => {
    const { importId, phones } = await importLearners(coordA, ['甲一', '甲二', '甲三']);
    // One of them already set her own password: she is left out.
    const first = await t.http().post('/api/claim-codes').set(bearer(coordA)).send({ importId });
    expect(first.status).toBe(201);
    const byPhoneTail = new Map(first.body.items.map((i: { phoneMasked: string; code: string }) => [i.phoneMasked.slice(-4), i.code]));
    expect((await register(phones[0], byPhoneTail.get(phones[0].slice(-4)) as string)).status).toBe(201);

    expect((await t.http().post('/api/claim-codes').set(bearer(coordB)).send({ importId })).status).toBe(404);

    const sheet = await t.http().post('/api/claim-codes').set(bearer(coordA)).send({ importId });
    expect(sheet.status).toBe(201);
    expect(sheet.body).toMatchObject({ total: 2, skippedClaimed: 1 });
    expect(sheet.headers['cache-control']).toMatch(/no-store/);
    for (const item of sheet.body.items) {
      expect(item.code).toMatch(/^\d{8}$/);
      expect(item.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(['甲二', '甲三']).toContain(item.name);
    }
    // Re-generation replaced the first sheet's codes.
    const oldCode = byPhoneTail.get(phones[1].slice(-4)) as string;
    const newCode = sheet.body.items.find((i: { phoneMasked: string }) => i.phoneMasked.endsWith(phones[1].slice(-4))).code;
    if (oldCode !== newCode) expect((await register(phones[1], oldCode)).body.code).toBe('CLAIM_CODE_INVALID');
    for (const [i, phone] of [phones[1], phones[2]].entries()) {
      const code = sheet.body.items.find((x: { phoneMasked: string }) => x.phoneMasked.endsWith(phone.slice(-4))).code;
      const res = await register(phone, code);
      expect({ i, status: res.status }).toEqual({ i, status: 201 });
    }
    const audit = await t.db.query(
      `SELECT actor_id, entity_id, details FROM audit_events WHERE action = 'user.claim_code_batch' AND entity_id = $1 ORDER BY id`,
      [importId],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1].details.count).toBe(2);
    expect(audit[1].details.userIds).toHaveLength(2);
  });

  it('a selection outside her subtree refuses the whole batch; nothing is generated', async () => {
    const { phones } = await importLearners(coordA, ['乙一', '乙二']);
    const ids: string[] = (await t.db.query(`SELECT id FROM users WHERE phone = ANY($1) ORDER BY phone`, [phones])).map((r: { id: string }) => r.id);
    const outsider = await newUser(t, 'learner', tree.clubB);
    await t.db.query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [outsider.id]);
    const refused = await t
      .http()
      .post('/api/claim-codes')
      .set(bearer(coordA))
      .send({ userIds: [...ids, outsider.id] });
    expect(refused.status).toBe(404);
    expect(await t.db.query(`SELECT 1 FROM account_claims WHERE user_id = ANY($1)`, [[...ids, outsider.id]])).toHaveLength(0);
    expect(
      (
        await t
          .http()
          .post('/api/claim-codes')
          .set(bearer(coordA))
          .send({ userIds: [randomUUID()] })
      ).status,
    ).toBe(404);

    const ok = await t.http().post('/api/claim-codes').set(bearer(coordA)).send({ userIds: ids });
    expect(ok.status).toBe(201);
    expect(ok.body.items.map((i: { userId: string }) => i.userId).sort()).toEqual([...ids].sort());
    expect(await t.db.query(`SELECT 1 FROM account_claims WHERE user_id = ANY($1)`, [ids])).toHaveLength(2);
  });

  it('refuses a claimed learner in a selection, bad bodies and more than 500 ids', async () => {
    const claimed = await newUser(t, 'learner', tree.clubA);
    const r = await t
      .http()
      .post('/api/claim-codes')
      .set(bearer(coordA))
      .send({ userIds: [claimed.id] });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ALREADY_CLAIMED');
    expect((await t.http().post('/api/claim-codes').set(bearer(coordA)).send({})).status).toBe(400);
    expect(
      (
        await t
          .http()
          .post('/api/claim-codes')
          .set(bearer(coordA))
          .send({ userIds: [claimed.id], importId: randomUUID() })
      ).status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .post('/api/claim-codes')
          .set(bearer(coordA))
          .send({ userIds: ['nope'] })
      ).status,
    ).toBe(400);
    const many = Array.from({ length: 501 }, () => randomUUID());
    const tooMany = await t.http().post('/api/claim-codes').set(bearer(coordA)).send({ userIds: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/500/);
  });

  it('the import result names each failed row and keeps its cells for the download', async () => {
    const good = newPhone();
    const csv = ['姓名,手机号,类型,备注', `好人,${good},务工,甲`, '坏号码,12345,务工,=1+1', `怪类型,${newPhone()},学生,丙`].join('\n');
    const res = await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv });
    expect(res.status).toBe(201);
    expect(res.body.header).toEqual(['姓名', '手机号', '类型', '备注']);
    expect(res.body.rejected.map((x: { line: number; name: string; cells: string[]; code: string }) => [x.line, x.name, x.cells, x.code])).toEqual([
      [3, '坏号码', ['坏号码', '12345', '务工', '=1+1'], 'INVALID_PHONE'],
      [4, '怪类型', ['怪类型', expect.any(String), '学生', '丙'], 'INVALID_TYPE'],
    ]);
  });
});
