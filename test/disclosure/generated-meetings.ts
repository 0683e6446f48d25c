// Generated meetings for the disclosure property test: random confidential flags on agenda items,
// §§ and documents, random notice and sign-off states, and in every text field a marker that says
// whether the text may be public, and a personnummer (valid Luhn, different in every field) that
// never may. Deterministic for a seed (mulberry32), so a failure can be replayed.

import { type Db, inTransaction } from '../../src/db/database.ts'
import { addAgendaItem, attachDocument } from '../../src/domain/agenda/agenda.service.ts'
import type { Committee } from '../../src/domain/committee/committee.ts'
import { registerDocument } from '../../src/domain/document/document.service.ts'
import { registerMatter } from '../../src/domain/matter/matter.service.ts'
import { changeMeetingStatus } from '../../src/domain/meeting/meeting.service.ts'
import { addMembership } from '../../src/domain/membership/membership.service.ts'
import {
  appointSignatories,
  openMinutes,
  recordAttendance,
} from '../../src/domain/minutes/minutes.service.ts'
import { addSection, recordServing } from '../../src/domain/minutes/section.service.ts'
import {
  recordDissent,
  recordMotion,
  recordStatement,
} from '../../src/domain/minutes/section-record.service.ts'
import { postMinutesNotice } from '../../src/domain/notice-board/notice-board.service.ts'
import { addPerson, findOrAddParty } from '../../src/domain/person/person.service.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { recordSignOff } from '../../src/domain/sign-off/sign-off.service.ts'
import { recordVote } from '../../src/domain/vote/vote.service.ts'
import {
  createTestCommittee,
  createTestMeeting,
  createTestOrganisation,
  testActor,
} from '../support/factories.ts'

/** A small fast PRNG (mulberry32): the same seed gives the same meetings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** What the generator wrote, so the test knows what must and what must not appear. */
export interface Generated {
  /** Markers of texts the public may see (the personnummer beside them still may not). */
  openMarkers: string[]
  /** Markers of texts that must never reach the public. */
  secretMarkers: string[]
  /** Every personnummer written, as YYMMDD-NNNC (the forms with century or without dash contain these digits). */
  identityNumbers: string[]
  committees: Array<{ slug: string }>
  meetings: Array<{ committeeSlug: string; slug: string; sectionNumbers: number[] }>
  persons: Array<{ slug: string }>
  parties: string[]
  registryNumbers: string[]
  /** How many of each case of interest were generated, so the test can tell it was not vacuous. */
  counts: Record<
    | 'secretItems'
    | 'secretDocuments'
    | 'secretDocumentsAfterNotice'
    | 'secretSections'
    | 'openSectionsOfSecretItems'
    | 'unsignedSections'
    | 'unannouncedMeetings',
    number
  >
}

const words = ['lokaler', 'taxor', 'skolskjuts', 'bygglov', 'bidrag', 'avfall', 'parkering', 'tillsyn']

/** Generates `meetingCount` meetings in three committees of one organisation. */
export async function generateMeetings(db: Db, seed: number, meetingCount: number): Promise<Generated> {
  const random = seededRandom(seed)
  const chance = (p: number) => random() < p
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  const out: Generated = {
    openMarkers: [],
    secretMarkers: [],
    identityNumbers: [],
    committees: [],
    meetings: [],
    persons: [],
    parties: [],
    registryNumbers: [],
    counts: {
      secretItems: 0,
      secretDocuments: 0,
      secretDocumentsAfterNotice: 0,
      secretSections: 0,
      openSectionsOfSecretItems: 0,
      unsignedSections: 0,
      unannouncedMeetings: 0,
    },
  }
  let serial = 0
  /** A valid personnummer (Luhn) of a made-up person, different each call. */
  const identityNumber = () => {
    const year = 1930 + Math.floor(random() * 75)
    const month = 1 + Math.floor(random() * 12)
    const day = 1 + Math.floor(random() * 28)
    const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(random() * 1000)).padStart(3, '0')}`
    let sum = 0
    for (let i = 0; i < 9; i++) {
      const product = Number(nine[i]) * (i % 2 === 0 ? 2 : 1)
      sum += product > 9 ? product - 9 : product
    }
    const check = (10 - (sum % 10)) % 10
    const short = `${nine.slice(0, 6)}-${nine.slice(6)}${check}`
    out.identityNumbers.push(short)
    // Written as texts hold them: with the century or without, with the dash or without.
    const century = String(year).slice(0, 2)
    return pick([`${century}${short}`, short, short.replace('-', ''), `${century}${short.replace('-', '')}`])
  }
  /** A text with a marker that is public or secret as said, a Swedish word to search by, and a personnummer. */
  const text = (secret: boolean, what: string) => {
    const marker = `${secret ? 'HEMLIG' : 'OPPEN'}${String(++serial).padStart(5, '0')}Q`
    ;(secret ? out.secretMarkers : out.openMarkers).push(marker)
    return `${what} om ${pick(words)} ${marker} gäller ${identityNumber()}`
  }

  const organisation = await createTestOrganisation(db)
  const parties = []
  for (const abbreviation of ['S', 'M', 'C']) {
    parties.push(
      await inTransaction(db, (trx) =>
        findOrAddParty(trx, testActor, { organisationId: organisation.id, abbreviation }),
      ),
    )
    out.parties.push(abbreviation)
  }
  const committees: Array<{ committee: Committee; members: Array<Person & { partyId: number }> }> = []
  for (const name of ['Kulturnämnden', 'Miljönämnden', 'Tekniska nämnden']) {
    const committee = await createTestCommittee(db, { organisationId: organisation.id, name, seats: 3 })
    const members = []
    for (let i = 0; i < 3; i++) {
      const person = await inTransaction(db, (trx) =>
        addPerson(trx, testActor, {
          organisationId: organisation.id,
          name: `${name.slice(0, 5)} Ledamot ${i + 1}`,
        }),
      )
      const party = parties[i] as (typeof parties)[number]
      await inTransaction(db, (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: person.id,
          partyId: party.id,
          role: i === 0 ? 'chair' : 'member',
          startsOn: '2022-01-01',
        }),
      )
      members.push({ ...person, partyId: party.id })
      out.persons.push({ slug: person.slug })
    }
    committees.push({ committee, members })
    out.committees.push({ slug: committee.slug })
  }

  for (let m = 0; m < meetingCount; m++) {
    const { committee, members } = committees[m % committees.length] as (typeof committees)[number]
    const meetsOn = new Date(Date.UTC(2023, 0, 10 + m * 5)).toISOString().slice(0, 10)
    let meeting = await createTestMeeting(db, {
      committee,
      meetsOn,
      startTime: '18:00',
      location: 'Stadshuset',
    })
    const announced = chance(0.85)
    if (!announced) out.counts.unannouncedMeetings++
    const items = []
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
      const confidential = chance(0.4)
      const secret = confidential || !announced
      if (confidential) out.counts.secretItems++
      const registryNumber = `PT ${m + 1}/${i + 1}-${seed % 1000}`
      const matter = await inTransaction(db, (trx) =>
        registerMatter(trx, testActor, {
          organisationId: organisation.id,
          registryNumber,
          title: text(secret, 'Ärendet'),
        }),
      )
      out.registryNumbers.push(registryNumber)
      const item = await inTransaction(db, (trx) =>
        addAgendaItem(trx, testActor, {
          meetingId: meeting.id,
          number: String(i + 1),
          // The heading groups items on the agenda and stays when an item is secret (B4).
          heading: text(!announced, 'Rubriken'),
          title: text(secret, 'Ärendet'),
          summary: text(secret, 'Sammanfattningen'),
          proposal: [text(secret, 'Förslaget')],
          matterId: matter.id,
          ...(confidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
        }),
      )
      const attach = async () => {
        const documentConfidential = chance(0.4)
        if (documentConfidential) out.counts.secretDocuments++
        const document = await inTransaction(db, (trx) =>
          registerDocument(trx, testActor, {
            organisationId: organisation.id,
            title: text(secret || documentConfidential, 'Bilagan'),
            kind: 'bilaga',
            sourceUrl: 'https://example.org/bilaga.pdf',
            extractedText: text(secret || documentConfidential, 'Texten i bilagan'),
            ...(documentConfidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
          }),
        )
        await inTransaction(db, (trx) =>
          attachDocument(trx, testActor, { agendaItemId: item.id, documentId: document.id }),
        )
        return documentConfidential
      }
      if (chance(0.7)) await attach()
      items.push({ item, confidential, attach })
    }
    const sectionNumbers: number[] = []
    out.meetings.push({ committeeSlug: committee.slug, slug: meeting.slug, sectionNumbers })
    if (!announced) continue
    meeting = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    // Documents added after the notice go into the public list of changes.
    for (const { attach } of items)
      if (chance(0.5) && (await attach())) out.counts.secretDocumentsAfterNotice++
    if (!chance(0.8)) continue

    const [chair, ...others] = members as [(typeof members)[number], ...typeof members]
    const minutes = await inTransaction(db, (trx) =>
      openMinutes(trx, testActor, { meetingId: meeting.id, chairPersonId: chair.id }),
    )
    for (const p of members) {
      await recordAttendance(db, testActor, {
        meetingId: meeting.id,
        personId: p.id,
        partyId: p.partyId,
        role: p === chair ? 'chair' : 'member',
        present: true,
      })
    }
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [chair.id, others[0]?.id ?? chair.id],
      }),
    )
    const sections = []
    for (const { item, confidential: itemConfidential } of [
      ...items,
      { item: undefined, confidential: false },
    ]) {
      if (!item && !chance(0.5)) continue // now and then a § without an agenda item
      const confidential = chance(0.3)
      sections.push({ item, itemConfidential, confidential })
    }
    const signedCount = chance(0.8) ? sections.length : Math.floor(random() * sections.length)
    for (const [index, s] of sections.entries()) {
      const signed = index < signedCount
      const secret = s.confidential || s.itemConfidential || !signed
      if (s.confidential || s.itemConfidential) out.counts.secretSections++
      if (s.itemConfidential && !s.confidential && signed) out.counts.openSectionsOfSecretItems++
      if (!signed) out.counts.unsignedSections++
      const section = await addSection(db, testActor, {
        minutesId: minutes.id,
        ...(s.item ? { agendaItemId: s.item.id } : {}),
        title: text(secret, 'Ärendet'),
        summary: text(secret, 'Sammanfattningen'),
        decision: [text(secret, 'Beslutet')],
        decisionProcedure: text(secret, 'Beslutsgången'),
        // Only the § itself: whether its item is secret must reach it through the disclosure rule.
        confidential: s.confidential,
      })
      sectionNumbers.push(section.number)
      for (const p of members)
        await inTransaction(db, (trx) =>
          recordServing(trx, testActor, { sectionId: section.id, personId: p.id, partyId: p.partyId }),
        )
      const author = pick(members)
      await inTransaction(db, (trx) =>
        recordMotion(trx, testActor, {
          sectionId: section.id,
          text: text(secret, 'Yrkandet'),
          authors: [{ personId: author.id, partyId: author.partyId }],
        }),
      )
      await inTransaction(db, (trx) =>
        recordVote(trx, testActor, {
          sectionId: section.id,
          kind: 'open',
          question: text(secret, 'Frågan'),
          yesMeans: text(secret, 'Ja-förslaget'),
          noMeans: text(secret, 'Nej-förslaget'),
          chairPersonId: chair.id,
          ballots: members.map((p, i) => ({ personId: p.id, choice: i === 1 ? 'no' : 'yes' })),
        }),
      )
      await inTransaction(db, (trx) =>
        recordDissent(trx, testActor, {
          sectionId: section.id,
          text: text(secret, 'Reservationen'),
          // Only who voted against the decision may dissent (KL 4:27): the second member did.
          authors: [{ personId: (members[1] ?? chair).id, partyId: (members[1] ?? chair).partyId }],
        }),
      )
      await inTransaction(db, (trx) =>
        recordStatement(trx, testActor, {
          sectionId: section.id,
          kind: 'protokollsanteckning',
          text: text(secret, 'Anteckningen'),
          authors: [{ personId: author.id, partyId: author.partyId }],
        }),
      )
    }
    if (signedCount > 0) {
      const signedOffOn = new Date(Date.parse(meetsOn) + 3 * 86_400_000).toISOString().slice(0, 10)
      const signOff = await inTransaction(db, (trx) =>
        recordSignOff(trx, testActor, {
          minutesId: minutes.id,
          sectionNumbers: sectionNumbers.slice(0, signedCount),
          signedOffOn,
          immediate: false,
          signatoryPersonIds: [chair.id],
        }),
      )
      await inTransaction(db, (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: signOff.id, postedOn: signedOffOn }),
      )
    }
  }
  return out
}
