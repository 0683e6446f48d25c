import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openDatabase } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { createApp } from './app.ts'

// /health is liveness (the process answers), /ready is readiness (the database answers and has
// every migration). The restart of a real PostgreSQL is in test/postgres-restart.test.ts.

async function appOn(migrated: boolean) {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
  if (migrated) await migrateToLatest(db)
  const app = await createApp({ db, logLevel: 'silent', publicUrl: 'http://localhost:3000' })
  return { app, db }
}

describe('/health and /ready', () => {
  it('are both 200 on a migrated database, and never cached', async () => {
    const { app, db } = await appOn(true)
    for (const url of ['/health', '/ready']) {
      const response = await app.inject({ url })
      assert.equal(response.statusCode, 200, url)
      assert.equal(response.headers['cache-control'], 'no-store')
    }
    assert.equal((await app.inject({ url: '/ready' })).json().status, 'ready')
    await app.close()
    await db.destroy()
  })

  it('/ready says 503 with Retry-After while migrations are due; /health still 200', async () => {
    const { app, db } = await appOn(false)
    const ready = await app.inject({ url: '/ready' })
    assert.equal(ready.statusCode, 503)
    assert.ok(Number(ready.headers['retry-after']) > 0)
    assert.deepEqual(ready.json(), {
      status: 'not_ready',
      message: 'Databasen är inte uppdaterad (kör paragraf migrate).',
    })
    assert.equal((await app.inject({ url: '/health' })).statusCode, 200)
    await app.close()
    await db.destroy()
  })

  it('/ready says 503 when the database cannot be read', async () => {
    const { app, db } = await appOn(true)
    await db.destroy()
    const ready = await app.inject({ url: '/ready' })
    assert.equal(ready.statusCode, 503)
    assert.equal(ready.json().status, 'not_ready')
    assert.equal((await app.inject({ url: '/health' })).statusCode, 200)
    await app.close()
  })
})
