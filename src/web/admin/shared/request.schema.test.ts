import assert from 'node:assert/strict'
import diagnostics from 'node:diagnostics_channel'
import { after, before, it } from 'node:test'
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import type { Db } from '../../../db/database.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

// Every workspace route parses what it reads through a zod schema declared beside it
// (<feature>.schema.ts): its address's segments, its form, its query. The routes are found through
// Fastify's onRoute, so a new route without its schemas fails here. Then hostile bodies (a list
// where one value belongs, a JSON number, an over-long text, a NUL, nothing at all) are posted to
// routes of every feature folder: each is answered in Swedish with 400 (or the form's own refusal
// beside the field, 400/409/422), never a 500.

interface Route {
  method: string
  url: string
  schema: RouteOptions['schema']
  upload: boolean
}

async function appWithRoutes(db: Db) {
  const routes: Route[] = []
  const channel = diagnostics.channel('fastify.initialization')
  const collect = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance }
    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/admin')) return
      const upload = Boolean((route.config as { upload?: boolean } | undefined)?.upload)
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routes.push({ method, url: route.url, schema: route.schema, upload })
    })
  }
  channel.subscribe(collect)
  try {
    const app = await createApp({ db, logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    await app.ready()
    return { app, routes }
  } finally {
    channel.unsubscribe(collect)
  }
}

const swedish = /[åäöÅÄÖ]/

describeOnEachDatabase('the schemas of the workspace routes', (getDb) => {
  let app: FastifyInstance
  let routes: Route[]
  let client: AdminClient
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    ;({ app, routes } = await appWithRoutes(getDb()))
    client = await signedInDemoAccount(app, 'secretary')
  })
  after(() => app.close())

  it('every admin route declares a schema for its address, its form (posts) and its query (pages)', () => {
    assert.ok(routes.length >= 90, `only ${routes.length} admin routes found`)
    const missing: string[] = []
    for (const { method, url, schema, upload } of routes) {
      const where = `${method} ${url}`
      if (url.includes(':') && !schema?.params) missing.push(`${where}: params`)
      // An upload form's fields come from the stream, before the file: its route parses them itself.
      if (method === 'POST' && !upload && !schema?.body) missing.push(`${where}: body`)
      if (method === 'GET' && !schema?.querystring) missing.push(`${where}: querystring`)
    }
    assert.deepEqual(missing, [])
  })

  /** Posts `fields` as a form whose `listed` fields are sent twice (a list where one value belongs). */
  async function postForm(url: string, fields: Record<string, string>, listed: string[] = []) {
    await client.get('/admin')
    const token = await csrfToken()
    const body = new URLSearchParams({ _csrf: token, ...fields })
    for (const name of listed) body.append(name, 'två')
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieOf(client), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    })
  }

  async function postJson(url: string, fields: Record<string, unknown>) {
    const token = await csrfToken()
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieOf(client), 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: token, ...fields }),
    })
  }

  async function csrfToken() {
    const page = await client.get('/admin/losenord')
    return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  }

  /** Never a 500; refused in Swedish, or (a field the form does not have is dropped) saved and redirected. */
  function assertRefused(response: LightMyRequestResponse, what: string) {
    assert.ok(response.statusCode < 500, `${response.statusCode} for ${what}: ${response.body.slice(0, 300)}`)
    if (response.statusCode === 303) {
      assert.doesNotMatch(String(response.headers.location), /logga-in/, `signed out by ${what}`)
      return
    }
    // 403/404 where the route refuses the secretary or the object first, as before any form is read.
    assert.ok([400, 403, 404, 409, 422].includes(response.statusCode), `${response.statusCode} for ${what}`)
    assert.match(response.body, swedish, `no Swedish for ${what}`)
  }

  const meeting = '/admin/namnder/kommunstyrelsen/sammantraden'

  it('refuses a list where one value belongs, naming the field in Swedish', async () => {
    const response = await postForm(`${meeting}`, { meetsOn: '2027-01-13' }, ['meetsOn'])
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Ett fält i formuläret kunde inte läsas/)
  })

  it('refuses a JSON number or object where a text belongs', async () => {
    for (const value of [5, { a: 1 }, true, null]) {
      const response = await postJson(meeting, { meetsOn: value })
      assert.equal(response.statusCode, 400, JSON.stringify(value))
      assert.match(response.body, /Ett fält i formuläret kunde inte läsas/)
    }
  })

  it('refuses an over-long field with its limit, in Swedish', async () => {
    const response = await postForm(meeting, { meetsOn: '2027-01-13', location: 'x'.repeat(2_001) })
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /En text i formuläret är för lång för sitt fält: högst 2\s000 tecken/)
  })

  it('answers hostile bodies at routes of every feature folder with a Swedish refusal, never a 500', async () => {
    const targets = [
      '/admin/namnder/kommunstyrelsen/sammantraden', // meetings
      '/admin/namnder/kommunstyrelsen/sammantraden/serie',
      '/admin/namnder/kommunstyrelsen/ledamoter', // membership
      '/admin/namnder/kommunstyrelsen/personnummer',
      '/admin/namnder/kommunstyrelsen/importera',
      '/admin/namnder/kommunstyrelsen/installningar', // organisation
      '/admin/namnder/kommunstyrelsen/delegationsbeslut', // delegated decisions
      '/admin/losenord', // accounts
      '/admin/tillganglighet/1/hanterad', // feedback
    ]
    const bodies: Array<[string, Record<string, unknown>]> = [
      [
        'a number',
        { meetsOn: 1, reason: 2, members: 3, note: 4, currentPassword: 5, url: 6, text: 7, title: 8 },
      ],
      [
        'a list',
        { title: ['a', 'b'], 'val-fraga': [{}], version: ['1'], name: [], 'narvaro-1': ['present'] },
      ],
      ['an object', { meetsOn: { x: 1 }, members: { x: 1 }, note: ['a', 'b'], newPassword: [1] }],
      ['a NUL', { meetsOn: 'a\u0000b', members: '\u0000', note: '\u0000' }],
      [
        'over-long text',
        { meetsOn: 'x'.repeat(600_000), members: 'x'.repeat(600_000), note: 'x'.repeat(600_000) },
      ],
      ['nothing', {}],
    ]
    // A held meeting of the demo and the organisation, found as a clerk finds them: by the links.
    const calendar = await client.get('/admin/namnder/socialnamnden/sammantraden')
    const meetings = [
      ...calendar.body.matchAll(/\/admin\/namnder\/socialnamnden\/sammantraden\/([a-z0-9-]+)"/g),
    ]
    const start = await client.get('/admin')
    const organisation = /\/admin\/organisationer\/([a-z0-9-]+)\//.exec(start.body)?.[1] ?? 'stockholms-stad'
    assert.ok(meetings.length > 0, 'no meeting in the demo calendar')
    for (const [, slug] of meetings.slice(0, 2)) {
      const m = `/admin/namnder/socialnamnden/sammantraden/${slug}`
      targets.push(
        `${m}/dagordning`, // agenda
        `${m}/dagordning/standardpunkter`,
        `${m}/kallelse`,
        `${m}/protokoll/paragrafer`, // minutes
        `${m}/protokoll/narvaro`,
        `${m}/protokoll/justerare`,
        `${m}/protokoll/paragrafer/1`,
        `${m}/protokoll/paragrafer/1/omrostning`,
        `${m}/protokoll/paragrafer/1/yrkande`,
        `${m}/protokoll/paragrafer/1/omrostning/val`,
        `${m}/protokoll/paragrafer/1/rattelse`, // after the sign-off
        `${m}/flytta`, // meetings
      )
    }
    targets.push(
      '/admin/justera/1', // sign-off
      '/admin/justera/1/kommentar',
      `/admin/organisationer/${organisation}/mandatperioder`, // register
      `/admin/organisationer/${organisation}/webhooks`, // webhooks (the administrator's: 403)
      `/admin/organisationer/${organisation}/anvandare`, // users
    )
    for (const url of targets)
      for (const [what, body] of bodies) assertRefused(await postJson(url, body), `${what} to ${url}`)
  })
})

function cookieOf(client: AdminClient) {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
}
