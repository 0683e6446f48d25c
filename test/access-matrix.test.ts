import assert from 'node:assert/strict'
import diagnostics from 'node:diagnostics_channel'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, it } from 'node:test'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { type Db, inTransaction } from '../src/db/database.ts'
import { demoAccounts, loadDemoData } from '../src/demo/load-demo.ts'
import { receiveAccessibilityFeedback } from '../src/domain/accessibility-feedback/accessibility-feedback.service.ts'
import { createUser, grantRole } from '../src/domain/account/account.service.ts'
import { registerDelegatedDecision } from '../src/domain/delegated-decision/delegated-decision.service.ts'
import { uploadDocument } from '../src/domain/document/document-upload.service.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { registerWebhook } from '../src/domain/webhook/webhook.service.ts'
import { createDiskDocumentStore } from '../src/storage/disk-document-store.ts'
import type { DocumentStore } from '../src/storage/document-store.ts'
import { createApp } from '../src/web/app.ts'
import { AdminClient } from './support/admin-client.ts'
import { describeOnEachDatabase } from './support/test-db.ts'

// Issue 11, "Access matrix": every route Fastify registers × every kind of user, each outcome
// asserted against the table below. The routes come from Fastify's onRoute hook, not from a list
// kept by hand, so a new route fails this test until it is given a class here.
//
// Outcomes:  ok      the route's access control let the request through (a page, a redirect after
//                    saving, or the domain's own answer to an empty form: 400, 409, 422)
//            login   303 to the login page (no session)
//            403     refused: the signed-in user may not do this
//            404     refused as if it did not exist (what the user may not see, they do not learn of)
//            public  the portal: exactly the status the public gets, whoever asks (a session never
//                    widens the public view; the workspace's cookies are scoped to /admin anyway)

const roles = [
  'public',
  'member',
  'registrar',
  'secretary',
  'signatory',
  'administrator',
  'otherSecretary',
] as const
type Role = (typeof roles)[number]
type Outcome = 'ok' | 'login' | 403 | 404 | 'public'

/** One row per class of route: what each role gets. */
type Row = Record<Role, Outcome>
const row = (o: Outcome, except: Partial<Row> = {}): Row => ({
  ...(Object.fromEntries(roles.map((r) => [r, o])) as Row),
  ...except,
})

// Columns:                                public   member  registrar secretary signatory admin  other secretary
const matrix = {
  /** The login form: for everyone. */
  signIn: row('ok'),
  /** The start page, one's own password, signing out: any signed-in user. */
  account: row('ok', { public: 'login' }),
  /** Organisation settings, accounts, the audit log, accessibility feedback: its administrators. */
  administration: row(403, { public: 'login', administrator: 'ok' }),
  /** Terms, parties and the register of people: the administrator and any secretary of the organisation. */
  register: row(403, { public: 'login', secretary: 'ok', administrator: 'ok', otherSecretary: 'ok' }),
  /** A committee's settings and memberships: its secretary and the administrator. */
  committee: row(403, { public: 'login', secretary: 'ok', administrator: 'ok' }),
  /** Meetings, agenda, notice, the minutes and their §§: the committee's secretary. */
  keepMinutes: row(403, { public: 'login', secretary: 'ok' }),
  /** A meeting's documents: the committee's secretary and registrar. */
  documents: row(403, { public: 'login', secretary: 'ok', registrar: 'ok' }),
  /** The signatory's view of the draft and signing: the appointed signatories and the secretary. */
  signing: row(403, { public: 'login', secretary: 'ok', signatory: 'ok' }),
  /** Signing with an e-legitimation: only an appointed signatory leaves for the broker (409 without one). */
  signWithElectronicId: row(403, { public: 'login', signatory: 'ok' }),
  /** Signing out: ends the session (checked) and goes to the login page, for everyone. */
  signOut: row('login'),
  /** Old addresses of the minutes: 308 for the signed-in, the login for the rest. */
  redirect: row('ok', { public: 'login' }),
  /** The portal, the OParl API, feeds, calendars, downloads and the open-data export: 200 (below). */
  portal: row('public', { public: 'ok' }),
  /** Subscriptions by e-mail: without mail settings (as here) the pages do not exist, for anyone. */
  withoutMail: row(404),
  /** A confidential document's file: 404 to everyone through the public address. */
  confidentialDownload: row(404),
} satisfies Record<string, Row>
type RouteClass = keyof typeof matrix

/** Which class a route is in, by its address; the first rule that matches wins. */
const classRules: [RegExp, RouteClass][] = [
  // The code after the password and the identity provider's way in and answer: before any session
  // (without a sign-in under way or a provider configured they answer 400 or 409).
  [/^(GET|POST) \/admin\/logga-in(\/kod|\/oidc(\/svar)?)?$/, 'signIn'],
  [/^POST \/admin\/logga-ut(-overallt)?$/, 'signOut'],
  [/^(GET|POST) \/admin(\/losenord)?$/, 'account'],
  // Choosing one's own password, one's own second factor (TOTP).
  [/^(GET|POST) \/admin\/(byt-losenord|tvastegsverifiering(\/stang-av)?)$/, 'account'],
  [/^(GET|POST) \/admin\/namnder\/:committee\/moten\/\*$/, 'redirect'],
  [/^(GET|POST) \/admin\/organisationer\/:organisation\/(mandatperioder|partier|personer)/, 'register'],
  [/^(GET|POST) \/admin\/(organisationer|anvandare|tillganglighet|logg)\b/, 'administration'],
  // The secretary records a paper sign-off; a signatory does not record their own.
  [/^(GET|POST) \/admin\/justera\/:signOffId\/papper$/, 'keepMinutes'],
  [/^GET \/admin\/justera\/:signOffId\/e-legitimation$/, 'signWithElectronicId'],
  // The broker's answer: any signed-in user; without a flow of their own it is refused (409).
  [/^GET \/admin\/justera\/e-legitimation\/svar$/, 'account'],
  [/^(GET|POST) \/admin\/justera\//, 'signing'],
  [/\/dagordning\/:item\/handlingar/, 'documents'],
  [
    /^(GET|POST) \/admin\/namnder\/:committee(\/installningar|\/ledamoter.*|\/ersattarordning|\/importera|\/personnummer)?$/,
    'committee',
  ],
  [/^(GET|POST) \/admin\/namnder\/:committee\/(sammantraden|delegationsbeslut)/, 'keepMinutes'],
  // (The page after sending and the unsubscribe form answer alike either way: they say nothing.)
  [/^(GET \/bevaka(\/bekrafta|\/avsluta)?|POST \/bevaka(\/bekrafta)?)$/, 'withoutMail'],
  [/^(GET|POST) \/(?!admin)/, 'portal'],
]

const classOf = (key: string): RouteClass | undefined => classRules.find(([re]) => re.test(key))?.[1]

interface Route {
  method: string
  url: string
}

const now = new Date('2026-11-22T10:00:00Z')
const password = 'ett-långt-lösenord-för-matrisen'

async function appWithRoutes(
  db: Db,
  documents: DocumentStore,
): Promise<{ app: FastifyInstance; routes: Route[] }> {
  const routes: Route[] = []
  const channel = diagnostics.channel('fastify.initialization')
  const collect = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance }
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routes.push({ method, url: route.url })
    })
  }
  channel.subscribe(collect)
  try {
    const app = await createApp({ db, documents, logLevel: 'silent', now: () => now })
    await app.ready()
    return { app, routes }
  } finally {
    channel.unsubscribe(collect)
  }
}

describeOnEachDatabase('the access matrix: every route × every role', (getDb) => {
  let app: FastifyInstance
  let routes: Route[]
  let values: Record<string, string>
  let storeDir: string
  let store: DocumentStore
  let confidential: { id: string }
  let idOf: (url: string) => string
  const accounts = {} as Record<Role, { email: string; password: string } | null>
  const checks: string[] = []

  async function client(role: Role): Promise<AdminClient> {
    const c = new AdminClient(app)
    const account = accounts[role]
    if (account) {
      const response = await c.signIn(account.email, account.password)
      assert.equal(response.statusCode, 303, `${role} could not sign in`)
      await c.get('/admin') // the CSRF token a page with a form gives
    }
    return c
  }

  before(async () => {
    const db = getDb()
    await loadDemoData(db, '2026-11-22')
    storeDir = mkdtempSync(join(tmpdir(), 'paragraf-access-matrix-'))
    store = createDiskDocumentStore(storeDir)
    ;({ app, routes } = await appWithRoutes(db, store))
    const actor = systemActor('access-matrix')
    const organisation = await db.selectFrom('organisation').select(['id', 'slug']).executeTakeFirstOrThrow()
    const committee = (slug: string) =>
      db.selectFrom('committee').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirstOrThrow()
    const social = await committee('socialnamnden')
    const board = await committee('kommunstyrelsen')
    const meeting = await db
      .selectFrom('meeting')
      .select('id')
      .where('slug', '=', 'mote-2022-12-14')
      .executeTakeFirstOrThrow()
    const minutes = await db
      .selectFrom('minutes')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirstOrThrow()
    const signatory = await db
      .selectFrom('signatory')
      .select('person_id')
      .where('minutes_id', '=', minutes.id)
      .orderBy('position')
      .executeTakeFirstOrThrow()
    const today = now.toISOString().slice(0, 10)
    const seat = await db
      .selectFrom('membership')
      .select(['id', 'person_id'])
      .where('committee_id', '=', social.id)
      .where('person_id', '!=', signatory.person_id)
      .where('starts_on', '<=', today)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .orderBy('id')
      .executeTakeFirstOrThrow()

    async function account(
      email: string,
      personId: number | null,
      grant?: { role: string; committeeId: number | null },
    ) {
      const user = await createUser(db, actor, { email, name: email.split('@')[0]!, password, personId })
      if (grant)
        await grantRole(db, actor, {
          userId: user.id,
          role: grant.role as 'secretary',
          organisationId: organisation.id,
          committeeId: grant.committeeId,
        })
      return user
    }
    await account('ledamot@example.se', seat.person_id)
    await account('registrator@example.se', null, { role: 'registrar', committeeId: social.id })
    await account('justerare@example.se', signatory.person_id)
    await account('ks-sekreterare@example.se', null, { role: 'secretary', committeeId: board.id })
    // An account the administrator's routes act on (deactivate, roles), so no real user is touched.
    const target = await account('malkonto@example.se', null, { role: 'registrar', committeeId: board.id })
    const targetGrant = await db
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', target.id)
      .executeTakeFirstOrThrow()
    accounts.public = null
    accounts.member = { email: 'ledamot@example.se', password }
    accounts.registrar = { email: 'registrator@example.se', password }
    accounts.secretary = demoAccounts.secretary
    accounts.signatory = { email: 'justerare@example.se', password }
    accounts.administrator = demoAccounts.administrator
    accounts.otherSecretary = { email: 'ks-sekreterare@example.se', password }

    // Two documents with files on the first item of the published agenda: one open, one
    // confidential (OSL), uploaded as a registrar would.
    const item = await db
      .selectFrom('agenda_item')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .executeTakeFirstOrThrow()
    const pdf = readFileSync(
      new URL('./fixtures/documents/kommunfullmaktige-2024-06-17.pdf', import.meta.url),
    )
    const upload = async (title: string, confidential: boolean) => {
      const document = await uploadDocument(db, store, actor, {
        organisationId: organisation.id,
        title,
        kind: 'bilaga',
        confidential,
        ...(confidential ? { confidentialityGround: 'OSL 26 kap. 1 §' } : {}),
        fileName: 'bilaga.pdf',
        mimeType: 'application/pdf',
        stream: Readable.from([pdf]),
        maxBytes: 1_000_000,
      })
      await db
        .insertInto('attachment')
        .values({ agenda_item_id: item.id, document_id: document.id, position: 100 + document.id })
        .execute()
      return document.id
    }
    const open = { itemId: item.id, documentId: await upload('Öppen bilaga', false) }
    const secret = { documentId: await upload('Sekretessbelagd bilaga', true) }
    const signOff = await db
      .selectFrom('sign_off')
      .select('id')
      .where('minutes_id', '=', minutes.id)
      .executeTakeFirstOrThrow()
    const person = await db
      .selectFrom('person')
      .select('slug')
      .where('id', '=', seat.person_id)
      .executeTakeFirstOrThrow()
    const party = await db.selectFrom('party').select('abbreviation').orderBy('id').executeTakeFirstOrThrow()
    const matter = await db
      .selectFrom('matter')
      .select('registry_number')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const itemOfMatter = await db
      .selectFrom('agenda_item')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .where('matter_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const dissent = await db.selectFrom('dissent').select('id').orderBy('id').executeTakeFirst()
    const feedback = await receiveAccessibilityFeedback(
      db,
      actor,
      { message: 'Knappen går inte att nå med tangentbordet.', page: '/' },
      now,
    )
    const decision = await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, actor, {
        committeeId: social.id,
        title: 'Beslut om bistånd',
        decisionMaker: 'Enhetschefen',
        delegationPoint: '3.1',
        decidedOn: '2026-11-01',
      }),
    )
    // Webhooks: one to remove, and a dead delivery of another to send again.
    const webhookToRemove = await inTransaction(db, (trx) =>
      registerWebhook(trx, actor, {
        organisationId: organisation.id,
        url: 'https://mottagare.example.se/a',
      }),
    )
    const webhookWithDead = await inTransaction(db, (trx) =>
      registerWebhook(trx, actor, {
        organisationId: organisation.id,
        url: 'https://mottagare.example.se/b',
      }),
    )
    const deadDelivery = await db
      .insertInto('webhook_delivery')
      .values({ webhook_id: webhookWithDead.webhook.id, seq: 1, body: '{}', state: 'dead' })
      .returning('id')
      .executeTakeFirstOrThrow()
    values = {
      organisation: organisation.slug,
      committee: social.slug,
      meetingId: String(meeting.id),
      meeting: 'mote-2022-12-14',
      item: String(open.itemId),
      action: 'upp',
      document: String(open.documentId),
      number: '10',
      dissentId: String(dissent?.id ?? 1),
      signOffId: String(signOff.id),
      membership: String(seat.id),
      user: String(target.id),
      grant: String(targetGrant.id),
      type: 'meeting',
      registryNumber: matter.registry_number,
      person: person.slug,
      party: party.abbreviation,
      // A meeting's generated files in OParl (agenda and minutes as JSON, the PDF/A).
      name: 'protokoll.json',
    }
    confidential = { id: String(secret.documentId) }
    // :id is a different thing on each route.
    idOf = (url) => {
      if (url.startsWith('/admin/tillganglighet')) return String(feedback!.id)
      if (url.includes('/delegationsbeslut/')) return String(decision.id)
      if (url.startsWith('/handlingar/') || url.startsWith('/oparl/v1/file/')) return String(open.documentId)
      if (url.startsWith('/oparl/v1/consultation/')) return String(itemOfMatter.id)
      if (url.startsWith('/oparl/v1/body/')) return String(organisation.id)
      if (url.startsWith('/oparl/v1/meeting/')) return String(meeting.id)
      if (url.startsWith('/admin/logg/')) return String(meeting.id)
      if (url.endsWith('/webhooks/:id/ta-bort')) return String(webhookToRemove.webhook.id)
      if (url.endsWith('/webhooks/leveranser/:id/skicka-igen')) return String(deadDelivery.id)
      return '1'
    }
  })
  after(async () => {
    await app.close()
    rmSync(storeDir, { recursive: true, force: true })
  })

  function addressOf(url: string, id = idOf(url)): string {
    return url
      .replace(/:(\w+)/g, (_, name: string) => {
        if (name === 'id') return id
        if (name === 'filename') return 'x' // answered with a 301 to the document's own name
        const value = values[name]
        assert.ok(value, `the matrix has no value for :${name} in ${url}: add one`)
        return encodeURIComponent(value)
      })
      .replace(/\*$/, `${values.meeting}/protokoll`)
  }

  /** An empty form, but for a form that names what it acts on in a field rather than the address. */
  const formOf = (key: string): Record<string, string> =>
    key.endsWith('/delegationsbeslut/anmal') ? { meetingId: values.meetingId! } : {}

  function outcomeOf(response: LightMyRequestResponse): Outcome | number {
    const location = String(response.headers.location ?? '')
    if (response.statusCode === 303 && location.startsWith('/admin/logga-in')) return 'login'
    if (response.statusCode === 403 || response.statusCode === 404) return response.statusCode
    if (response.statusCode >= 500) return response.statusCode
    return 'ok'
  }

  it('gives every route and role the outcome of its class', async () => {
    const unclassified = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !classOf(key))
    assert.deepEqual(unclassified, [], 'routes with no class in the access matrix: give each one')

    // Every route once with its class, and the download route again with the confidential document.
    const download = 'GET /handlingar/:id/:filename'
    const cases: { key: string; route: Route; cls: RouteClass; address: string }[] = routes.map((route) => {
      const key = `${route.method} ${route.url}`
      return { key, route, cls: classOf(key)!, address: addressOf(route.url) }
    })
    cases.push({
      key: `${download} (confidential)`,
      route: { method: 'GET', url: '/handlingar/:id/:filename' },
      cls: 'confidentialDownload',
      address: addressOf('/handlingar/:id/:filename', confidential.id),
    })
    cases.push({
      key: 'GET /oparl/v1/file/:id (confidential)',
      route: { method: 'GET', url: '/oparl/v1/file/:id' },
      cls: 'confidentialDownload',
      address: addressOf('/oparl/v1/file/:id', confidential.id),
    })
    // Signing out ends the client's session: those go last, each with a fresh sign-in.
    cases.sort((a, b) => Number(a.cls === 'signOut') - Number(b.cls === 'signOut'))
    assert.ok(cases.some((c) => c.key === download))

    const wrong: string[] = []
    const anonymous = new AdminClient(app)
    for (const role of roles) {
      const signedIn = await client(role)
      for (const { key, route, cls, address } of cases) {
        const by = cls === 'signOut' ? await client(role) : signedIn
        const response = route.method === 'GET' ? await by.get(address) : await by.post(address, formOf(key))
        const want = matrix[cls][role]
        let got: Outcome | number = outcomeOf(response)
        if (want === 'public') {
          // The portal answers a signed-in user exactly as it answers the public at that moment
          // (an earlier role's write may have changed it since), byte for byte.
          const seen =
            route.method === 'GET' ? await anonymous.get(address) : await anonymous.post(address, {})
          got =
            seen.statusCode === response.statusCode && seen.body === response.body
              ? 'public'
              : response.statusCode
        }
        if (cls === 'signOut' && role !== 'public') {
          const after = await by.get('/admin')
          if (outcomeOf(after) !== 'login') got = 'signed in still' as never
        }
        checks.push(`${key} ${role}`)
        if (got !== want) wrong.push(`${role} ${cls} ${key} → ${got} (${response.statusCode}), want ${want}`)
      }
    }
    assert.deepEqual(wrong, [])
    // The figure in docs/reliability.md ("Access matrix").
    console.log(`access matrix: ${cases.length} routes × ${roles.length} roles = ${checks.length} checks`)
    assert.equal(checks.length, cases.length * roles.length)
  })
})
