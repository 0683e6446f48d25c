import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { createPrivatePostgres, type PrivatePostgres, postgresBinDir } from './support/private-postgres.ts'
import { type SpawnedServer, spawnServer } from './support/spawned-server.ts'

// Defect 1 of issue 11: when PostgreSQL ended the server's idle pooled connections (57P01, as every
// restart does), Node ended the whole server on an unhandled 'error' event. Here a real
// `paragraf serve` runs on a PostgreSQL cluster of the test's own, which the test restarts as an
// operator would; the shared PostgreSQL of the other tests is never touched.

const binDir = postgresBinDir()
const skip =
  binDir || process.env.REQUIRE_POSTGRES === '1'
    ? false
    : 'initdb is not installed (PostgreSQL server programs, e.g. postgresql-15): the restart test needs a cluster of its own'

/** A GET that may not hang: 8 s is far beyond any answer the server should give. */
async function get(url: string, accept = 'text/html') {
  const started = Date.now()
  const response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(8_000) })
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    ms: Date.now() - started,
  }
}

/** Ends every client connection but this one's and those of `spared` (process ids), as a restart would. */
async function terminateConnections(url: string, spared: number[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid() and not (pid = any($1::int[]))`,
      [spared],
    )
    return rows.filter((row) => row.ended).length
  } finally {
    await client.end()
  }
}

/** How many connections wait for a lock (the server's request behind the test's lock). */
async function lockWaits(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
  )
  return rows[0].n
}

async function waitFor(condition: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('paragraf serve while PostgreSQL restarts', { skip }, () => {
  let cluster: PrivatePostgres | undefined
  let server: SpawnedServer | undefined
  const dataDir = mkdtempSync(path.join(tmpdir(), 'paragraf-restart-'))
  const page = (path: string, accept?: string) => get(`${server?.url}${path}`, accept)

  before(async () => {
    if (!binDir)
      throw new Error('REQUIRE_POSTGRES=1 but initdb is not installed: the restart test cannot run')
    cluster = await createPrivatePostgres(binDir)
    server = await spawnServer({ DATABASE_URL: cluster.url, DATA_DIR: dataDir })
  })
  after(async () => {
    await server?.stop()
    cluster?.remove()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('outlives PostgreSQL ending its connections (57P01) and serves again from new ones', async () => {
    // Several requests at once, so the pool holds several idle connections when they are ended.
    const before = await Promise.all(['/', '/anslagstavla', '/oparl/v1/body', '/ready'].map((p) => page(p)))
    assert.deepEqual(
      before.map((answer) => answer.status),
      [200, 200, 200, 200],
    )
    assert.ok((await terminateConnections(cluster?.url as string)) > 0, 'the server held no connections')
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.equal(server?.exited(), undefined, `the server ended:\n${server?.output()}`)
    assert.equal((await page('/')).status, 200)
    assert.equal((await page('/ready')).status, 200)
  })

  it('answers a request whose query is ended under it with the 503, and lives', async () => {
    // The request's query waits on a lock held here, so PostgreSQL ends it mid-query.
    const locker = new pg.Client({ connectionString: cluster?.url })
    await locker.connect()
    try {
      const { rows } = await locker.query('select pg_backend_pid() as pid')
      await locker.query('begin')
      await locker.query('lock table organisation, committee, meeting in access exclusive mode')
      // An address not read before: a page the server keeps (PAGE_CACHE_MB) needs no query at all.
      const caught = page('/?under-lock')
      await waitFor(async () => (await lockWaits(locker)) > 0)
      assert.ok((await terminateConnections(cluster?.url as string, [rows[0].pid])) > 0)
      const answer = await caught
      assert.equal(answer.status, 503, answer.body.slice(0, 300))
      assert.ok(Number(answer.headers.get('retry-after')) > 0)
    } finally {
      await locker.query('rollback').catch(() => undefined)
      await locker.end()
    }
    assert.equal(server?.exited(), undefined, `the server ended:\n${server?.output()}`)
    assert.equal((await page('/')).status, 200)
  })

  it('answers at once with a Swedish 503 and Retry-After while PostgreSQL is stopped; /health still answers', async () => {
    cluster?.stop()
    const portal = await page('/')
    assert.equal(portal.status, 503, portal.body)
    assert.ok(Number(portal.headers.get('retry-after')) > 0)
    assert.match(portal.body, /Tjänsten är tillfälligt otillgänglig/)
    assert.match(portal.body, /Försök igen/)

    const oparl = await page('/oparl/v1/body')
    assert.equal(oparl.status, 503)
    assert.ok(Number(oparl.headers.get('retry-after')) > 0)
    assert.match(oparl.headers.get('content-type') ?? '', /application\/json/)
    assert.ok(JSON.parse(oparl.body).message)

    const api = await page('/anslagstavla', 'application/json')
    assert.equal(api.status, 503)
    assert.equal(JSON.parse(api.body).error, 'unavailable')

    const ready = await page('/ready')
    assert.equal(ready.status, 503)
    assert.equal(JSON.parse(ready.body).status, 'not_ready')
    assert.ok(Number(ready.headers.get('retry-after')) > 0)
    assert.equal((await page('/health')).status, 200)
    assert.equal(server?.exited(), undefined, `the server ended:\n${server?.output()}`)
  })

  it('serves again by itself once PostgreSQL is back', async () => {
    cluster?.start()
    const deadline = Date.now() + 20_000
    let status = 0
    while (Date.now() < deadline) {
      status = (await page('/')).status
      if (status === 200) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.equal(status, 200)
    assert.equal((await page('/oparl/v1/body')).status, 200)
    assert.equal((await page('/ready')).status, 200)
    assert.equal(server?.exited(), undefined)
  })
})
