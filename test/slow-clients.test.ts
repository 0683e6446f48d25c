import assert from 'node:assert/strict'
import { connect, type Socket } from 'node:net'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { createApp, headersTimeoutMs } from '../src/web/app.ts'

// Slow clients (slowloris): connections on 127.0.0.1 that send their request headers a byte at a
// time. They must not stop the server answering others, and the server must end them itself once
// the headers have taken too long, or a few hundred of them would hold its sockets for good.
// Bounded: 40 slow connections, about 15 s.

const db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
let app: FastifyInstance
let port = 0

before(async () => {
  await migrateToLatest(db)
  app = await createApp({ db, logLevel: 'silent' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as { port: number }).port
})
after(async () => {
  await app.close()
  await db.destroy()
})

/** A connection that sends a request line and then one header byte every 200 ms, never finishing. */
function slowClient(): { socket: Socket; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1')
  const opened = Date.now()
  const header = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(10_000)}`
  let at = 0
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(header[at++ % header.length] as string)
  }, 200)
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer)
      resolve(Date.now() - opened)
    })
    socket.on('error', () => undefined)
  })
  return { socket, closed }
}

it('answers others while 40 clients send headers byte by byte, and ends those clients itself', async () => {
  const slow = Array.from({ length: 40 }, slowClient)
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    for (let i = 0; i < 10; i++) {
      const started = Date.now()
      const answer = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) })
      assert.equal(answer.status, 200)
      assert.ok(Date.now() - started < 1_000, `a request waited ${Date.now() - started} ms`)
    }
    // Ended by the server (headersTimeout, checked every second), not by the test's own timeout.
    const lifetimes = await Promise.race([
      Promise.all(slow.map((client) => client.closed)),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('slow clients still connected')), headersTimeoutMs + 5_000),
      ),
    ])
    assert.ok(Math.max(...lifetimes) < headersTimeoutMs + 3_000, `lifetimes ${lifetimes}`)
  } finally {
    for (const client of slow) client.socket.destroy()
  }
})

it('sets a limit on the whole request, so a body sent a byte at a time ends too', () => {
  assert.ok(app.server.requestTimeout > 0 && app.server.requestTimeout <= 15 * 60_000)
  assert.equal(app.server.headersTimeout, headersTimeoutMs)
})
