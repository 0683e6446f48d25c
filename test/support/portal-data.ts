// A committee meeting with everything the public portal must show or hide: an open vote with every
// ballot, a motion, a dissent, a statement and a recusal on a public §; and a confidential agenda
// item and § whose texts carry a marker that must never reach a public page, feed or calendar.

import { type Db, inTransaction } from '../../src/db/database.ts'
import { addAgendaItem } from '../../src/domain/agenda/agenda.service.ts'
import { registerMatter } from '../../src/domain/matter/matter.service.ts'
import { changeMeetingStatus } from '../../src/domain/meeting/meeting.service.ts'
import { addMembership } from '../../src/domain/membership/membership.service.ts'
import {
  appointSignatories,
  openMinutes,
  recordAttendance,
} from '../../src/domain/minutes/minutes.service.ts'
import { addSection, recordRecusal, recordServing } from '../../src/domain/minutes/section.service.ts'
import {
  recordDissent,
  recordMotion,
  recordStatement,
} from '../../src/domain/minutes/section-record.service.ts'
import { postMinutesNotice } from '../../src/domain/notice-board/notice-board.service.ts'
import { addPerson, findOrAddParty } from '../../src/domain/person/person.service.ts'
import { recordSignOff } from '../../src/domain/sign-off/sign-off.service.ts'
import { recordVote } from '../../src/domain/vote/vote.service.ts'
import { createTestCommittee, createTestMeeting, testActor } from './factories.ts'

export const secret = 'HEMLIGT-ZQX-7731'

export interface VotedMeeting {
  committeeSlug: string
  meetingSlug: string
  members: Array<{ name: string; slug: string }>
  registryNumber: string
  secretRegistryNumber: string
}

/**
 * Kulturnämnden (a new organisation), its meeting on 15 March 2023 at 18:00: § 1 public with a vote
 * (2–1), § 2 confidential, § 3 public with a recusal. Signed off and announced on 2023-03-20.
 */
export async function addVotedMeeting(db: Db): Promise<VotedMeeting> {
  const committee = await createTestCommittee(db, { name: `Kulturnämnden ${Date.now() % 100000}`, seats: 3 })
  const organisationId = committee.organisationId
  const people = []
  for (const [name, abbreviation] of [
    ['Astrid Röstberg', 'S'],
    ['Bertil Motsson', 'M'],
    ['Cecilia Jävsdotter', 'S'],
  ] as const) {
    const person = await inTransaction(db, (trx) => addPerson(trx, testActor, { organisationId, name }))
    const party = await inTransaction(db, (trx) =>
      findOrAddParty(trx, testActor, { organisationId, abbreviation }),
    )
    await inTransaction(db, (trx) =>
      addMembership(trx, testActor, {
        committeeId: committee.id,
        personId: person.id,
        partyId: party.id,
        role: people.length === 0 ? 'chair' : 'member',
        startsOn: '2023-01-01',
        endsOn: '2026-12-31',
      }),
    )
    people.push({ ...person, partyId: party.id })
  }
  const [chair, member, third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
  let meeting = await createTestMeeting(db, {
    committee,
    meetsOn: '2023-03-15',
    startTime: '18:00',
    endTime: '19:30',
    location: 'Kulturhuset, sal 2',
  })
  const registryNumber = `KN ${organisationId}/2023`
  const secretRegistryNumber = `KN ${organisationId}/${secret}`
  const matter = await inTransaction(db, (trx) =>
    registerMatter(trx, testActor, {
      organisationId,
      registryNumber,
      title: 'Bidrag till studieförbund 2023',
    }),
  )
  const secretMatter = await inTransaction(db, (trx) =>
    registerMatter(trx, testActor, {
      organisationId,
      registryNumber: secretRegistryNumber,
      title: `Ärende om enskild ${secret}`,
    }),
  )
  const publicItem = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '1',
      title: 'Bidrag till studieförbund 2023',
      summary: 'Förvaltningen föreslår en fördelning av bidragen.',
      proposal: ['att fördela bidragen enligt förvaltningens förslag.'],
      matterId: matter.id,
    }),
  )
  const secretItem = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '2',
      title: `Placering av barn ${secret}`,
      summary: `Uppgifter om enskild ${secret}`,
      proposal: [`att bevilja ${secret}`],
      matterId: secretMatter.id,
      confidential: true,
      confidentialityGround: 'OSL 26:1',
    }),
  )
  const thirdItem = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '3',
      title: 'Hyresavtal för ateljéer',
    }),
  )
  meeting = await inTransaction(db, (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
  const minutes = await inTransaction(db, (trx) =>
    openMinutes(trx, testActor, {
      meetingId: meeting.id,
      chairPersonId: chair.id,
      keptAt: 'Kulturförvaltningen',
    }),
  )
  for (const p of people) {
    await recordAttendance(db, testActor, {
      meetingId: meeting.id,
      personId: p.id,
      partyId: p.partyId,
      role: p === chair ? 'chair' : 'member',
      present: true,
    })
  }
  await inTransaction(db, (trx) =>
    appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [chair.id, member.id] }),
  )
  const first = await addSection(db, testActor, {
    minutesId: minutes.id,
    agendaItemId: publicItem.id,
    title: 'Bidrag till studieförbund 2023',
    decision: ['Kulturnämnden fördelar bidragen enligt förvaltningens förslag.'],
    decisionProcedure:
      'Ordföranden ställer proposition på förvaltningens förslag mot avslag och finner bifall.',
  })
  const second = await addSection(db, testActor, {
    minutesId: minutes.id,
    agendaItemId: secretItem.id,
    title: `Placering av barn ${secret}`,
    summary: `Sammanfattning ${secret}`,
    decision: [`Nämnden beslutar ${secret}`],
    decisionProcedure: `Beslutsordning ${secret}`,
    confidential: true,
  })
  const third_ = await addSection(db, testActor, {
    minutesId: minutes.id,
    agendaItemId: thirdItem.id,
    title: 'Hyresavtal för ateljéer',
    decision: ['Nämnden godkänner hyresavtalet.'],
  })
  for (const section of [first, second]) {
    for (const p of people)
      await inTransaction(db, (trx) =>
        recordServing(trx, testActor, { sectionId: section.id, personId: p.id, partyId: p.partyId }),
      )
  }
  await inTransaction(db, (trx) =>
    recordRecusal(trx, testActor, {
      sectionId: third_.id,
      personId: third.id,
      reason: 'Styrelseledamot i hyresvärden',
    }),
  )
  for (const p of [chair, member])
    await inTransaction(db, (trx) =>
      recordServing(trx, testActor, { sectionId: third_.id, personId: p.id, partyId: p.partyId }),
    )

  await inTransaction(db, (trx) =>
    recordMotion(trx, testActor, {
      sectionId: first.id,
      kind: 'reject',
      text: 'Avslag på förvaltningens förslag.',
      authors: [{ personId: member.id, partyId: member.partyId }],
    }),
  )
  await inTransaction(db, (trx) =>
    recordVote(trx, testActor, {
      sectionId: first.id,
      kind: 'open',
      question: 'Bifall till förvaltningens förslag eller avslag?',
      yesMeans: 'förvaltningens förslag',
      noMeans: 'avslag',
      chairPersonId: chair.id,
      ballots: [
        { personId: chair.id, choice: 'yes' },
        { personId: member.id, choice: 'no' },
        { personId: third.id, choice: 'yes' },
      ],
    }),
  )
  await inTransaction(db, (trx) =>
    recordDissent(trx, testActor, {
      sectionId: first.id,
      text: 'Bidragen borde gå till fler förbund.',
      authors: [{ personId: member.id, partyId: member.partyId }],
    }),
  )
  await inTransaction(db, (trx) =>
    recordStatement(trx, testActor, {
      sectionId: first.id,
      kind: 'protokollsanteckning',
      text: 'Vi vill följa upp fördelningen.',
      authors: [{ personId: third.id, partyId: third.partyId }],
    }),
  )
  // The confidential §, with everything a § can hold.
  await inTransaction(db, (trx) =>
    recordMotion(trx, testActor, {
      sectionId: second.id,
      text: `Yrkande ${secret}`,
      authors: [{ personId: member.id, partyId: member.partyId }],
    }),
  )
  await inTransaction(db, (trx) =>
    recordVote(trx, testActor, {
      sectionId: second.id,
      kind: 'open',
      question: `Omröstning ${secret}`,
      chairPersonId: chair.id,
      ballots: [
        { personId: chair.id, choice: 'yes' },
        { personId: member.id, choice: 'no' },
        { personId: third.id, choice: 'abstain' },
      ],
    }),
  )
  await inTransaction(db, (trx) =>
    recordDissent(trx, testActor, {
      sectionId: second.id,
      text: `Reservation ${secret}`,
      authors: [{ personId: member.id, partyId: member.partyId }],
    }),
  )
  await inTransaction(db, (trx) =>
    recordStatement(trx, testActor, {
      sectionId: second.id,
      kind: 'protokollsanteckning',
      text: `Anteckning ${secret}`,
      authors: [{ personId: third.id, partyId: third.partyId }],
    }),
  )
  const signOff = await inTransaction(db, (trx) =>
    recordSignOff(trx, testActor, {
      minutesId: minutes.id,
      sectionNumbers: [1, 2, 3],
      signedOffOn: '2023-03-20',
      immediate: false,
      signatoryPersonIds: [chair.id, member.id],
    }),
  )
  await inTransaction(db, (trx) =>
    postMinutesNotice(trx, testActor, { signOffId: signOff.id, postedOn: '2023-03-20' }),
  )
  return {
    committeeSlug: committee.slug,
    meetingSlug: meeting.slug,
    members: people.map((p) => ({ name: p.name, slug: p.slug })),
    registryNumber,
    secretRegistryNumber,
  }
}
