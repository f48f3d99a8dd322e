/** Plain text (no imports) so the benchmark's database-limit anchors replay exactly what the API sends. */

/** $1 user id: the caller of every authenticated request, active accounts only. */
export const AUTH_USER_SQL = `SELECT u.id, u.role, u.name, u.phone, u.org_id AS "orgId", o.path AS "orgPath", o.kind AS "orgKind", o.name AS "orgName",
              u.employer_id AS "employerId", u.learner_type AS "learnerType", u.locale, u.password_from_staff AS "passwordFromStaff", u.token_version AS "tokenVersion"
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'`;
