import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A course belongs to an org: only admins whose subtree holds it may change it (a province's admin
 * her province's courses, the national admin every one). The catalogue seeded by migration is the
 * national one: it belongs to the root, set here when the deployment has its (one) root already; on
 * a fresh database the catalogue is seeded before any org exists, and NULL means the same — owned by
 * the root, changed only by admins of a root org.
 */
export class CourseOwner1764001240000 implements MigrationInterface {
  name = 'CourseOwner1764001240000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE courses ADD COLUMN owner_org_id uuid REFERENCES organizations(id)`);
    await q.query(`CREATE INDEX courses_owner_org_idx ON courses (owner_org_id)`);
    await q.query(
      `UPDATE courses SET owner_org_id = (SELECT id FROM organizations WHERE parent_id IS NULL)
        WHERE (SELECT count(*) FROM organizations WHERE parent_id IS NULL) = 1`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE courses DROP COLUMN owner_org_id`);
  }
}
