import type { Queryable } from '../../../db/database.ts'
import {
  type MinutesRecord,
  personIdsOf,
  publicMinutesRecord,
  readMinutesRecords,
} from '../../minutes/minutes-record.ts'
import { listPartyRows, listPersonRows, listPublicPersonIds } from './oparl.repository.ts'
import type { PublicNames } from './oparl-extensions.ts'

// The public minutes of a page of meetings, for the paragraf: extensions: read for the whole page at
// once (readMinutesRecords, a fixed number of queries however long the page), then the same
// publicMinutesRecord as the portal: only signed-off §§, confidential ones reduced, P3 masked.

/** Each meeting's public minutes, when at least one § is signed off (TF 2:10). */
export async function readPublicMinutesOfMeetings(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Map<number, MinutesRecord>> {
  const shown = new Map<number, MinutesRecord>()
  for (const [meetingId, record] of await readMinutesRecords(db, meetingIds)) {
    const published = publicMinutesRecord(record)
    if (published.sections.length > 0) shown.set(meetingId, published)
  }
  return shown
}

/** The names and parties the public minutes mention, and which persons are OParl Persons. */
export async function readPublicNames(db: Queryable, records: Iterable<MinutesRecord>): Promise<PublicNames> {
  const personIds = new Set<number>()
  const partyIds = new Set<number>()
  for (const record of records) {
    for (const id of personIdsOf(record)) personIds.add(id)
    for (const a of record.attendance) if (a.partyId !== null) partyIds.add(a.partyId)
    for (const { motions, dissents, statements, votes, services } of record.sections) {
      for (const entry of [...motions, ...dissents, ...statements])
        for (const a of entry.authors) if (a.partyId !== null) partyIds.add(a.partyId)
      for (const v of votes) for (const b of v.ballots) if (b.partyId !== null) partyIds.add(b.partyId)
      for (const s of services) {
        personIds.add(s.personId)
        if (s.servingForPersonId !== null) personIds.add(s.servingForPersonId)
        if (s.partyId !== null) partyIds.add(s.partyId)
      }
    }
  }
  const [persons, published, parties] = await Promise.all([
    listPersonRows(db, [...personIds]),
    listPublicPersonIds(db, [...personIds]),
    partyIds.size > 0 ? listPartyRows(db, { ids: [...partyIds] }) : Promise.resolve([]),
  ])
  return {
    persons: new Map(persons.map((p) => [p.id, p.name])),
    published: new Set(published),
    parties: new Map(parties.map((p) => [p.id, p.abbreviation])),
  }
}
