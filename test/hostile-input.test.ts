import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { loadDemoData } from '../src/demo/load-demo.ts'
import { createApp } from '../src/web/app.ts'
import {
  generator,
  handlerMarker,
  hostileValue,
  queryOf,
  type Random,
  scriptMarker,
} from './support/hostile-values.ts'
import { describeOnEachDatabase } from './support/test-db.ts'

// Hostile input, bounded and seeded: the portal's query parameters, address segments and public
// forms (search, subscription, accessibility feedback) get long, odd, broken and malicious values.
// Whatever comes in, the answer is never a 500, and nothing sent is echoed back as live markup.
// The seed is fixed (or PARAGRAF_FUZZ_SEED), so a failure names the input that caused it.

const seed = Number(process.env.PARAGRAF_FUZZ_SEED ?? 20261205)
const valuesPerField = Number(process.env.PARAGRAF_FUZZ_VALUES ?? 16)

/** An address segment as a client may send it: encoded, or with the raw characters encodeURI lets through. */
function segmentOf(value: string, random: Random): string {
  let encoded: string
  try {
    encoded = encodeURIComponent(value)
  } catch {
    encoded = encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))
  }
  return random.next() < 0.2 ? encoded.replace(/%2F/gi, '/').replace(/%25/g, '%') : encoded
}

const safeQuery = (value: string) => value.replace(/[\uD800-\uDFFF]/g, '\uFFFD')

interface Target {
  method: 'GET' | 'POST'
  /** The address, given the hostile values of the fields. */
  url: (values: Record<string, string>, random: Random) => string
  fields: readonly string[]
  /** Whether the fields go in the form body (POST) rather than the query. */
  body?: boolean
}

const targets: Record<string, Target> = {
  search: {
    method: 'GET',
    fields: ['q', 'namnd', 'ar', 'typ', 'parti', 'sida'],
    url: (v, r) => `/sok?${queryOf(v, r)}`,
  },
  searchFeed: {
    method: 'GET',
    fields: ['q', 'namnd', 'ar', 'typ', 'parti'],
    url: (v, r) => `/sok/flode.atom?${queryOf(v, r)}`,
  },
  noticeArchive: { method: 'GET', fields: ['sida'], url: (v, r) => `/anslagstavla/arkiv?${queryOf(v, r)}` },
  subscribePage: {
    method: 'GET',
    fields: ['namnd', 'arende', 'anslagstavla'],
    url: (v, r) => `/bevaka?${queryOf(v, r)}`,
  },
  subscribe: {
    method: 'POST',
    body: true,
    fields: ['epost', 'namnd', 'arende', 'anslagstavla'],
    url: () => '/bevaka',
  },
  confirm: { method: 'GET', fields: ['token'], url: (v, r) => `/bevaka/bekrafta?${queryOf(v, r)}` },
  confirmPost: { method: 'POST', body: true, fields: ['token'], url: () => '/bevaka/bekrafta' },
  unsubscribe: { method: 'POST', body: true, fields: ['token'], url: () => '/bevaka/avsluta' },
  feedback: {
    method: 'POST',
    body: true,
    fields: ['meddelande', 'sida', 'namn', 'epost'],
    url: () => '/tillganglighet',
  },
  oparlList: {
    method: 'GET',
    fields: ['modified_since', 'modified_until', 'created_since', 'created_until', 'limit', 'page'],
    url: (v, r) => `/oparl/v1/body/1/meeting?${queryOf(v, r)}`,
  },
  committeeSegment: {
    method: 'GET',
    fields: ['committee'],
    url: (v, r) => `/committees/${segmentOf(v.committee ?? '', r)}`,
  },
  meetingSegment: {
    method: 'GET',
    fields: ['meeting'],
    url: (v, r) => `/committees/socialnamnden/${segmentOf(v.meeting ?? '', r)}/protokoll`,
  },
  matterSegment: {
    method: 'GET',
    fields: ['matter'],
    url: (v, r) => `/arenden/${segmentOf(v.matter ?? '', r)}`,
  },
  personSegment: {
    method: 'GET',
    fields: ['person'],
    url: (v, r) => `/personer/${segmentOf(v.person ?? '', r)}`,
  },
  documentSegment: {
    method: 'GET',
    fields: ['id', 'filename'],
    url: (v, r) => `/handlingar/${segmentOf(v.id ?? '', r)}/${segmentOf(v.filename ?? '', r)}`,
  },
}

describeOnEachDatabase('hostile input to the portal', (getDb) => {
  let app: FastifyInstance
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
  })
  after(() => app.close())

  for (const [name, target] of Object.entries(targets)) {
    it(`${name}: ${valuesPerField} hostile values per field, never a 500, nothing echoed as markup`, async () => {
      const random = generator(seed + name.length * 7919 + name.charCodeAt(0))
      for (let i = 0; i < valuesPerField * target.fields.length; i++) {
        const values = Object.fromEntries(target.fields.map((f) => [f, safeQuery(hostileValue(random))]))
        const url = target.url(target.body ? {} : values, random)
        const response = await app.inject({
          method: target.method,
          url,
          ...(target.body
            ? {
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                payload: queryOf(values, random),
              }
            : {}),
        })
        const input = JSON.stringify({ url: url.slice(0, 300), values }).slice(0, 600)
        assert.ok(response.statusCode < 500, `${response.statusCode} for ${input}`)
        assert.ok(!response.body.includes(scriptMarker), `script echoed for ${input}`)
        assert.ok(!response.body.includes(handlerMarker), `handler echoed for ${input}`)
      }
    })
  }
})
