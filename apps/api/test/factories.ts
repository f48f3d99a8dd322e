import type { DataSource } from 'typeorm';
import type { LearnerType, OrgKind, Role } from '@hearth/contracts';
import { PasswordService } from '../src/auth/password.service.js';
import type { TestApp } from './harness.js';

export const PASSWORD = 'correct horse battery';
let phoneSeq = 0;

/** Unique mainland mobile numbers per test process. */
export function newPhone(): string {
  phoneSeq += 1;
  return `139${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(5, '0')}`;
}

export async function newOrg(db: DataSource, kind: OrgKind, name: string, parentId: string | null = null): Promise<string> {
  const rows = await db.query(
    `WITH parent AS (SELECT path, depth FROM organizations WHERE id = $1), new_id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO organizations (id, parent_id, kind, name, path, depth)
     SELECT new_id.id, $1, $2, $3, coalesce((SELECT path FROM parent), '/') || new_id.id::text || '/', coalesce((SELECT depth + 1 FROM parent), 0)
       FROM new_id RETURNING id`,
    [parentId, kind, name],
  );
  return rows[0].id;
}

export interface TreeIds {
  national: string;
  province: string;
  city: string;
  county: string;
  clubA: string;
  stationA: string;
  clubB: string;
  stationB: string;
}

/** national → province → city → county → {club A → station A, club B → station B} */
export async function newTree(db: DataSource, label = 'T'): Promise<TreeIds> {
  const national = await newOrg(db, 'national', `${label} 全国`);
  const province = await newOrg(db, 'province', `${label} 省`, national);
  const city = await newOrg(db, 'city', `${label} 市`, province);
  const county = await newOrg(db, 'county', `${label} 县`, city);
  const clubA = await newOrg(db, 'club', `${label} 俱乐部A`, county);
  const stationA = await newOrg(db, 'station', `${label} 驿站A`, clubA);
  const clubB = await newOrg(db, 'club', `${label} 俱乐部B`, county);
  const stationB = await newOrg(db, 'station', `${label} 驿站B`, clubB);
  return { national, province, city, county, clubA, stationA, clubB, stationB };
}

export async function newEmployer(db: DataSource, orgId: string, name = '测试家政公司'): Promise<string> {
  const rows = await db.query(`INSERT INTO employers (org_id, name, industry) VALUES ($1, $2, '家政') RETURNING id`, [orgId, name]);
  return rows[0].id;
}

export interface TestUser {
  id: string;
  phone: string;
  role: Role;
  orgId: string | null;
  token: string;
  refreshToken: string;
}

let hashCache: Promise<string> | null = null;

export async function newUser(
  t: TestApp,
  role: Role,
  orgId: string | null,
  options: { learnerType?: LearnerType; employerId?: string; name?: string } = {},
): Promise<TestUser> {
  hashCache ??= t.app.get(PasswordService).hash(PASSWORD);
  const phone = newPhone();
  const learnerType = role === 'learner' ? (options.learnerType ?? 'migrant_worker') : null;
  const rows = await t.db.query(
    `INSERT INTO users (phone, name, password_hash, role, org_id, learner_type, employer_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [phone, options.name ?? `测试${role}${phoneSeq}`, await hashCache, role, orgId, learnerType, options.employerId ?? null],
  );
  const login = await t.http().post('/api/auth/login').send({ phone, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed for test user: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: rows[0].id, phone, role, orgId, token: login.body.accessToken, refreshToken: login.body.refreshToken };
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

export interface ClassOptions {
  capacity?: number;
  courseCode?: string;
  startsOn?: string;
  endsOn?: string;
  status?: string;
  sessions?: { startsAt: string; endsAt: string }[];
}

/** A class straight in the database (the API path is tested in classes.spec.ts). */
export async function newClass(db: DataSource, orgId: string, instructorId: string | null, options: ClassOptions = {}): Promise<string> {
  const rows = await db.query(
    `INSERT INTO classes (course_id, org_id, instructor_id, starts_on, ends_on, capacity, status, location)
     SELECT id, $2, $3, $4, $5, $6, $7, '社区活动室' FROM courses WHERE code = $1 RETURNING id`,
    [
      options.courseCode ?? 'VOC-HOUSE',
      orgId,
      instructorId,
      options.startsOn ?? '2030-01-01',
      options.endsOn ?? '2030-03-01',
      options.capacity ?? 30,
      options.status ?? 'scheduled',
    ],
  );
  const id = rows[0].id;
  for (const s of options.sessions ?? []) {
    await db.query(`INSERT INTO class_sessions (class_id, starts_at, ends_at) VALUES ($1, $2, $3)`, [id, s.startsAt, s.endsAt]);
  }
  return id;
}

export async function courseId(db: DataSource, code: string): Promise<string> {
  return (await db.query(`SELECT id FROM courses WHERE code = $1`, [code]))[0].id;
}
