// Meetings for the tests of alerts (a saved search, a person): an agenda and signed-off minutes in
// which a word occurs both in public and in confidential items and §§, and a person who moves,
// dissents and votes in both. The confidential texts carry `alertSecret`, which no mail or feed
// may ever contain.

import { type Db, inTransaction } from '../../src/db/database.ts'
import { addAgendaItem } from '../../src/domain/agenda/agenda.service.ts'
import type { Committee } from '../../src/domain/committee/committee.ts'
import { changeMeetingStatus } from '../../src/domain/meeting/meeting.service.ts'
import type { Meeting } from '../../src/domain/meeting/meeting.ts'
import {
  appointSignatories,
  openMinutes,
  recordAttendance,
} from '../../src/domain/minutes/minutes.service.ts'
import { addSection, recordServing } from '../../src/domain/minutes/section.service.ts'
import { recordDissent, recordMotion } from '../../src/domain/minutes/section-record.service.ts'
import { postMinutesNotice } from '../../src/domain/notice-board/notice-board.service.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { recordSignOff } from '../../src/domain/sign-off/sign-off.service.ts'
import { recordVote } from '../../src/domain/vote/vote.service.ts'
import { createTestMeeting, testActor } from './factories.ts'

export const alertSecret = 'HEMLIGT-FAGEL-4417'

export interface AlertAgenda {
  meeting: Meeting
  publicItemId: number
  secretItemId: number
}

/**
 * A meeting whose notice is out: item 1 public, item 2 confidential, both about `word`. The notice
 * is published now (the search index dates the items by it).
 */
export async function publishAlertAgenda(
  db: Db,
  input: { committee: Committee; meetsOn: string; word: string; extraItems?: number },
): Promise<AlertAgenda> {
  let meeting = await createTestMeeting(db, { committee: input.committee, meetsOn: input.meetsOn })
  const publicItem = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '1',
      title: `${input.word} i stadsparken`,
      summary: `Förvaltningen föreslår fler ${input.word}.`,
    }),
  )
  const secretItem = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '2',
      title: `${input.word} hos enskild ${alertSecret}`,
      summary: `Uppgifter om enskild ${alertSecret}`,
      confidential: true,
      confidentialityGround: 'OSL 26:1',
    }),
  )
  for (let i = 0; i < (input.extraItems ?? 0); i++)
    await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: String(i + 3),
        title: `${input.word}, förslag ${i + 1}`,
      }),
    )
  meeting = await inTransaction(db, (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
  return { meeting, publicItemId: publicItem.id, secretItemId: secretItem.id }
}

/**
 * The minutes of such a meeting, signed off on `signedOffOn`: § 1 public (about `word`, with a
 * motion and a dissent by `mover` and an open vote), § 2 confidential (about `word`, with a motion
 * by `mover` and a vote), the secret in § 2 only.
 */
export async function signOffAlertMinutes(
  db: Db,
  input: {
    agenda: AlertAgenda
    members: readonly Person[]
    mover: Person
    word: string
    signedOffOn: string
    /** More motions by `mover` at § 1, for a record longer than a feed holds. */
    extraMotions?: number
  },
): Promise<void> {
  const { agenda, members, mover, word } = input
  const minutes = await inTransaction(db, (trx) =>
    openMinutes(trx, testActor, { meetingId: agenda.meeting.id }),
  )
  for (const person of members)
    await recordAttendance(db, testActor, {
      meetingId: agenda.meeting.id,
      personId: person.id,
      role: 'member',
      present: true,
    })
  await inTransaction(db, (trx) =>
    appointSignatories(trx, testActor, {
      minutesId: minutes.id,
      personIds: members.slice(0, 2).map((m) => m.id),
    }),
  )
  const open = await addSection(db, testActor, {
    minutesId: minutes.id,
    agendaItemId: agenda.publicItemId,
    title: `${word} i stadsparken`,
    decision: [`Nämnden beslutar att sätta upp ${word}.`],
  })
  const closed = await addSection(db, testActor, {
    minutesId: minutes.id,
    agendaItemId: agenda.secretItemId,
    title: `${word} hos enskild ${alertSecret}`,
    decision: [`Nämnden beslutar ${alertSecret}`],
    confidential: true,
  })
  for (const section of [open, closed]) {
    for (const person of members)
      await inTransaction(db, (trx) =>
        recordServing(trx, testActor, { sectionId: section.id, personId: person.id }),
      )
    await inTransaction(db, (trx) =>
      recordMotion(trx, testActor, {
        sectionId: section.id,
        kind: 'reject',
        text: section === open ? 'Avslag, holkarna räcker.' : `Avslag ${alertSecret}`,
        authors: [{ personId: mover.id }],
      }),
    )
    await inTransaction(db, (trx) =>
      recordVote(trx, testActor, {
        sectionId: section.id,
        kind: 'open',
        question: section === open ? 'Bifall eller avslag?' : `Omröstning ${alertSecret}`,
        yesMeans: 'bifall',
        noMeans: 'avslag',
        ballots: members.map((m) => ({ personId: m.id, choice: m.id === mover.id ? 'no' : 'yes' })),
      }),
    )
  }
  for (let i = 0; i < (input.extraMotions ?? 0); i++)
    await inTransaction(db, (trx) =>
      recordMotion(trx, testActor, {
        sectionId: open.id,
        kind: 'amend',
        text: `Ändringsyrkande ${i + 1}.`,
        authors: [{ personId: mover.id }],
      }),
    )
  await inTransaction(db, (trx) =>
    recordDissent(trx, testActor, {
      sectionId: open.id,
      text: 'Vi reserverar oss mot beslutet.',
      authors: [{ personId: mover.id }],
    }),
  )
  await inTransaction(db, (trx) =>
    recordDissent(trx, testActor, {
      sectionId: closed.id,
      text: `Reservation ${alertSecret}`,
      authors: [{ personId: mover.id }],
    }),
  )
  const signOff = await inTransaction(db, (trx) =>
    recordSignOff(trx, testActor, {
      minutesId: minutes.id,
      sectionNumbers: [1, 2],
      signedOffOn: input.signedOffOn,
      immediate: false,
      signatoryPersonIds: members.slice(0, 2).map((m) => m.id),
    }),
  )
  await inTransaction(db, (trx) =>
    postMinutesNotice(trx, testActor, { signOffId: signOff.id, postedOn: input.signedOffOn }),
  )
}
