// The data the search tests share: the same meetings on SQLite and PostgreSQL, built through the
// use cases, so both databases must give the same hits in the same order. Words that appear only in
// confidential or unpublished content ("zebrafink", "kvastfening", "pelikanflock", "myrslok") must
// never be found.

import { type Db, inTransaction } from '../../src/db/database.ts'
import { addAgendaItem, attachDocument } from '../../src/domain/agenda/agenda.service.ts'
import { registerDocument } from '../../src/domain/document/document.service.ts'
import { changeMeetingStatus, scheduleMeeting } from '../../src/domain/meeting/meeting.service.ts'
import type { Meeting } from '../../src/domain/meeting/meeting.ts'
import { appointSignatories, openMinutes } from '../../src/domain/minutes/minutes.service.ts'
import { addSection } from '../../src/domain/minutes/section.service.ts'
import { recordMotion, recordStatement } from '../../src/domain/minutes/section-record.service.ts'
import { addPerson, findOrAddParty } from '../../src/domain/person/person.service.ts'
import { recordSignOff } from '../../src/domain/sign-off/sign-off.service.ts'
import { testActor as actor, createTestCommittee } from './factories.ts'

export async function createSearchFixture(db: Db) {
  const social = await createTestCommittee(db, { name: 'Sociala nämnden' })
  const building = await createTestCommittee(db, {
    name: 'Byggnämnden',
    organisationId: social.organisationId,
  })
  const organisationId = social.organisationId
  const s = await inTransaction(db, (trx) =>
    findOrAddParty(trx, actor, { organisationId, abbreviation: 'S' }),
  )
  const m = await inTransaction(db, (trx) =>
    findOrAddParty(trx, actor, { organisationId, abbreviation: 'M' }),
  )
  const anna = await inTransaction(db, (trx) =>
    addPerson(trx, actor, { organisationId, name: 'Anna Andersson' }),
  )
  const bo = await inTransaction(db, (trx) => addPerson(trx, actor, { organisationId, name: 'Bo Berg' }))

  const announce = (meeting: Meeting) =>
    inTransaction(db, (trx) => changeMeetingStatus(trx, actor, meeting, 'notice_published'))
  const item = (meeting: Meeting, title: string, summary?: string, confidential = false) =>
    inTransaction(db, (trx) =>
      addAgendaItem(trx, actor, {
        meetingId: meeting.id,
        title,
        ...(summary ? { summary } : {}),
        ...(confidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
      }),
    )
  const attach = async (agendaItemId: number, title: string, extractedText: string, confidential = false) => {
    const document = await inTransaction(db, (trx) =>
      registerDocument(trx, actor, {
        organisationId,
        title,
        kind: 'tjansteutlatande',
        extractedText,
        ...(confidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
      }),
    )
    await inTransaction(db, (trx) => attachDocument(trx, actor, { agendaItemId, documentId: document.id }))
    return document
  }

  // A meeting whose agenda is out, with a confidential item and a confidential attachment.
  const spring = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, { committeeId: social.id, meetsOn: '2023-03-15' }),
  )
  const homes = await item(spring, 'Boenden för äldre', 'Förvaltningen föreslår nya boenden i Farsta.')
  const escort = await item(spring, 'Uppföljning av ledsagningsmodellen', 'Rapport om ledsagarservice.')
  const overview = await item(spring, 'Översiktsplan för Farsta', 'Samråd om översiktsplanen.')
  const secret = await item(spring, 'Zebrafink i familjehem', 'Placering av zebrafink.', true)
  const report = await attach(
    homes.id,
    'Tjänsteutlåtande om boende',
    'Planen för nya boenden omfattar 40 lägenheter i Farsta.',
  )
  await attach(homes.id, 'Utredning', 'Zebrafinken och kvastfeningen utreds.', true)
  await attach(secret.id, 'Bilaga till sekretessärendet', 'Kvastfening och myrslok.')
  await announce(spring)

  // Signed-off minutes with a confidential § and a § not yet signed off.
  const may = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, { committeeId: social.id, meetsOn: '2022-05-10' }),
  )
  const minutes = await inTransaction(db, (trx) => openMinutes(trx, actor, { meetingId: may.id }))
  const economy = await addSection(db, actor, {
    minutesId: minutes.id,
    title: 'Plan för ekonomin 2023',
    decision: ['Nämnden antar planen.'],
  })
  await inTransaction(db, (trx) =>
    recordMotion(trx, actor, {
      sectionId: economy.id,
      kind: 'amend',
      text: 'Att planen ska prioritera boende för unga.',
      authors: [{ personId: anna.id, partyId: s.id }],
    }),
  )
  await addSection(db, actor, {
    minutesId: minutes.id,
    title: 'Zebrafink ärende',
    summary: 'Om zebrafinkar.',
    confidential: true,
  })
  const escortSection = await addSection(db, actor, {
    minutesId: minutes.id,
    title: 'Ledsagning enligt LSS',
    decision: ['Nämnden noterar informationen.'],
  })
  await inTransaction(db, (trx) =>
    recordStatement(trx, actor, {
      sectionId: escortSection.id,
      kind: 'särskilt uttalande',
      text: 'Vi vill följa upp ledsagarservicen.',
      authors: [{ personId: bo.id, partyId: m.id }],
    }),
  )
  await addSection(db, actor, { minutesId: minutes.id, title: 'Pelikanflock vid Farstaviken' })
  await inTransaction(db, (trx) =>
    appointSignatories(trx, actor, { minutesId: minutes.id, personIds: [anna.id, bo.id] }),
  )
  await inTransaction(db, (trx) =>
    recordSignOff(trx, actor, {
      minutesId: minutes.id,
      sectionNumbers: [1, 2, 3],
      signedOffOn: '2022-05-16',
      immediate: false,
      signatoryPersonIds: [anna.id, bo.id],
    }),
  )

  // A planned meeting: its agenda is not public yet.
  const planned = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, { committeeId: building.id, meetsOn: '2024-01-20' }),
  )
  await item(planned, 'Boende och myrslok i planerat möte')

  const autumn = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, { committeeId: building.id, meetsOn: '2023-09-01' }),
  )
  const detail = await item(autumn, 'Detaljplan för kvarteret Eken', 'Planen prövas av nämnden.')
  await announce(autumn)

  return {
    committees: { social, building },
    meetings: { spring, may, planned, autumn },
    items: { homes, escort, overview, secret, detail },
    documents: { report },
    sections: { economy, escort: escortSection },
    parties: { s, m },
  }
}

export type SearchFixture = Awaited<ReturnType<typeof createSearchFixture>>

/** `count` agenda items about the budget over two meetings, for paging. */
export async function addBudgetItems(db: Db, committeeId: number, count: number): Promise<void> {
  const meetings = [
    await inTransaction(db, (trx) => scheduleMeeting(trx, actor, { committeeId, meetsOn: '2021-02-03' })),
    await inTransaction(db, (trx) => scheduleMeeting(trx, actor, { committeeId, meetsOn: '2021-02-03' })),
  ]
  for (let i = 0; i < count; i++) {
    const meeting = meetings[i % 2]!
    await inTransaction(db, (trx) =>
      addAgendaItem(trx, actor, {
        meetingId: meeting.id,
        title: i % 3 === 0 ? `Budget ${i}` : `Uppföljning ${i}`,
        summary: i % 3 === 1 ? 'Budgeten följs upp.' : 'Budgetuppföljning per månad.',
      }),
    )
  }
  for (const meeting of meetings)
    await inTransaction(db, (trx) => changeMeetingStatus(trx, actor, meeting, 'notice_published'))
}
