import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInSecretary } from '../../../../test/support/admin-users.ts'
import { createTestMinutes, testActor } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { createUser } from '../../../domain/account/account.service.ts'
import { findCommitteeBySlug } from '../../../domain/committee/committee.reads.ts'
import { createApp } from '../../app.ts'
import { paths } from '../../paths.ts'

const password = 'ett-långt-lösenord-2023'

// Kulturnämnden's §§ 1–3 were signed off and announced on 2023-03-20; today is 2023-04-03.
describeOnEachDatabase('rectification and appeals of a signed-off §', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  let secretary: AdminClient
  let base: string

  before(async () => {
    const db = getDb()
    voted = await addVotedMeeting(db)
    const committee = (await findCommitteeBySlug(db, voted.committeeSlug))!
    // A later meeting whose minutes are not signed off: its deadline is 2023-04-13 (KL 5:69).
    await createTestMinutes(db, committee, { meetsOn: '2023-03-30' })
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2023-04-03T10:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr-kn@example.se')
    base = `/admin/namnder/${voted.committeeSlug}/sammantraden/${voted.meetingSlug}/protokoll/paragrafer/1`
  })
  after(() => app.close())

  it('gives the secretary the extract of the confidential §, in full and marked secret, and nobody else', async () => {
    const url = base.replace(/1$/, '2/utdrag')
    const extract = await secretary.get(url)
    assert.equal(extract.statusCode, 200)
    const page = text(extract.body)
    assert.match(page, /Protokollsutdrag/)
    assert.match(page, /Sekretess: paragrafen omfattas av sekretess/)
    assert.match(page, new RegExp(`Placering av barn ${secret}`))
    assert.match(page, new RegExp(`Reservation ${secret}`))
    assert.match(page, /Utdraget överensstämmer med originalprotokollet/)
    const visitor = await app.inject(url)
    assert.notEqual(visitor.statusCode, 200)
    assert.doesNotMatch(visitor.body, new RegExp(secret))
    assert.equal((await secretary.get(base.replace(/1$/, '99/utdrag'))).statusCode, 404)
  })

  it('shows a signed-off § read-only, with the way to a rectification instead of the forms', async () => {
    const page = await secretary.get(base)
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(
      page.body,
      /Spara paragrafen|Anteckna yrkandet|Anteckna omröstningen|Anteckna reservationen/,
    )
    assert.match(text(page.body), /§ 1 är justerad och kan inte längre ändras här/)
    assert.match(
      page.body,
      new RegExp(`<a href="${base}/efter-justering">Rättelse och överklagande av § 1</a>`),
    )
    assert.match(text(page.body), /Beslut/)
  })

  it('refuses a rectification without a reason, beside the field, keeping the corrected text', async () => {
    await secretary.get(`${base}/efter-justering`)
    const refused = await secretary.post(`${base}/rattelse`, {
      version: '999',
      reason: '',
      title: 'Bidrag till studieförbund år 2023',
      decision: 'Kulturnämnden fördelar bidragen enligt förvaltningens förslag.',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(
      text(refused.body),
      /Vad var fel och varför rättas det: Skriv vad som var fel och varför det rättas/,
    )
    assert.match(refused.body, /aria-invalid="true"/)
    assert.match(refused.body, /value="Bidrag till studieförbund år 2023"/)
  })

  it('rectifies the § openly with the version read, and the portal shows the correction', async () => {
    const page = await secretary.get(`${base}/efter-justering`)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Justerad 20 mars 2023/)
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
    assert.ok(version)
    const saved = await secretary.post(`${base}/rattelse`, {
      version,
      reason: 'Skrivfel i beslutet: beloppet saknades.',
      title: 'Bidrag till studieförbund 2023',
      decision: 'Kulturnämnden fördelar 120 000 kronor enligt förvaltningens förslag.',
    })
    assert.equal(saved.statusCode, 303)
    assert.match(text((await secretary.get(`${base}/efter-justering`)).body), /Skrivfel i beslutet/)
    const minutes = text((await app.inject(paths.minutes(voted.committeeSlug, voted.meetingSlug))).body)
    assert.match(minutes, /Kulturnämnden fördelar 120 000 kronor/)
    assert.match(minutes, /Skrivfel i beslutet/)
  })

  it('refuses an appeal with a date not written as YYYY-MM-DD, and keeps what was typed', async () => {
    await secretary.get(`${base}/efter-justering`)
    const refused = await secretary.post(`${base}/overklagande`, {
      receivedOn: '5 april',
      court: 'Förvaltningsrätten i Göteborg',
      caseNumber: '1234-23',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Överklagandet kom in: Skriv datumet som ÅÅÅÅ-MM-DD/)
    assert.match(refused.body, /value="Förvaltningsrätten i Göteborg"/)
  })

  it('registers an appeal, so the public § is shown as appealed', async () => {
    await secretary.get(`${base}/efter-justering`)
    const saved = await secretary.post(`${base}/overklagande`, {
      receivedOn: '2023-04-03',
      court: 'Förvaltningsrätten i Göteborg',
      caseNumber: '1234-23',
    })
    assert.equal(saved.statusCode, 303)
    const minutes = text((await app.inject(paths.minutes(voted.committeeSlug, voted.meetingSlug))).body)
    assert.match(minutes, /Överklagat/)
  })

  it('is the secretary’s: a user without the role is refused', async () => {
    await createUser(getDb(), testActor, { email: 'annan-kn@example.se', name: 'Annan', password })
    const other = new AdminClient(app)
    await other.signIn('annan-kn@example.se', password)
    assert.equal((await other.get(`${base}/efter-justering`)).statusCode, 403)
  })

  it('shows the 14-day deadline of the open minutes on the start page', async () => {
    const start = text((await secretary.get('/admin')).body)
    assert.match(start, /Protokoll att justera/)
    assert.match(start, /30 mars 2023: justeras senast torsdag 13 april 2023 \(10 dagar kvar\)/)
  })
})
