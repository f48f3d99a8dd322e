/** Plain text (no imports) so the benchmark's database-limit anchors replay exactly what the API sends. */

/**
 * $1 user id, $2 the access token's sign-in (`sid`, its refresh-token family): the caller of every
 * authenticated request, active accounts only, and only while that sign-in has not been ended (sign-out,
 * refresh-token reuse, password change): one row when both hold, none otherwise, in one round trip.
 */
export const AUTH_USER_SQL = `SELECT u.id, u.role, u.name, u.phone, u.org_id AS "orgId", o.path AS "orgPath", o.kind AS "orgKind", o.name AS "orgName",
              u.employer_id AS "employerId", u.learner_type AS "learnerType", u.locale, u.password_from_staff AS "passwordFromStaff", u.token_version AS "tokenVersion"
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM refresh_tokens rt WHERE rt.family_id = $2 AND rt.user_id = u.id AND rt.revoked_at IS NULL)`;
