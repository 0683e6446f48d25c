// The PostgreSQL schemas a run of `npm test` made (test/support/test-db.ts names them
// test_<run>_<random>, the run being `r` and the runner's process id), dropped when its files are done.
import pg from 'pg'

/** Drops the schemas of one run, and only those: never a schema of a run beside it. */
export async function dropSchemasOfRun(url, runId) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    // starts_with, not LIKE: in `test_r1314_%` the underscores match any character, so the run
    // with process id 1314 dropped the schemas of a run beside it with id 13141 while its tests ran
    // ("schema test_r13141_… does not exist", seen in CI beside other test runs).
    const { rows } = await client.query('select nspname from pg_namespace where starts_with(nspname, $1)', [
      `test_${runId}_`,
    ])
    for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`)
  } catch (error) {
    console.error(`Could not drop this run's test schemas: ${error.message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}
