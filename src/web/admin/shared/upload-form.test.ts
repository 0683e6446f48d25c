import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

// Upload forms over a real server and a real keep-alive connection: app.inject has no connection
// to hang, so only a socket shows whether a refused upload leaves the rest of its body unread.

const uploadUrl = '/admin/namnder/socialnamnden/sammantraden/mote-2022-12-14/dagordning/1/handlingar'
const boundary = 'paragraf-test-boundary'

/** A multipart body: the fields, then a file of `fileBytes` bytes (large enough to fill every buffer). */
function multipartBody(fields: Record<string, string>, fileBytes: number): Buffer {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  return Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.alloc(fileBytes, 0x41),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
}

interface Answer {
  status: number
  body: string
  reusedSocket: boolean
}

/** One request on the agent's connection; fails the test if no answer comes within `timeoutMs`. */
function send(
  agent: http.Agent,
  port: number,
  options: { method: string; path: string; headers?: http.OutgoingHttpHeaders; body?: Buffer },
  timeoutMs = 5_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          clearTimeout(timer)
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            reusedSocket: request.reusedSocket,
          })
        })
      },
    )
    const timer = setTimeout(() => {
      request.destroy()
      reject(new Error(`no answer to ${options.method} ${options.path} within ${timeoutMs} ms`))
    }, timeoutMs)
    request.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    request.end(options.body)
  })
}

const multipartHeaders = (body: Buffer, extra: http.OutgoingHttpHeaders = {}) => ({
  'content-type': `multipart/form-data; boundary=${boundary}`,
  'content-length': String(body.length),
  ...extra,
})

describeOnEachDatabase('upload forms on a keep-alive connection', (getDb) => {
  let app: FastifyInstance
  let port: number
  let sessionCookie: string
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    const client = new AdminClient(app)
    await client.signIn('sekreterare@example.se', 'demo-sekreterare-2026')
    sessionCookie = `paragraf_session=${client.cookies.get('paragraf_session')}`
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as AddressInfo).port
  })
  after(() => app.close())

  const fresh = () => new http.Agent({ keepAlive: true, maxSockets: 1 })

  it('answers the next request on the connection after refusing an upload without a token (no login)', async () => {
    const agent = fresh()
    for (const url of ['/admin/logga-in', uploadUrl]) {
      const body = multipartBody({ email: 'a@example.se', password: 'x' }, 2 * 1024 * 1024)
      const refused = await send(agent, port, {
        method: 'POST',
        path: url,
        headers: multipartHeaders(body),
        body,
      })
      assert.ok(refused.status >= 300 && refused.status < 500, `${url}: ${refused.status}`)
      const next = await send(agent, port, { method: 'GET', path: '/admin/logga-in' })
      assert.equal(next.status, 200)
      assert.equal(next.reusedSocket, true, 'the second request went over the same connection')
    }
    agent.destroy()
  })

  it('answers the next request on the connection after refusing a signed-in upload with a wrong token', async () => {
    const agent = fresh()
    const body = multipartBody({ _csrf: 'forged', documentTitle: 'Bilaga' }, 2 * 1024 * 1024)
    const headers = multipartHeaders(body, { cookie: sessionCookie })
    for (let i = 0; i < 3; i++) {
      const refused = await send(agent, port, { method: 'POST', path: uploadUrl, headers, body })
      assert.equal(refused.status, 403)
      const next = await send(agent, port, {
        method: 'GET',
        path: '/admin',
        headers: { cookie: sessionCookie },
      })
      assert.equal(next.status, 200)
      assert.equal(next.reusedSocket, true)
    }
    agent.destroy()
  })

  it('refuses an unauthenticated upload before its body has arrived', async () => {
    const agent = fresh()
    // 50 MB announced, 64 kB sent: the refusal must come without waiting for (or keeping) the rest.
    const announced = 50 * 1024 * 1024
    const answer = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          agent,
          method: 'POST',
          path: uploadUrl,
          headers: {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(announced),
          },
        },
        (response) => {
          response.resume()
          request.destroy()
          resolve(response.statusCode ?? 0)
        },
      )
      request.on('error', () => {})
      setTimeout(() => reject(new Error('no answer before the body was sent')), 5_000).unref()
      request.write(multipartBody({}, 64 * 1024))
    })
    assert.equal(answer, 303)
    agent.destroy()
  })

  it('refuses an upload form sent to a form that takes no file, without reading it', async () => {
    const agent = fresh()
    const body = multipartBody({ _csrf: 'x', email: 'a@example.se', password: 'x' }, 1024)
    const refused = await send(agent, port, {
      method: 'POST',
      path: '/admin/logga-in',
      headers: multipartHeaders(body),
      body,
    })
    assert.equal(refused.status, 400)
    agent.destroy()
  })
})
