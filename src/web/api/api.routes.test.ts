import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type OpenApiCheck, openApiCheck } from '../../../test/support/openapi-check.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { createApp } from '../app.ts'
import { apiRateLimit } from './api.routes.tsx'

const today = '2026-01-15'
// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
type Json = Record<string, any>

describeOnEachDatabase('the JSON API /api/v1 on the demo data', (getDb) => {
  let app: FastifyInstance
  let check: OpenApiCheck
  before(async () => {
    await loadDemoData(getDb(), today)
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      publicUrl: 'http://localhost',
      now: () => new Date(`${today}T10:00:00Z`),
    })
    check = await openApiCheck(app)
  })
  after(() => app.close())

  /** GETs an API address (absolute or not), checks the answer against the OpenAPI document. */
  async function get(url: string, remoteAddress = '127.0.0.1') {
    const path = url.replace(/^https?:\/\/[^/]+/, '')
    const response = await app.inject({ url: path, remoteAddress })
    check.assertValid(path, response)
    return { status: response.statusCode, body: response.json() as Json, headers: response.headers }
  }

  it('reaches every object from /api/v1 by its links, each answer valid against the OpenAPI document', async () => {
    const seen = new Set<string>()
    const queue = ['/api/v1']
    let minutes = 0
    while (queue.length > 0 && seen.size < 250) {
      const url = queue.shift() as string
      if (seen.has(url)) continue
      seen.add(url)
      // Crawled from an address of its own, so the rate limit of the other tests is not spent here.
      const { status, body } = await get(url, '198.51.100.1')
      assert.ok(status === 200 || (status === 404 && url.endsWith('/minutes')), `${url} answered ${status}`)
      if (status === 200 && url.endsWith('/minutes')) minutes++
      const links = JSON.stringify(body).match(/"http:\/\/localhost\/api\/v1[^"]*"/g) ?? []
      for (const link of links) {
        const next = JSON.parse(link) as string
        if (!next.includes('{') && !next.endsWith('/openapi.json'))
          queue.push(next.replace('http://localhost', ''))
      }
    }
    assert.ok(seen.size > 40, `only ${seen.size} addresses were reached`)
    assert.ok(minutes >= 1, 'no signed-off minutes were reached')
    assert.ok([...seen].some((u) => u.startsWith('/api/v1/people/')))
    assert.ok([...seen].some((u) => u.startsWith('/api/v1/parties/')))
  })

  it('serves the minutes of 14 December 2022 with every § and its decisions, votes and dissents', async () => {
    const { status, body } = await get('/api/v1/committees/socialnamnden/meetings/mote-2022-12-14/minutes')
    assert.equal(status, 200)
    assert.equal(body.kind, 'minutes')
    assert.deepEqual(body.sections, { first: 1, last: 19 })
    assert.equal(body.items.length, 19)
    assert.ok(body.items.every((i: Json) => typeof i.section === 'number'))
    assert.ok(body.items.some((i: Json) => i.decision?.length > 0))
    assert.ok(
      body.items.some((i: Json) => i.dissents?.length > 0 || i.votes?.length > 0 || i.motions?.length > 0),
    )
    assert.match(body.links.documentJson, /\/protokoll\.json$/)
  })

  it('shows the item added after the notice as confidential: its number and a neutral title only', async () => {
    const { body: meetings } = await get('/api/v1/committees/socialnamnden/meetings?from=2026-01-16')
    const upcoming = meetings.data.at(-1)
    const { body: agenda } = await get(upcoming.links.agenda)
    const secret = agenda.items.find((i: Json) => i.confidential)
    assert.ok(secret, 'the confidential item is listed')
    assert.equal(secret.title, 'Ärende som omfattas av sekretess')
    assert.deepEqual(Object.keys(secret).sort(), ['confidential', 'number', 'title'])
    assert.doesNotMatch(JSON.stringify(agenda), /förvaltningsrätten|LVU|enskild person/)
  })

  it('pages a list by cursor, at most 100 a page, each entry once, with a next link until the end', async () => {
    const all = await get('/api/v1/people?limit=100')
    const names: string[] = []
    let url: string | undefined = '/api/v1/people?limit=7'
    let pages = 0
    while (url) {
      const { body } = await get(url)
      assert.ok(body.data.length <= 7)
      names.push(...body.data.map((p: Json) => p.slug))
      url = body.links.next
      pages++
    }
    assert.equal(new Set(names).size, names.length, 'no entry on two pages')
    assert.deepEqual(names, all.body.data.map((p: Json) => p.slug).slice(0, names.length))
    assert.equal(pages, Math.ceil(names.length / 7) + (names.length % 7 === 0 ? 1 : 0))
    const meetings = await get('/api/v1/meetings?limit=1')
    assert.equal(meetings.body.data.length, 1)
    const second = await get(meetings.body.links.next)
    assert.ok(second.body.data[0].date <= meetings.body.data[0].date, 'newest first')
    assert.match(meetings.body.links.next, /limit=1/)
  })

  it('names the rule that refuses a request, and says it in Swedish from the table of refusals', async () => {
    const { status, body } = await get('/api/v1/committees/social%00namnden')
    assert.equal(status, 400)
    assert.deepEqual(body, {
      error: 'invalid_input',
      reason: 'nul_character',
      message: 'Texten innehåller ett otillåtet tecken (NUL).',
    })
  })

  it('answers a bad parameter 400 and what does not exist 404, in one error shape', async () => {
    for (const url of [
      '/api/v1/meetings?limit=101',
      '/api/v1/meetings?limit=0',
      '/api/v1/meetings?from=igår',
      '/api/v1/people?cursor=inte-en-markor',
      '/api/v1/search',
      '/api/v1/search?q=budget&type=allt',
      '/api/v1/people/jan-jonsson?page=0',
    ]) {
      const { status, body } = await get(url)
      assert.equal(status, 400, url)
      assert.equal(body.error, 'invalid_input', url)
      assert.ok(body.details.length > 0, url)
    }
    for (const url of [
      '/api/v1/committees/finns-inte',
      '/api/v1/committees/finns-inte/meetings',
      '/api/v1/committees/socialnamnden/meetings/mote-1999-01-01',
      '/api/v1/committees/socialnamnden/meetings/mote-1999-01-01/agenda',
      '/api/v1/people/ingen-alls',
      '/api/v1/parties/XYZ',
      '/api/v1/matters/KS%202099%2F1',
      '/api/v1/committees/SocialNamnden',
      '/api/v1/inget-sadant',
      // Refused before routing (a segment longer than any slug): the same shape.
      `/api/v1/committees/${'x'.repeat(150)}`,
    ]) {
      const { status, body } = await get(url)
      assert.equal(status, 404, url)
      assert.equal(body.error, 'not_found', url)
      assert.equal(typeof body.message, 'string', url)
    }
  })

  it('lets scripts on any site read it (CORS) and caches like every public page', async () => {
    const { headers } = await get('/api/v1/committees')
    assert.equal(headers['access-control-allow-origin'], '*')
    assert.match(String(headers.etag), /^"/)
    const missing = await get('/api/v1/nothing-here')
    assert.equal(missing.headers['access-control-allow-origin'], '*')
  })

  it(`answers 429 with Retry-After after ${apiRateLimit.max} requests from one address, and serves others`, async () => {
    const address = '203.0.113.9'
    for (let i = 0; i < apiRateLimit.max; i++) {
      const response = await app.inject({ url: '/api/v1', remoteAddress: address })
      assert.equal(response.statusCode, 200, `request ${i + 1}`)
    }
    const refused = await get('/api/v1', address)
    assert.equal(refused.status, 429)
    assert.equal(refused.body.error, 'too_many_requests')
    assert.match(refused.body.message, /Försök igen om \d+ sekunder/)
    const wait = Number(refused.headers['retry-after'])
    assert.ok(
      wait > 0 && wait <= apiRateLimit.windowSeconds,
      `Retry-After: ${refused.headers['retry-after']}`,
    )
    assert.equal(refused.headers['access-control-allow-origin'], '*')
    assert.equal((await get('/api/v1', '203.0.113.10')).status, 200)
  })

  it('is described in Swedish at /api, linked from the footer of every public page', async () => {
    const page = await app.inject('/api')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<html lang="sv"/)
    assert.match(page.body, /API för appbyggare/)
    // Long addresses may wrap after a slash (<wbr>) on a narrow screen.
    assert.match(
      page.body.replaceAll('<wbr/>', ''),
      /\/api\/v1\/committees\/\{committee\}\/meetings\/\{meeting\}\/minutes/,
    )
    assert.match(page.body, /href="\/api\/v1\/openapi\.json"/)
    for (const url of ['/', '/anslagstavla', '/committees/socialnamnden'])
      assert.match((await app.inject(url)).body, /<a href="\/api">API för appbyggare \(JSON\)<\/a>/, url)
  })
})
