/**
 * Public verification reads only what it shows (not the signed credential, the row's largest column).
 * Plain text (no imports) so the benchmark's anchor replays exactly what the API sends.
 */
const PUBLIC_SELECT = `
  SELECT z.code, z.status, u.name AS holder_name, c.code AS course_code, c.title_zh, c.title_en,
         o.name AS org_name, z.issued_at, z.expires_at, z.revocation_reason, z.hours,
         r.code AS renewed_code, r.expires_at AS renewed_expires_at
    FROM certificates z JOIN users u ON u.id = z.learner_id JOIN courses c ON c.id = z.course_id JOIN organizations o ON o.id = z.org_id
    LEFT JOIN LATERAL (
      -- The holder's newest certificate for the same course issued later, while it is in force: an
      -- employer holding an old or expired code learns that she has renewed it.
      SELECT n.code, n.expires_at FROM certificates n
       WHERE n.learner_id = z.learner_id AND n.course_id = z.course_id AND n.issued_at > z.issued_at
         AND n.status = 'valid' AND (n.expires_at IS NULL OR n.expires_at > now())
       ORDER BY n.issued_at DESC LIMIT 1) r ON true`;

/** One code ($1); sent as a named prepared statement. */
export const VERIFY_BY_CODE_SQL = `${PUBLIC_SELECT} WHERE z.code = $1`;

/** Many codes at once ($1 text[]). */
export const VERIFY_BY_CODES_SQL = `${PUBLIC_SELECT} WHERE z.code = ANY($1)`;
