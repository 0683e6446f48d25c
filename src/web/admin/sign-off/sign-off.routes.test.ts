import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import {
  testPassword as password,
  signedInPerson,
  signedInSecretary,
} from '../../../../test/support/admin-users.ts'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { appointSignatories } from '../../../domain/minutes/minutes.service.ts'
import type { Section } from '../../../domain/minutes/minutes.ts'
import { updateSection } from '../../../domain/minutes/section.service.ts'
import { prepareSignOff } from '../../../domain/sign-off/sign-off.service.ts'
import { createApp } from '../../app.ts'

const pnr = '811218-9876'

/** The error summary of a page: where the places are listed, and where the number must never be. */
const summaryOf = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? ''

describeOnEachDatabase('signing off §§ that hold a personnummer (P3)', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let leaking: Section
  let secretary: AdminClient
  const signatories: AdminClient[] = []
  let url: string

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db)
    const [chair, member] = await addTestMembers(db, committee, 3)
    const created = await createTestMinutes(db, committee)
    meeting = created.meeting
    await addTestSection(db, created.minutes, { title: 'Budget 2023', decision: ['Budgeten antas.'] })
    leaking = await addTestSection(db, created.minutes, {
      title: 'Ansökan om bistånd',
      summary: `Bakgrund\nSökande ${pnr}`,
      decision: ['Ansökan beviljas.'],
    })
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: created.minutes.id,
        personIds: [chair!.id, member!.id],
      }),
    )
    const signOff = await inTransaction(db, (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: created.minutes.id,
        sectionNumbers: [1, 2],
      }),
    )
    url = `/admin/justera/${signOff.id}`
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2022-12-15T10:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr-p3@example.se')
    for (const [i, person] of [chair!, member!].entries()) {
      signatories.push(await signedInPerson(app, db, person, `p3-${i}@example.se`))
    }
  })
  after(() => app.close())

  it('warns the signatory before signing, and links the places to the § editor for the secretary', async () => {
    const [chair] = signatories as [AdminClient]
    const page = await chair.get(url)
    assert.equal(page.statusCode, 200)
    const summary = summaryOf(page.body)
    assert.match(text(summary), /Paragraferna innehåller personnummer/)
    assert.match(text(summary), /§ 2, sammanfattning, rad 2/)
    assert.doesNotMatch(summary, /9876/)
    const forSecretary = summaryOf((await secretary.get(url)).body)
    assert.match(
      forSecretary,
      new RegExp(
        `<a href="/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll/paragrafer/2">§ 2, sammanfattning, rad 2</a>`,
      ),
    )
  })

  it('refuses the signature with the places listed and the number not echoed', async () => {
    const [chair] = signatories as [AdminClient]
    await chair.get(url)
    const refused = await chair.post(url, { password })
    assert.equal(refused.statusCode, 400)
    const summary = summaryOf(refused.body)
    assert.match(summary, /role="alert"/)
    assert.match(text(summary), /Paragraferna kunde inte justeras: de innehåller personnummer/)
    assert.match(text(summary), /§ 2, sammanfattning, rad 2/)
    assert.doesNotMatch(summary, /9876|811218/)
    assert.match(text((await chair.get(url)).body), /har inte justerat.*har inte justerat/)
  })

  it('lets the signatories sign once the secretary has removed the number', async () => {
    await inTransaction(getDb(), (trx) =>
      updateSection(trx, testActor, {
        sectionId: leaking.id,
        version: leaking.version,
        summary: 'Bakgrund\nSökande, se akten',
      }),
    )
    const [chair, other] = signatories as [AdminClient, AdminClient]
    await chair.get(url)
    assert.doesNotMatch((await chair.get(url)).body, /error-summary/)
    assert.equal((await chair.post(url, { password })).statusCode, 303)
    await other.get(url)
    assert.equal((await other.post(url, { password })).statusCode, 303)
    assert.match(text((await other.get(url)).body), /justerades 15 december 2022 och anslaget har satts upp/)
  })
})
