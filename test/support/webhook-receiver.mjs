// A webhook receiver for the tests, run as its own process on 127.0.0.1, as a subscriber's server
// would be: it checks each delivery's Paragraf-Signature itself (HMAC-SHA256 of "<t>.<body>" with
// the shared secret, t within five minutes of its own clock, compared in constant time) and keeps
// what it received. Prints its address on its first line of output.
//
// Control (from the test): PUT /_control {"secret": "...", "fail": N, "status": 503, "delayMs": 0}
// sets the secret, answers the next N deliveries with `status` (N = -1: every one), and waits
// `delayMs` before each answer (a slow receiver);
// GET /_received lists every delivery received, in order of arrival.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'

let secret = ''
let failuresLeft = 0
let failStatus = 503
let delayMs = 0
const received = []

function verify(header, body) {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((part) => part.split('=', 2)),
  )
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1) return { valid: false, t }
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  const fresh = Math.abs(Date.now() / 1000 - t) <= 300
  return { valid: given.length === expected.length && timingSafeEqual(given, expected) && fresh, t }
}

const server = createServer((request, response) => {
  const chunks = []
  request.on('data', (chunk) => chunks.push(chunk))
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8')
    if (request.url === '/_control' && request.method === 'PUT') {
      const control = JSON.parse(body)
      if (control.secret !== undefined) secret = control.secret
      if (control.fail !== undefined) failuresLeft = control.fail
      if (control.status !== undefined) failStatus = control.status
      if (control.delayMs !== undefined) delayMs = control.delayMs
      response.writeHead(204).end()
      return
    }
    if (request.url === '/_received' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received))
      return
    }
    const failing = failuresLeft !== 0
    if (failuresLeft > 0) failuresLeft--
    const status = failing ? failStatus : 204
    received.push({
      path: request.url,
      method: request.method,
      headers: request.headers,
      body,
      ...verify(request.headers['paragraf-signature'], body),
      answered: status,
    })
    setTimeout(() => response.writeHead(status).end(), delayMs)
  })
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
process.stdout.write(`http://127.0.0.1:${server.address().port}\n`)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
