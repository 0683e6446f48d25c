import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import { Ajv, type ValidateFunction } from 'ajv'
import type { FastifyInstance } from 'fastify'
import { pdfFile, uploadStream } from '../../../test/support/document-files.ts'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import {
  anyIdentityNumber,
  protocolWithIdentityNumbers,
  testIdentityNumber,
} from '../../../test/support/identity-number-protocol.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { addAgendaItem, attachDocument } from '../../domain/agenda/agenda.service.ts'
import { uploadDocument } from '../../domain/document/document-upload.service.ts'
import { changeMeetingStatus } from '../../domain/meeting/meeting.service.ts'
import { confidentialItemTitle } from '../../domain/publication/public-agenda.ts'
import { findMatterRowByRegistryNumber } from '../../domain/publication/publication.repository.ts'
import { importDocument } from '../../import/import-document.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import { createApp } from '../app.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-oparl-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const publicUrl = 'https://paragraf.example'
const api = `${publicUrl}/oparl/v1`

// The OParl schemas (CC BY-SA 4.0, test/fixtures/oparl/NOTICE.md). They use "format": "url" and
// a few keywords of their own ("schema", "references"), and patterns with escapes a unicode
// RegExp refuses (\:), so the validator is told of those.
const schemaDir = new URL('../../../test/fixtures/oparl/schema/', import.meta.url)
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false })
ajv.addFormat('url', (value: string) => URL.canParse(value))
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
ajv.addFormat(
  'date-time',
  (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
)
const validators = new Map<string, ValidateFunction>(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [
      `https://schema.oparl.org/1.1/${f.replace('.json', '')}`,
      ajv.compile(JSON.parse(readFileSync(new URL(f, schemaDir), 'utf8'))),
    ]),
)

/** Validates an object and every object inside it by its `type`; returns how many were checked. */
function validateDeep(value: unknown, where: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + validateDeep(v, where), 0)
  if (!value || typeof value !== 'object') return 0
  const record = value as Record<string, unknown>
  let count = 0
  if (typeof record.type === 'string') {
    const validate = validators.get(record.type)
    assert.ok(validate, `${where}: unknown type ${record.type}`)
    assert.ok(validate(record), `${where} ${String(record.id)}: ${ajv.errorsText(validate.errors)}`)
    assert.match(String(record.id), /^https:\/\/paragraf\.example\/oparl\/v1/, where)
    count = 1
  }
  for (const child of Object.values(record)) count += validateDeep(child, where)
  return count
}

/** Every API address mentioned anywhere in a body. */
function apiUrls(value: unknown, found: Set<string>) {
  if (typeof value === 'string' && value.startsWith(api)) found.add(value)
  else if (Array.isArray(value)) for (const v of value) apiUrls(v, found)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) apiUrls(v, found)
}

const pnr = testIdentityNumber
const personalIdentityNumber = anyIdentityNumber
const protocol = protocolWithIdentityNumbers('Byggnadsnämnden', [
  {
    section: 14,
    title: `Bygglov för enbostadshus, sökande ${pnr}`,
    registryNumbers: ['BN 2024/77'],
    summary: `Sökande: ${pnr}, Storgatan 1.`,
    decision: ['Bygglov beviljas.', `Avgiften tas ut av ${pnr}.`],
  },
])

/** A meeting with a public document, a confidential one and one on a confidential item (P2). */
async function addMeetingWithFiles(db: Db, store: ReturnType<typeof createDiskDocumentStore>) {
  const committee = await createTestCommittee(db)
  const meeting = await createTestMeeting(db, { committee, meetsOn: '2024-03-19' })
  const item = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, { meetingId: meeting.id, number: '1', title: 'Taxor 2024' }),
  )
  const secretItem = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '2',
      title: `Placering av barn ${secret}`,
      confidential: true,
      confidentialityGround: 'OSL 26:1',
    }),
  )
  const upload = (title: string, confidential = false) =>
    uploadDocument(db, store, testActor, {
      organisationId: committee.organisationId,
      title,
      kind: 'tjansteutlatande',
      fileName: 'handling.pdf',
      mimeType: 'application/pdf',
      stream: uploadStream(pdfFile(['Förvaltningen föreslår att taxorna höjs.'])),
      maxBytes: 1024 * 1024,
      ...(confidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
    })
  const publicDocument = await upload('Tjänsteutlåtande om taxor 2024')
  const confidential = await upload(`Utredning ${secret}`, true)
  const ofSecretItem = await upload(`Barnutredning ${secret}`)
  for (const d of [publicDocument, confidential])
    await inTransaction(db, (trx) =>
      attachDocument(trx, testActor, { agendaItemId: item.id, documentId: d.id }),
    )
  await inTransaction(db, (trx) =>
    attachDocument(trx, testActor, { agendaItemId: secretItem.id, documentId: ofSecretItem.id }),
  )
  await inTransaction(db, (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
  return { publicDocument, hidden: [confidential, ofSecretItem] }
}

describeOnEachDatabase('the OParl 1.1 API', (getDb, dialect) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  let files: Awaited<ReturnType<typeof addMeetingWithFiles>>
  const crawled = new Map<string, string>()
  let objectsValidated = 0
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    await importDocument(getDb(), testActor, protocol, { organisation: 'Exempelby kommun' })
    const store = createDiskDocumentStore(path.join(dir, dialect))
    files = await addMeetingWithFiles(getDb(), store)
    app = await createApp({
      db: getDb(),
      documents: store,
      logLevel: 'silent',
      now: () => new Date('2024-03-11T10:00:00Z'),
      publicUrl,
    })
  })
  after(() => app.close())

  const getJson = async (url: string) => {
    const response = await app.inject(url.replace(publicUrl, ''))
    return { response, body: JSON.parse(response.body) as Record<string, unknown> }
  }

  it('validates every object reached from the entry point against the OParl schema', async () => {
    const queue = [api]
    const timings: { url: string; ms: number }[] = []
    const seen = new Set(queue)
    while (queue.length > 0) {
      const url = queue.shift() as string
      const started = performance.now()
      const { response, body } = await getJson(url)
      timings.push({ url, ms: performance.now() - started })
      assert.equal(response.statusCode, 200, url)
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8', url)
      crawled.set(url, response.body)
      objectsValidated += validateDeep(body, url)
      const next = new Set<string>()
      apiUrls(body, next)
      for (const found of next)
        if (!seen.has(found)) {
          seen.add(found)
          queue.push(found)
        }
      assert.ok(seen.size < 5000, 'the crawl stays bounded')
    }
    const types = new Set(
      [...crawled.values()].flatMap((b) =>
        [...b.matchAll(/schema\.oparl\.org\/1\.1\/(\w+)/g)].map((m) => m[1]),
      ),
    )
    for (const type of [
      'System',
      'Body',
      'Organization',
      'Person',
      'Membership',
      'LegislativeTerm',
      'Meeting',
      'Location',
      'AgendaItem',
      'Paper',
      'Consultation',
      'File',
    ])
      assert.ok(types.has(type), `the crawl reaches a ${type}`)
    assert.ok(objectsValidated > 100, `validated ${objectsValidated} objects`)
    const average = (list: { ms: number }[]) => (list.reduce((n, t) => n + t.ms, 0) / list.length).toFixed(1)
    const lists = timings.filter((t) => /\/body\/\d+\/[\w-]+/.test(t.url))
    const pdfs = timings.filter((t) => t.url.endsWith('/file/protokoll.pdf'))
    console.log(
      `OParl crawl: ${crawled.size} URLs, ${objectsValidated} objects validated, ${types.size} types; ` +
        `${average(timings)} ms a request, ${average(lists)} ms a list page (${lists.length}), ` +
        `${average(pdfs)} ms a minutes PDF File rendered and measured (${pdfs.length})`,
    )
  })

  it('never shows a confidential item, §, matter or a personnummer anywhere in the crawl', () => {
    assert.ok(crawled.size > 0)
    for (const [url, body] of crawled) {
      assert.ok(!body.includes(secret), `${url} leaks the secret marker`)
      assert.doesNotMatch(body, personalIdentityNumber, url)
      assert.ok(!body.includes('"email"'), url)
    }
    const all = [...crawled.values()].join('\n')
    assert.ok(
      all.includes(confidentialItemTitle),
      'the confidential item keeps its number with a neutral title',
    )
    assert.ok(all.includes('[personnummer borttaget]'), 'the imported texts are masked')
  })

  it('shows the confidential item as not public and without a matter', async () => {
    const { body } = await getJson(`${api}/body/1/meeting`)
    assert.ok(body)
    const meetings = [...crawled.values()].flatMap((b) => {
      const parsed = JSON.parse(b) as { data?: Array<{ agendaItem?: Array<Record<string, unknown>> }> }
      return parsed.data ?? []
    })
    const items = meetings.flatMap((m) => m.agendaItem ?? [])
    const secretItem = items.find((i) => i.name === confidentialItemTitle)
    assert.ok(secretItem)
    assert.equal(secretItem.public, false)
    assert.equal(secretItem.consultation, undefined)
    assert.equal(secretItem.resolutionText, undefined)
  })

  it('answers 404 with an OParl error for an unknown object and for the confidential matter', async () => {
    // The secret matter itself: the public lookup by registry number never finds it.
    const matter = await getDb()
      .selectFrom('matter')
      .select('id')
      .where('registry_number', '=', voted.secretRegistryNumber)
      .executeTakeFirstOrThrow()
    assert.equal(await findMatterRowByRegistryNumber(getDb(), voted.secretRegistryNumber), undefined)
    const hiddenFiles = files.hidden.map((d) => `${api}/file/${d.id}`)
    for (const url of [
      ...hiddenFiles,
      `${api}/paper/${matter.id}`,
      `${api}/meeting/999999`,
      `${api}/nothing-here`,
      `${api}/paper/abc`,
    ]) {
      const { response, body } = await getJson(url)
      assert.equal(response.statusCode, 404, url)
      assert.equal(body.type, 'https://schema.oparl.org/1.1/Error')
      assert.equal(response.headers['access-control-allow-origin'], '*')
    }
    const publicMatter = await findMatterRowByRegistryNumber(getDb(), voted.registryNumber)
    assert.ok(publicMatter)
    const { response, body } = await getJson(`${api}/paper/${publicMatter.id}`)
    assert.equal(response.statusCode, 200)
    assert.equal(body.reference, voted.registryNumber)
  })

  it('pages meetings, which carry their agenda and minutes inline, by 20 unless asked; other lists by 50', async () => {
    const { body: bodies } = await getJson(`${api}/body`)
    const body = (bodies.data as Array<Record<string, string>>)[0]!
    const perPage = async (url: string) =>
      ((await getJson(url)).body.pagination as { elementsPerPage: number }).elementsPerPage
    assert.equal(await perPage(body.meeting!), 20)
    assert.equal(await perPage(`${body.meeting}?limit=100`), 100)
    assert.equal(await perPage(`${body.meeting}?limit=500`), 100, 'the ceiling holds')
    assert.equal(await perPage(body.paper!), 50)
    assert.equal(await perPage(body.person!), 50)
  })

  it('pages every body list consistently: next to the end gives totalElements distinct objects', async () => {
    const { body: bodies } = await getJson(`${api}/body`)
    for (const body of bodies.data as Array<Record<string, string>>) {
      for (const list of [
        'organization',
        'person',
        'meeting',
        'paper',
        'legislativeTermList',
        'agendaItem',
        'consultation',
        'file',
        'locationList',
        'membership',
      ] as const) {
        let url: string | undefined = `${body[list]}?limit=3`
        const ids = new Set<string>()
        let total = -1
        let pages = 0
        while (url) {
          const { response, body: page } = await getJson(url)
          assert.equal(response.statusCode, 200, url)
          const pagination = page.pagination as {
            totalElements: number
            totalPages: number
            elementsPerPage: number
          }
          const links = page.links as { next?: string; first: string; last: string }
          total = pagination.totalElements
          assert.equal(pagination.elementsPerPage, 3)
          for (const item of page.data as Array<{ id: string }>) ids.add(item.id)
          assert.ok(links.first.includes('limit=3'), 'links keep the limit')
          url = links.next
          pages++
          assert.ok(pages <= pagination.totalPages)
        }
        assert.equal(ids.size, total, `${body[list]}: walked ${ids.size} of ${total}`)
      }
    }
  })

  it('filters lists by modified_since and created_until, keeping the filter in the links', async () => {
    const { body: all } = await getJson(`${api}/body/1/meeting?limit=100`)
    const meetings = all.data as Array<{ modified: string }>
    assert.ok(meetings.length > 1)
    const since = [...meetings.map((m) => m.modified)].sort()[Math.floor(meetings.length / 2)] as string
    const { body: filtered } = await getJson(
      `${api}/body/1/meeting?limit=100&modified_since=${encodeURIComponent(since)}`,
    )
    const kept = filtered.data as Array<{ modified: string }>
    assert.ok(kept.length > 0 && kept.length <= meetings.length)
    for (const m of kept) assert.ok(m.modified >= since)
    assert.equal(kept.length, meetings.filter((m) => m.modified >= since).length)
    assert.match((filtered.links as { first: string }).first, /modified_since=/)
    const { body: none } = await getJson(
      `${api}/body/1/meeting?modified_since=2999-01-01T00%3A00%3A00%2B01%3A00`,
    )
    assert.equal((none.pagination as { totalElements: number }).totalElements, 0)
    const { body: early } = await getJson(`${api}/body/1/paper?created_until=2000-01-01T00%3A00%3A00Z`)
    assert.deepEqual(early.data, [])
    const { response: bad, body: error } = await getJson(`${api}/body/1/meeting?modified_since=yesterday`)
    assert.equal(bad.statusCode, 400)
    assert.equal(error.type, 'https://schema.oparl.org/1.1/Error')
  })

  it('sends CORS, JSON and an ETag, and 304 when the client has the current version', async () => {
    const first = await app.inject('/oparl/v1')
    assert.equal(first.headers['access-control-allow-origin'], '*')
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8')
    const etag = first.headers.etag
    assert.ok(etag)
    const again = await app.inject({ url: '/oparl/v1', headers: { 'if-none-match': String(etag) } })
    assert.equal(again.statusCode, 304)
    assert.equal(again.headers['access-control-allow-origin'], '*')
  })

  it('gives meetings their Stockholm time and files their public download address', async () => {
    const { body } = await getJson(`${api}/body/1/meeting?limit=100`)
    const meeting = (body.data as Array<Record<string, unknown>>).find((m) => typeof m.start === 'string')
    assert.ok(meeting)
    assert.match(String(meeting.start), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/)
    const downloads = [...crawled.values()].flatMap((b) =>
      [...b.matchAll(/"downloadUrl":"([^"]+)"/g)].map((m) => m[1] as string),
    )
    assert.ok(downloads.length > 0)
    for (const url of downloads) {
      const response = await app.inject(url.replace(publicUrl, ''))
      assert.equal(response.statusCode, 200, url)
    }
    const { body: file } = await getJson(`${api}/file/${files.publicDocument.id}`)
    assert.equal(file.sha512Checksum, files.publicDocument.sha512)
    assert.equal(file.size, files.publicDocument.sizeBytes)
    assert.equal(file.mimeType, 'application/pdf')
  })

  it('answers the System at /oparl/v1/system too, with the data licence and no placeholder product', async () => {
    const { body: entry } = await getJson(api)
    const { response, body: system } = await getJson(`${api}/system`)
    assert.equal(response.statusCode, 200)
    assert.deepEqual(system, entry)
    assert.equal(system.id, api)
    assert.equal(system.license, 'https://creativecommons.org/publicdomain/mark/1.0/')
    assert.equal(system.product, undefined)
    const { body } = await getJson(`${api}/body/1`)
    assert.equal(body.license, system.license)
  })

  it("gives each of the Body's 1.1 lists the same objects as those inline in meetings and papers", async () => {
    const { body: bodies } = await getJson(`${api}/body`)
    const listed = new Map<string, number>()
    const hidden = new Set(files.hidden.map((d) => `${api}/file/${d.id}`))
    for (const body of bodies.data as Array<Record<string, string>>) {
      const inline = new Map<string, string>()
      const collect = (value: unknown) => {
        if (Array.isArray(value)) for (const v of value) collect(v)
        else if (value && typeof value === 'object') {
          const record = value as Record<string, unknown>
          if (typeof record.type === 'string' && typeof record.id === 'string')
            inline.set(record.id, JSON.stringify(record))
          for (const v of Object.values(record)) collect(v)
        }
      }
      for (const list of ['meeting', 'paper'] as const) {
        const { body: page } = await getJson(`${body[list]}?limit=100`)
        collect(page.data)
      }
      for (const list of ['agendaItem', 'consultation', 'file', 'locationList'] as const) {
        const { body: page } = await getJson(`${body[list]}?limit=100`)
        const data = page.data as Array<{ id: string; type: string }>
        listed.set(list, (listed.get(list) ?? 0) + data.length)
        for (const object of data) {
          assert.ok(!hidden.has(object.id), object.id)
          validateDeep(object, String(body[list]))
          const seen = inline.get(object.id)
          assert.ok(seen, `${object.id} from ${list} also appears inline`)
          // A File standing alone carries its extracted text; inline it is left out to keep pages small.
          const { text: _text, ...alone } = object as Record<string, unknown>
          assert.deepEqual(alone, JSON.parse(seen), object.id)
        }
      }
    }
    for (const list of ['agendaItem', 'consultation', 'file', 'locationList'])
      assert.ok((listed.get(list) ?? 0) > 0, `${list} lists objects`)
  })

  it('names who attended as participant and gathers the agenda’s attachments on the meeting', async () => {
    const { body } = await getJson(`${api}/body/1/meeting?limit=100`)
    const meetings = body.data as Array<Record<string, unknown>>
    const attended = meetings.find((m) => Array.isArray(m['paragraf:attendance']))
    assert.ok(attended)
    const present = (attended['paragraf:attendance'] as Array<{ person?: string; present: boolean }>)
      .filter((a) => a.present && a.person)
      .map((a) => a.person)
    assert.ok(present.length > 0)
    assert.deepEqual(attended.participant, [...new Set(present)])
    for (const m of meetings.filter((m) => !m['paragraf:attendance'])) assert.equal(m.participant, undefined)
    const { body: file } = await getJson(`${api}/file/${files.publicDocument.id}`)
    const { body: meeting } = await getJson(String((file.meeting as string[])[0]))
    assert.deepEqual(
      (meeting.auxiliaryFile as Array<{ id: string }>).map((f) => f.id),
      [file.id],
      'the public attachment is on its meeting, the confidential ones are not',
    )
    assert.match(String(file.text), /Förvaltningen föreslår att taxorna höjs/)
  })

  it('leaves out the inline lists with omit_internal=true, and keeps the parameter in the links', async () => {
    const { body: full } = await getJson(`${api}/body/1/meeting?limit=100`)
    const { body: lean } = await getJson(`${api}/body/1/meeting?limit=100&omit_internal=true`)
    const fullMeetings = full.data as Array<Record<string, unknown>>
    const leanMeetings = lean.data as Array<Record<string, unknown>>
    assert.equal(leanMeetings.length, fullMeetings.length)
    assert.ok(fullMeetings.some((m) => Array.isArray(m.agendaItem) && m.agendaItem.length > 0))
    for (const m of leanMeetings) {
      assert.equal(m.agendaItem, undefined)
      assert.equal(m.auxiliaryFile, undefined)
      validateDeep(m, 'omit_internal')
    }
    assert.match((lean.links as { first: string }).first, /omit_internal=true/)
    const { body: persons } = await getJson(`${api}/body/1/person?omit_internal=true`)
    for (const p of persons.data as Array<Record<string, unknown>>) assert.equal(p.membership, undefined)
  })

  it('gives meetings their agenda as invitation and their signed-off minutes as resultsProtocol, PDF/A measured from its bytes', async () => {
    const { body } = await getJson(`${api}/body/1/meeting?limit=100`)
    const meetings = body.data as Array<Record<string, unknown>>
    for (const m of meetings) {
      const invitation = m.invitation as { mimeType: string; accessUrl: string }
      assert.equal(invitation.mimeType, 'application/json', String(m.id))
      assert.equal((await app.inject(invitation.accessUrl.replace(publicUrl, ''))).statusCode, 200)
      // The minutes are a file once a § is signed off (TF 2:10), as the roll call is.
      assert.equal(Boolean(m.resultsProtocol), Boolean(m['paragraf:attendance']), String(m.id))
    }
    const minuted = meetings.find((m) => m.resultsProtocol) as { resultsProtocol: { id: string } } | undefined
    assert.ok(minuted)
    const { response, body: pdf } = await getJson(String(minuted.resultsProtocol.id))
    assert.equal(response.statusCode, 200)
    validateDeep(pdf, 'resultsProtocol')
    assert.equal(pdf.mimeType, 'application/pdf')
    const download = await app.inject(String(pdf.downloadUrl).replace(publicUrl, ''))
    assert.equal(download.statusCode, 200)
    assert.equal(pdf.size, download.rawPayload.length)
    assert.equal(pdf.sha512Checksum, createHash('sha512').update(download.rawPayload).digest('hex'))
    const started = performance.now()
    const { body: again } = await getJson(String(minuted.resultsProtocol.id))
    assert.deepEqual(again, pdf)
    console.log(
      `OParl minutes PDF File: ${pdf.size} bytes; measured again from the cache in ${(performance.now() - started).toFixed(0)} ms`,
    )
    const { body: json } = await getJson(String(pdf.masterFile))
    assert.deepEqual(json.derivativeFile, [pdf.id])
    assert.equal((await app.inject(String(json.accessUrl).replace(publicUrl, ''))).statusCode, 200)
    // A meeting without signed-off minutes has no minutes file, and an unknown name is no file.
    const unminuted = meetings.find((m) => !m.resultsProtocol) as Record<string, string>
    assert.ok(unminuted)
    for (const url of [
      `${unminuted.id}/file/protokoll.pdf`,
      `${unminuted.id}/file/protokoll.json`,
      `${unminuted.id}/file/x.pdf`,
    ])
      assert.equal((await getJson(url)).response.statusCode, 404, url)
  })
})
