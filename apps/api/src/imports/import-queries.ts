/** Plain text (no imports) so the benchmark's anchor replays exactly what the API sends. */

/** $1 phones, $2 the caller's subtree pattern: accounts already holding these phones, and whether she may reuse each. */
export const KNOWN_PHONES_SQL = `SELECT u.id, u.phone, (u.role = 'learner' AND u.status = 'active' AND coalesce(o.path LIKE $2, false)) AS usable
           FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.phone = ANY($1)`;
