import assert from 'node:assert/strict'
import diagnostics from 'node:diagnostics_channel'
import { readFileSync } from 'node:fs'
import { after, before, it } from 'node:test'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Db } from '../src/db/database.ts'
import { demoAccounts, loadDemoData } from '../src/demo/load-demo.ts'
import { getAgenda } from '../src/domain/agenda/agenda.service.ts'
import { getMeeting } from '../src/domain/meeting/meeting.service.ts'
import { readMinutesRecord } from '../src/domain/minutes/minutes-record.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { listSeals } from '../src/domain/sign-off/record-seal.repository.ts'
import { importDocument } from '../src/import/import-document.ts'
import { parseDocument } from '../src/import/parse-document.ts'
import { createApp } from '../src/web/app.ts'
import { paths } from '../src/web/paths.ts'
import type { AdminClient } from './support/admin-client.ts'
import { signedInDemoAccount } from './support/admin-users.ts'
import { pageText } from './support/page-text.ts'
import { describeOnEachDatabase } from './support/test-db.ts'

// Issue 11, defect 2: a signed-off record changes only by a recorded, public rectification. This
// walks every write route of the workspace, found by asking Fastify for the routes it registers
// (not by a list kept by hand), against the demo's minutes of 2022-12-14, signed off in full
// (§§ 18–19 at the meeting, §§ 1–17 on 2022-12-19), and expects each to be refused with the
// record, public and internal, exactly as it was. A new write route fails this test until it is
// either refused on signed-off minutes or listed below with the reason it may act on them.

const committee = 'socialnamnden'
const meetingSlug = 'mote-2022-12-14'

/**
 * Routes that legitimately act on signed-off minutes: they add to the record openly and never
 * rewrite what was signed off.
 */
const actsOnSignedOffMinutes = new Map([
  // The rectification (rättelse, FL 36 §): the one way to correct a signed-off §, shown beside it.
  ['POST /admin/namnder/:committee/sammantraden/:meeting/protokoll/paragrafer/:number/rattelse', 'rättelse'],
  // An appeal received (laglighetsprövning, KL 13:5) is registered against the signed-off §.
  [
    'POST /admin/namnder/:committee/sammantraden/:meeting/protokoll/paragrafer/:number/overklagande',
    'appeal',
  ],
  // Merging two register entries for one person (a name spelt two ways) addresses the register,
  // not a meeting; mergePersons refuses it when the person merged away is named in signed-off
  // minutes, since the protocol would then print another name (person-merge.service.test.ts).
  ['POST /admin/organisationer/:organisation/personer/sla-ihop', 'person merge'],
])

/** Write routes that address no meeting, minutes or §: they cannot touch a protocol. */
const addressesNoMinutes = new Set([
  'POST /admin/logga-in',
  'POST /admin/logga-ut',
  'POST /admin/logga-ut-overallt',
  'POST /admin/losenord',
  'POST /admin/organisationer/:organisation/installningar',
  'POST /admin/organisationer/:organisation/ny-namnd',
  'POST /admin/organisationer/:organisation/mandatperioder',
  'POST /admin/organisationer/:organisation/partier',
  'POST /admin/organisationer/:organisation/personer',
  'POST /admin/organisationer/:organisation/anvandare',
  'POST /admin/organisationer/:organisation/anvandare/:user/roller',
  'POST /admin/organisationer/:organisation/anvandare/:user/roller/:grant/ta-bort',
  'POST /admin/organisationer/:organisation/anvandare/:user/person',
  'POST /admin/organisationer/:organisation/anvandare/:user/inaktivera',
  'POST /admin/organisationer/:organisation/anvandare/:user/aktivera',
  'POST /admin/organisationer/:organisation/anvandare/:user/nytt-losenord',
  'POST /admin/namnder/:committee/installningar',
  'POST /admin/namnder/:committee/importera',
  'POST /admin/namnder/:committee/ledamoter',
  'POST /admin/namnder/:committee/ledamoter/:membership/avsluta',
  'POST /admin/namnder/:committee/ersattarordning',
  'POST /admin/namnder/:committee/personnummer',
  // Schedules new meetings; the signed-off one is not addressed.
  'POST /admin/namnder/:committee/sammantraden',
  'POST /admin/namnder/:committee/sammantraden/serie',
  'POST /admin/namnder/:committee/delegationsbeslut',
  'POST /admin/namnder/:committee/delegationsbeslut/:id/anslag',
  'POST /admin/tillganglighet/:id/hanterad',
  // Signing in with a second factor, changing a handed-out password, the organisation's sign-in rules.
  'POST /admin/logga-in/kod',
  'POST /admin/tvastegsverifiering',
  'POST /admin/tvastegsverifiering/stang-av',
  'POST /admin/organisationer/:organisation/anvandare/:user/tvastegsverifiering/aterstall',
  'POST /admin/organisationer/:organisation/inloggning',
  'POST /admin/byt-losenord',
  // Webhooks deliver the public change log; registering one changes no record.
  'POST /admin/organisationer/:organisation/webhooks',
  'POST /admin/organisationer/:organisation/webhooks/:id/ta-bort',
  'POST /admin/organisationer/:organisation/webhooks/leveranser/:id/skicka-igen',
])

/** Write routes that name the meeting in the form rather than the address: walked with it. */
const meetingInForm = new Set(['POST /admin/namnder/:committee/delegationsbeslut/anmal'])

/** Old addresses of the minutes, answered with a 308 to the routes walked here; they write nothing. */
const redirectsOnly = new Set(['POST /admin/namnder/:committee/moten/*'])

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

interface Route {
  method: string
  url: string
}

/** Creates the app and collects every route it registers, as Fastify announces them. */
async function appWithRoutes(db: Db): Promise<{ app: FastifyInstance; routes: Route[] }> {
  const routes: Route[] = []
  const channel = diagnostics.channel('fastify.initialization')
  const collect = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance }
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url })
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

describeOnEachDatabase('a signed-off record changes only by a rectification', (getDb) => {
  let app: FastifyInstance
  let routes: Route[]
  let secretary: AdminClient
  let meetingId: number
  let values: Record<string, string[]>
  let people: { serving: number[]; all: number[]; dissentId: number | undefined }

  /** Everything the minutes hold, public and not, and the meeting and agenda they belong to. */
  async function record() {
    const db = getDb()
    const json = await app.inject(paths.minutesJson(committee, meetingSlug))
    assert.equal(json.statusCode, 200)
    return {
      json: json.body,
      record: JSON.stringify(await readMinutesRecord(db, meetingId)),
      meeting: JSON.stringify(await getMeeting(db, meetingId)),
      agenda: JSON.stringify(await getAgenda(db, meetingId)),
    }
  }

  async function publicCopies() {
    const page = await app.inject(paths.minutes(committee, meetingSlug))
    const pdf = await app.inject(paths.minutesPdf(committee, meetingSlug))
    assert.equal(pdf.statusCode, 200)
    return { page: page.body, pdf: pdf.rawPayload.toString('base64') }
  }

  before(async () => {
    const db = getDb()
    await loadDemoData(db, '2026-11-22')
    ;({ app, routes } = await appWithRoutes(db))
    secretary = await signedInDemoAccount(app, 'secretary')
    const meeting = await db
      .selectFrom('meeting')
      .select('id')
      .where('slug', '=', meetingSlug)
      .executeTakeFirstOrThrow()
    meetingId = meeting.id
    const minutes = (await readMinutesRecord(db, meetingId))!
    const ten = minutes.sections.find((s) => s.section.number === 10)!
    people = {
      serving: ten.services.map((s) => s.personId),
      all: minutes.attendance.map((a) => a.personId),
      dissentId: ten.dissents[0]?.id,
    }
    const agenda = await getAgenda(db, meetingId)
    const documents = await db
      .selectFrom('attachment')
      .select('document_id as id')
      .where(
        'agenda_item_id',
        'in',
        agenda.map((e) => e.item.id),
      )
      .execute()
    const signOffs = await db
      .selectFrom('sign_off')
      .select('id')
      .where('minutes_id', '=', minutes.minutes.id)
      .execute()
    values = {
      committee: [committee],
      meeting: [meetingSlug],
      // § 10 (motions, votes, a dissent; signed off on 2022-12-19) and § 18 (signed off at the meeting).
      number: ['10', '18'],
      item: [String(agenda[0]!.item.id)],
      document: documents.length > 0 ? documents.map((d) => String(d.id)) : ['1'],
      action: ['upp', 'ned', 'kommer-senare', 'utgar'],
      dissentId: [String(people.dissentId ?? 1)],
      signOffId: signOffs.map((s) => String(s.id)),
    }
  })
  after(() => app.close())

  /** Every address of a route, with each value of its parameters. */
  function addressesOf(url: string): string[] {
    const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string)
    let addresses = [url]
    for (const name of names) {
      const options = values[name]
      assert.ok(options, `the walk has no value for :${name} in ${url}: add one`)
      addresses = addresses.flatMap((a) => options.map((v) => a.replace(`:${name}`, encodeURIComponent(v))))
    }
    return addresses.map((a) => a.replace(/\*$/, `${meetingSlug}/protokoll/narvaro`))
  }

  /** A form that would change the record if it were taken: every field a minutes form reads. */
  function formFor(): Record<string, string> {
    const [first, second] = people.serving
    return {
      // The roll call: left empty, everyone is present and no substitute serves.
      title: 'Ändrad rubrik',
      summary: 'Ändrad text',
      decision: 'Ändrat beslut',
      decisionProcedure: 'Ändrad beslutsordning',
      outcome: 'decided',
      confidential: 'ja',
      version: '1',
      time: '23:59',
      text: 'Ändrad text',
      kind: 'protokollsanteckning',
      question: 'Ny fråga',
      'antal-yes': '7',
      'antal-no': '6',
      'antal-abstain': '0',
      personId: String(first),
      reason: 'Jäv',
      [`forslagsstallare-${first}`]: 'ja',
      [`reservant-${second}`]: 'ja',
      anmaldFore: 'ja',
      'justerare-0': String(people.all.at(-1)),
      'justerare-1': String(people.all.at(-2)),
      signOffPlace: 'Annan plats',
      signOffPlannedOn: '2022-12-20',
      atgard: 'omedelbar',
      'p-1': 'ja',
      'p-18': 'ja',
      password: demoAccounts.secretary.password,
      meetingId: String(meetingId),
      lateReason: 'Sent',
      meetsOn: '2022-12-15',
    }
  }

  async function send(method: string, address: string, key: string): Promise<LightMyRequestResponse> {
    assert.equal(method, 'POST', `${key}: the walk sends POST only; teach it ${method}`)
    await secretary.get('/admin') // a fresh CSRF token, as a page with a form gives
    if (/\/handlingar($|\/)/.test(address)) {
      return secretary.postFile(
        address,
        { documentTitle: 'Ny handling', ...formFor() },
        {
          fileName: 'bilaga.txt',
          contentType: 'text/plain',
          bytes: new TextEncoder().encode('En bilaga.'),
        },
      )
    }
    return secretary.post(address, formFor())
  }

  it('finds the workspace’s write routes by asking Fastify, the roll call among them', () => {
    const writes = routes.filter((r) => writeMethods.has(r.method) && r.url.startsWith('/admin'))
    assert.ok(writes.length > 30, `only ${writes.length} write routes found`)
    assert.ok(
      writes.some((r) => r.url === '/admin/namnder/:committee/sammantraden/:meeting/protokoll/narvaro'),
    )
  })

  it('refuses every write route that addresses the signed-off minutes, and the record stays as it was', async () => {
    const start = await record()
    const published = await publicCopies()
    const walked: string[] = []
    const unclassified: string[] = []
    for (const route of routes) {
      if (!writeMethods.has(route.method) || !route.url.startsWith('/admin')) continue
      const key = `${route.method} ${route.url}`
      if (actsOnSignedOffMinutes.has(key) || addressesNoMinutes.has(key)) continue
      const addressesMinutes = /:meeting\b|:signOffId\b/.test(route.url) || meetingInForm.has(key)
      if (!addressesMinutes && !redirectsOnly.has(key)) {
        unclassified.push(key)
        continue
      }
      for (const address of addressesOf(route.url)) {
        const response = await send(route.method, address, key)
        const where = `${route.method} ${address} answered ${response.statusCode}`
        if (redirectsOnly.has(key)) assert.equal(response.statusCode, 308, where)
        else {
          assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${where}: not refused`)
          // The clerk reads why: the § is justerad and a rättelse is the way. (Asking to sign off
          // again is refused as such: every § is in a sign-off already.)
          if (
            address.includes('/protokoll/') &&
            !address.endsWith('/justering') &&
            response.statusCode !== 404
          )
            assert.match(
              pageText(response.body),
              /ändras bara genom en rättelse/,
              `${where}: does not say that the § is justerad`,
            )
        }
        assert.deepEqual(await record(), start, `${where}: the signed-off record changed`)
        walked.push(key)
      }
    }
    assert.deepEqual(unclassified, [], 'write routes neither walked nor listed with a reason')
    // The public page and the archival PDF/A are the same bytes as before the walk.
    assert.deepEqual(await publicCopies(), published)
    assert.ok(walked.includes('POST /admin/namnder/:committee/sammantraden/:meeting/protokoll/narvaro'))
    assert.ok(new Set(walked).size >= 20, `only ${new Set(walked).size} routes walked`)
  })

  it('leaves the signed-off minutes as they are when their protocol is imported again', async () => {
    const start = await record()
    const file = '002_02371675939a916f.txt' // the demo's protocol of 2022-12-14
    const bytes = readFileSync(new URL(`./fixtures/documents/${file}`, import.meta.url))
    const outcome = await parseDocument({ bytes, fileName: file })
    assert.ok(outcome.ok)
    const summary = await importDocument(getDb(), systemActor('test'), outcome.document, {
      organisation: 'Stockholms stad',
    })
    assert.deepEqual(summary.created, {})
    assert.equal(summary.changed, false)
    assert.deepEqual(await record(), start)
  })

  it('shows the seal of each sign-off on the public minutes page', async () => {
    const seals = await listSeals(getDb())
    const page = pageText((await app.inject(paths.minutes(committee, meetingSlug))).body)
    assert.equal(seals.length, 2)
    for (const seal of seals)
      assert.match(page, new RegExp(`Kontrollsumma för det justerade \\(SHA-256\\): ${seal.hash}`))
  })
})
