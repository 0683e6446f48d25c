import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInPerson } from '../../../../test/support/admin-users.ts'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../../test/support/factories.ts'
import { signInAtProvider, startOidcTestProvider } from '../../../../test/support/oidc-browser.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { appointSignatories } from '../../../domain/minutes/minutes.service.ts'
import { setPersonIdentityNumber } from '../../../domain/sign-off/oidc-signature.service.ts'
import { prepareSignOff } from '../../../domain/sign-off/sign-off.service.ts'
import { identityNumberMatches } from '../../../domain/sign-off/signing-method.ts'
import { createApp } from '../../app.ts'
import { paths } from '../../paths.ts'
import { oidcCallbackPath } from './sign-off-oidc.routes.tsx'

// Signing with an e-legitimation end to end against a real OpenID Connect provider (the
// oidc-provider package) started as its own process on 127.0.0.1: the test is the browser,
// following the redirects with fetch and signing in at the provider's login form.

const publicUrl = 'http://localhost:3000'
const redirectUri = `${publicUrl}${oidcCallbackPath}`
const chairNumber = '198112189876'
const memberNumber = '197001011234'

let broker: ChildProcess
let issuer: string

before(async () => {
  ;({ issuer, process: broker } = await startOidcTestProvider(redirectUri))
})
after(() => {
  broker.kill('SIGTERM')
})

const brokerSettings = () => ({
  issuer,
  clientId: 'paragraf',
  clientSecret: 'testhemlighet',
  providerName: 'BankID via Testbroker',
  identityClaim: 'personal_identity_number',
})

describeOnEachDatabase('signing with an e-legitimation through a real OIDC provider', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let chair: AdminClient
  let member: AdminClient
  let chairId: number
  let signOffId: number

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db, { settings: { signingMethod: 'oidc' } })
    const [chairPerson, memberPerson] = await addTestMembers(db, committee, 2)
    chairId = chairPerson!.id
    const created = await createTestMinutes(db, committee)
    meeting = created.meeting
    await addTestSection(db, created.minutes, { title: 'Budget 2023', decision: ['Budgeten antas.'] })
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: created.minutes.id,
        personIds: [chairPerson!.id, memberPerson!.id],
      }),
    )
    await setPersonIdentityNumber(db, testActor, chairPerson!.id, chairNumber)
    await setPersonIdentityNumber(db, testActor, memberPerson!.id, memberNumber)
    signOffId = (
      await inTransaction(db, (trx) =>
        prepareSignOff(trx, testActor, { minutesId: created.minutes.id, sectionNumbers: [1] }),
      )
    ).id
    app = await createApp({
      db,
      logLevel: 'silent',
      publicUrl,
      now: () => new Date('2022-12-19T10:00:00Z'),
      signingOidc: brokerSettings(),
    })
    chair = await signedInPerson(app, db, chairPerson!, 'ordf-eid@example.se')
    member = await signedInPerson(app, db, memberPerson!, 'ledamot-eid@example.se')
  })
  after(() => app.close())

  /**
   * The signatory starts at Paragraf, signs in at the broker as `login` and comes back, to `server`
   * when given: another app server on the same database, as behind a load balancer.
   */
  const signAs = async (client: AdminClient, login: string, server?: FastifyInstance) => {
    const start = await client.get(`/admin/justera/${signOffId}/e-legitimation`)
    assert.equal(start.statusCode, 303)
    const authorization = new URL(start.headers.location as string)
    assert.equal(authorization.origin, issuer)
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256')
    assert.ok(authorization.searchParams.get('state') && authorization.searchParams.get('nonce'))
    const back = await signInAtProvider(authorization.href, login, redirectUri)
    if (!server) return client.get(`${back.pathname}${back.search}`)
    // Two apps in one process would share a module's memory: what another server can read is what
    // the database holds.
    const state = authorization.searchParams.get('state') as string
    assert.ok(
      await getDb().selectFrom('signing_flow').select('state').where('state', '=', state).executeTakeFirst(),
    )
    const elsewhere = new AdminClient(server)
    for (const [name, value] of client.cookies) elsewhere.cookies.set(name, value)
    return elsewhere.get(`${back.pathname}${back.search}`)
  }
  const signatures = () =>
    getDb().selectFrom('signature').selectAll().where('sign_off_id', '=', signOffId).execute()

  it('signs when the e-legitimation is the appointed person’s, keeping the claims with the number hashed', async () => {
    const page = await chair.get(`/admin/justera/${signOffId}`)
    assert.match(page.body, new RegExp(`href="/admin/justera/${signOffId}/e-legitimation"`))
    assert.doesNotMatch(page.body, /name="password"/)
    const done = await signAs(chair, chairNumber)
    assert.equal(done.statusCode, 303, text(done.body))
    const [signature] = await signatures()
    assert.equal(signature?.method, 'oidc')
    assert.equal(signature?.person_id, chairId)
    assert.doesNotMatch(signature?.evidence ?? '', new RegExp(chairNumber))
    const evidence = JSON.parse(signature?.evidence ?? '{}')
    assert.equal(evidence.issuer, issuer)
    assert.equal(evidence.provider, 'BankID via Testbroker')
    assert.ok(identityNumberMatches(evidence.claims.personal_identity_number, chairNumber))
    assert.ok(identityNumberMatches(evidence.claims.sub, chairNumber))
    assert.match(evidence.authenticatedAt, /^\d{4}-\d\d-\d\dT/)
  })

  it('refuses an e-legitimation that is someone else’s than the appointed signatory’s', async () => {
    const refused = await signAs(member, chairNumber)
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /E-legitimationen tillhör inte den utsedda justeraren/)
    assert.equal((await signatures()).length, 1)
  })

  it('refuses an answer it did not ask for, then signs off with the last signatory, answered on another app server, and says so publicly', async () => {
    const forged = await member.get(`${oidcCallbackPath}?code=abc&state=inte-var`)
    assert.equal(forged.statusCode, 409)
    const otherServer = await createApp({
      db: getDb(),
      logLevel: 'silent',
      publicUrl,
      now: () => new Date('2022-12-19T10:00:00Z'),
      signingOidc: brokerSettings(),
    })
    after(() => otherServer.close())
    const done = await signAs(member, memberNumber, otherServer)
    assert.equal(done.statusCode, 303, text(done.body))
    const signOff = await getDb()
      .selectFrom('sign_off')
      .selectAll()
      .where('id', '=', signOffId)
      .executeTakeFirstOrThrow()
    assert.equal(signOff.status, 'signed_off')
    assert.ok(
      await getDb()
        .selectFrom('record_seal')
        .selectAll()
        .where('sign_off_id', '=', signOffId)
        .executeTakeFirst(),
    )
    const published = await app.inject(paths.minutes(committee.slug, meeting.slug))
    assert.match(text(published.body), /Justerat med e-legitimation \(BankID via Testbroker\)/)
  })
})
