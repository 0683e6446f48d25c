import { readFileSync } from 'node:fs'
import { type Db, inTransaction } from '../db/database.ts'
import { addAgendaItem } from '../domain/agenda/agenda.service.ts'
import { findCommitteeBySlug } from '../domain/committee/committee.reads.ts'
import { listMeetingsOn, scheduleMeeting } from '../domain/meeting/meeting.service.ts'
import { findMinutesOfMeeting } from '../domain/minutes/minutes.service.ts'
import { postMeetingNotice, postMinutesNotice } from '../domain/notice-board/notice-board.service.ts'
import type { Actor } from '../domain/shared/actor.ts'
import { addDays, weekday } from '../domain/shared/calendar-date.ts'
import { listSignOffs } from '../domain/sign-off/sign-off.reads.ts'
import type { ImportTarget } from '../import/import-document.ts'
import { importDocument } from '../import/import-document.ts'
import { parseDocument } from '../import/parse-document.ts'

// The three documents Stockholm published for its Socialnämnden, kept with the import fixtures
// (test/fixtures/documents, with their origin in its README): the demo imports them exactly as
// `paragraf import` would.
const seeds = {
  minutes: '002_02371675939a916f.txt',
  pastAgenda: '001_20ab8816d6ccb0bd.txt',
  upcomingAgenda: '000_7ac823c5cdfc07f6.txt',
}

async function importSeed(db: Db, actor: Actor, file: string, target: ImportTarget) {
  const bytes = readFileSync(new URL(`../../test/fixtures/documents/${file}`, import.meta.url))
  const outcome = await parseDocument({ bytes, fileName: file })
  if (!outcome.ok) throw new Error(`demo document ${file}: ${outcome.reason}`)
  return importDocument(db, actor, outcome.document, target)
}

/**
 * The protocol of 14 December 2022 (signed off, announced on the sign-off days as the city would),
 * the agenda of a late-2023 meeting, and the 2025 agenda as an upcoming meeting with a confidential
 * item added after the notice went out. The copied portal pages name neither committee nor date.
 */
export async function loadDemoDocuments(
  db: Db,
  actor: Actor,
  input: { committeeSlug: string; today: string },
): Promise<{ minutes: string; past: string; upcoming: string }> {
  const minutes = await importSeed(db, actor, seeds.minutes, { organisation: 'Stockholms stad' })
  const past = await importSeed(db, actor, seeds.pastAgenda, {
    committeeSlug: input.committeeSlug,
    meetingDate: '2023-11-21',
  })
  const committee = await findCommitteeBySlug(db, input.committeeSlug)
  if (!committee) throw new Error(`demo committee ${input.committeeSlug} missing`)

  await inTransaction(db, async (trx) => {
    const [meeting] = await listMeetingsOn(trx, committee.id, minutes.meetsOn)
    const record = meeting && (await findMinutesOfMeeting(trx, meeting.id))
    if (!record) throw new Error('the demo protocol was not recorded')
    for (const signOff of await listSignOffs(trx, [record.id])) {
      if (signOff.signedOffOn)
        await postMinutesNotice(trx, actor, { signOffId: signOff.id, postedOn: signOff.signedOffOn })
    }
  })

  // The next Wednesday at least two weeks ahead: committees meet on weekdays.
  let upcomingOn = addDays(input.today, 14)
  while (weekday(upcomingOn) !== 3) upcomingOn = addDays(upcomingOn, 1)
  const meeting = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, {
      committeeId: committee.id,
      meetsOn: upcomingOn,
      startTime: '17:00',
      location: 'Socialförvaltningen, Storforsplan 36, Farsta, lokal Storfors',
    }),
  )
  await importSeed(db, actor, seeds.upcomingAgenda, {
    committeeSlug: input.committeeSlug,
    meetingDate: upcomingOn,
  })
  await inTransaction(db, async (trx) => {
    await postMeetingNotice(trx, actor, { meetingId: meeting.id, postedOn: input.today })
    // Added after the notice: it shows in the public change history, as a secret item (OSL 26:1).
    await addAgendaItem(trx, actor, {
      meetingId: meeting.id,
      title: 'Yttrande till förvaltningsrätten i mål om vård enligt LVU',
      summary: 'Ärendet gäller en enskild person.',
      confidential: true,
      confidentialityGround: 'OSL 26:1',
    })
  })
  return { minutes: minutes.meetsOn, past: past.meetsOn, upcoming: upcomingOn }
}
