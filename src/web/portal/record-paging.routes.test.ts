import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { pageText as text } from '../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { addAgendaItem } from '../../domain/agenda/agenda.service.ts'
import { changeMeetingStatus } from '../../domain/meeting/meeting.service.ts'
import { addMembership } from '../../domain/membership/membership.service.ts'
import { openMinutes } from '../../domain/minutes/minutes.service.ts'
import { addSection } from '../../domain/minutes/section.service.ts'
import { recordMotion } from '../../domain/minutes/section-record.service.ts'
import { addPerson, findOrAddParty } from '../../domain/person/person.service.ts'
import { RECORD_PAGE_SIZE } from '../../domain/publication/person-record.ts'
import { recordSignOff } from '../../domain/sign-off/sign-off.service.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

// A person's and a party's record is shown a page at a time, newest first, so the page reads a
// bounded number of rows however many years of minutes the archive holds (issue 15, item 3).
describeOnEachDatabase('person and party pages, a page of the record at a time', (getDb) => {
  let app: FastifyInstance
  let slug: string
  const motions = RECORD_PAGE_SIZE + 3
  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { name: 'Tekniska nämnden', seats: 1 })
    const person = await inTransaction(db, (trx) =>
      addPerson(trx, testActor, {
        organisationId: committee.organisationId,
        name: 'Ylva Yrkesson',
      }),
    )
    const party = await inTransaction(db, (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: committee.organisationId,
        abbreviation: 'YP',
      }),
    )
    await inTransaction(db, (trx) =>
      addMembership(trx, testActor, {
        committeeId: committee.id,
        personId: person.id,
        partyId: party.id,
        role: 'chair',
        startsOn: '2023-01-01',
      }),
    )
    let meeting = await createTestMeeting(db, { committee, meetsOn: '2023-05-10' })
    const items: Awaited<ReturnType<typeof addAgendaItem>>[] = []
    for (let n = 1; n <= motions + 1; n++)
      items.push(
        await inTransaction(db, (trx) =>
          addAgendaItem(trx, testActor, {
            meetingId: meeting.id,
            number: String(n),
            title: `Ärende ${n}`,
          }),
        ),
      )
    meeting = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    const minutes = await inTransaction(db, (trx) =>
      openMinutes(trx, testActor, { meetingId: meeting.id, chairPersonId: person.id }),
    )
    for (const [index, item] of items.entries()) {
      const n = index + 1
      // The last § is confidential: its motion is never shown, on any page.
      const section = await addSection(db, testActor, {
        minutesId: minutes.id,
        agendaItemId: item.id,
        title: `Ärende ${n}`,
        decision: ['Nämnden beslutar enligt förslaget.'],
        confidential: n > motions,
      })
      await inTransaction(db, (trx) =>
        recordMotion(trx, testActor, {
          sectionId: section.id,
          text: n > motions ? 'Yrkande HEMLIGT' : `Yrkande nummer ${n} slut.`,
          authors: [{ personId: person.id, partyId: party.id }],
        }),
      )
    }
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: items.map((_, i) => i + 1),
        signedOffOn: '2023-05-15',
        immediate: false,
        signatoryPersonIds: [person.id],
      }),
    )
    slug = person.slug
    app = await createApp({ db, logLevel: 'silent' })
  })
  after(() => app.close())

  const shown = (page: string) => [...page.matchAll(/Yrkande nummer (\d+) slut/g)].map((m) => Number(m[1]))

  for (const [who, base] of [
    ['person', () => paths.person(slug)],
    ['party', () => paths.party('YP')],
  ] as const) {
    it(`shows a ${who}'s first ${RECORD_PAGE_SIZE} motions with a link to older ones, and the rest on page 2`, async () => {
      const first = await app.inject(base())
      assert.equal(first.statusCode, 200)
      assert.deepEqual(
        shown(text(first.body)),
        Array.from({ length: RECORD_PAGE_SIZE }, (_, i) => i + 1),
      )
      assert.match(first.body, new RegExp(`href="${base()}\\?sida=2" rel="next">\\s*Äldre`))
      assert.doesNotMatch(first.body, /Nyare/)
      const second = await app.inject(`${base()}?sida=2`)
      assert.deepEqual(shown(text(second.body)), [51, 52, 53])
      assert.match(second.body, new RegExp(`href="${base()}" rel="prev">\\s*Nyare`))
      assert.doesNotMatch(second.body, /Äldre</)
      for (const body of [first.body, second.body]) assert.doesNotMatch(body, /HEMLIGT/)
      // An odd page number is page 1, never an error.
      assert.deepEqual(shown(text((await app.inject(`${base()}?sida=x`)).body)).length, RECORD_PAGE_SIZE)
    })
  }
})
