/**
 * Reads every table and index of the data set into the operating system's page cache
 * (pg_prewarm in 'read' mode), so cases measure a warm server, as production runs, and not the
 * first touches of a freshly loaded data set from disk. Without it, at scale L (about 10 GB) a
 * case that ran before its anchor paid the disk reads the anchor then found cached.
 */
export async function prewarm(db, log) {
  const started = performance.now();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  const { rows } = await db.query(
    `SELECT c.oid::regclass::text AS name, pg_relation_size(c.oid) AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') AND pg_relation_size(c.oid) > 0
      ORDER BY pg_relation_size(c.oid) DESC`,
  );
  const total = rows.reduce((sum, r) => sum + Number(r.bytes), 0);
  let done = 0;
  let lastShown = 0;
  for (const r of rows) {
    await db.query(`SELECT pg_prewarm($1::regclass, 'read')`, [r.name]);
    done += Number(r.bytes);
    if (done - lastShown > total / 10 || done === total) {
      lastShown = done;
      log(`  prewarm: ${((100 * done) / total).toFixed(0)}% of ${(total / 2 ** 30).toFixed(1)} GiB`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  log(`prewarm: ${rows.length} tables and indexes, ${(total / 2 ** 30).toFixed(1)} GiB read into the OS cache in ${seconds.toFixed(1)} s`);
  return { relations: rows.length, bytes: total, seconds: Math.round(seconds * 10) / 10 };
}
