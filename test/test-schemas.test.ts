import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import pg from 'pg'
// @ts-expect-error: a plain JavaScript module of the test runner, without types
import { dropSchemasOfRun } from '../scripts/test-schemas.js'

// The test runner drops the PostgreSQL schemas of its own run when its files are done. Several runs
// share one database (CI beside a developer's run), so it must drop no schema of another run: a
// LIKE pattern did, when one run's id was the start of the other's (r1314 and r13141).

const url = process.env.PARAGRAF_TEST_DATABASE_URL

if (url)
  describe('the test runner’s PostgreSQL schemas', () => {
    it("drops its own run's schemas and none of a run whose id begins with its own", async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const schemas = async () =>
        (
          await client.query<{ nspname: string }>(
            "select nspname from pg_namespace where nspname like 'test\\_rschemas%' order by 1",
          )
        ).rows.map((r) => r.nspname)
      try {
        for (const schema of ['test_rschemas_a', 'test_rschemas1_b'])
          await client.query(`create schema if not exists "${schema}"`)
        await dropSchemasOfRun(url, 'rschemas')
        assert.deepEqual(await schemas(), ['test_rschemas1_b'])
      } finally {
        for (const schema of await schemas()) await client.query(`drop schema "${schema}" cascade`)
        await client.end()
      }
    })
  })
