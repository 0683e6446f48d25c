import { slugify, uniqueSlug } from '../domain/shared/slug.ts'
import type { Random } from './random.ts'
import type { RowWriter } from './row-writer.ts'
import { committeePlan, firstNames, lastNames, parties, placeHeads, placeTails } from './vocabulary.ts'

// An organisation of a generated archive: its parties, terms, people, committees and who sits on
// them in each term (members by the parties' shares, substitutes, a chair from the majority).

export interface Seat {
  personId: number
  partyId: number
  party: string
  role: 'chair' | 'vice_chair' | 'member'
}

export interface Substitute {
  personId: number
  partyId: number
  party: string
}

export interface TermPlan {
  id: number
  startYear: number
  endYear: number
  /** The parties that govern in this term. */
  majority: ReadonlySet<string>
}

export interface CommitteePlan {
  id: number
  name: string
  slug: string
  seats: number
  /** The members and substitutes of each term, by the term's first year. */
  members: Map<number, { seats: Seat[]; substitutes: Substitute[] }>
}

export interface OrganisationPlan {
  id: number
  name: string
  slug: string
  committees: CommitteePlan[]
  terms: TermPlan[]
  partyIds: Map<string, number>
  createdAt: string
}

/** The organisation's name: a place name not used before in this archive. */
function organisationName(random: Random, taken: Set<string>, index: number): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const place = random.pick(placeHeads) + random.pick(placeTails)
    const name = index % 15 === 14 ? `Region ${place}` : `${place} kommun`
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
  const name = `${random.pick(placeHeads)}${random.pick(placeTails)} ${index + 1} kommun`
  taken.add(name)
  return name
}

/** Terms of office of four years (2023–2026, 2019–2022 …) covering the archive's years. */
function termYears(firstYear: number, lastYear: number): Array<[number, number]> {
  const terms: Array<[number, number]> = []
  let start = 2023 + Math.floor((firstYear - 2023) / 4) * 4
  while (start <= lastYear) {
    terms.push([start, start + 3])
    start += 4
  }
  return terms
}

/** Seats per party by the largest remainder, so a committee mirrors the council. */
function seatsByParty(seats: number, shares: ReadonlyArray<{ abbreviation: string; share: number }>) {
  const total = shares.reduce((sum, p) => sum + p.share, 0)
  const exact = shares.map((p) => ({ party: p.abbreviation, exact: (p.share / total) * seats }))
  const result = exact.map((e) => ({ party: e.party, seats: Math.floor(e.exact), rest: e.exact % 1 }))
  let left = seats - result.reduce((sum, r) => sum + r.seats, 0)
  for (const r of [...result].sort((a, b) => b.rest - a.rest)) {
    if (left-- <= 0) break
    r.seats++
  }
  return result.filter((r) => r.seats > 0)
}

export function planOrganisation(
  writer: RowWriter,
  random: Random,
  index: number,
  years: { first: number; last: number },
  taken: { organisationNames: Set<string>; personSlugs: Set<string> },
): OrganisationPlan {
  const name = organisationName(random, taken.organisationNames, index)
  const slug = slugify(name)
  const createdAt = `${years.first}-01-01T08:00:00.000Z`
  const id = writer.add('organisation', {
    created_at: createdAt,
    name,
    slug,
    kind: name.startsWith('Region') ? 'region' : 'kommun',
    settings: '{}',
    updated_at: createdAt,
  })

  // A local party in some organisations only; shares vary a little between organisations.
  const shares = parties
    .filter((p) => p.abbreviation !== 'LP' || random.chance(0.4))
    .map((p) => ({ ...p, share: p.share * (0.7 + random.next() * 0.6) }))
  const partyIds = new Map<string, number>()
  for (const p of shares) {
    partyIds.set(
      p.abbreviation,
      writer.add('party', {
        created_at: createdAt,
        organisation_id: id,
        abbreviation: p.abbreviation,
        name: p.name,
      }),
    )
  }

  const terms: TermPlan[] = termYears(years.first, years.last).map(([startYear, endYear]) => ({
    id: writer.add('term', {
      created_at: createdAt,
      organisation_id: id,
      name: `${startYear}–${endYear}`,
      starts_on: `${startYear}-01-01`,
      ends_on: `${endYear}-12-31`,
    }),
    startYear,
    endYear,
    majority: new Set(random.chance(0.5) ? ['S', 'V', 'MP', 'C'] : ['M', 'KD', 'L', 'SD', 'LP']),
  }))

  // The people of each party; a politician often sits on several committees and for several terms.
  const pool = new Map<string, Array<{ personId: number }>>()
  const newPerson = (party: string) => {
    const personName = `${random.pick(firstNames)} ${random.pick(lastNames)}`
    const personSlug = uniqueSlug(slugify(personName), taken.personSlugs)
    taken.personSlugs.add(personSlug)
    const person = {
      personId: writer.add('person', {
        created_at: createdAt,
        organisation_id: id,
        name: personName,
        slug: personSlug,
        title: null,
      }),
    }
    let list = pool.get(party)
    if (!list) {
      list = []
      pool.set(party, list)
    }
    list.push(person)
    return person
  }
  const somePerson = (party: string) => {
    const list = pool.get(party) ?? []
    return list.length > 3 && random.chance(0.3) ? random.pick(list) : newPerson(party)
  }

  const committees: CommitteePlan[] = []
  const committeeIds = new Map<string, number>()
  for (const plan of committeePlan) {
    const committeeName = plan.name.replace('Kommun', name.startsWith('Region') ? 'Region' : 'Kommun')
    const committeeSlug = `${slugify(committeeName)}-${slug}`
    const committeeId = writer.add('committee', {
      created_at: createdAt,
      organisation_id: id,
      parent_id: plan.parent ? (committeeIds.get(plan.parent) ?? null) : null,
      name: committeeName,
      slug: committeeSlug,
      kind: plan.kind,
      seats: plan.seats,
      settings: '{}',
      updated_at: createdAt,
    })
    committeeIds.set(plan.name, committeeId)
    const committee: CommitteePlan = {
      id: committeeId,
      name: committeeName,
      slug: committeeSlug,
      seats: plan.seats,
      members: new Map(),
    }
    let previous: Seat[] = []
    for (const term of terms) {
      const seats: Seat[] = []
      const substitutes: Substitute[] = []
      for (const { party, seats: count } of seatsByParty(plan.seats, shares)) {
        const partyId = partyIds.get(party) as number
        const stayed = previous.filter((s) => s.party === party && random.chance(0.6))
        for (let i = 0; i < count; i++) {
          const person = stayed[i] ?? somePerson(party)
          seats.push({ personId: person.personId, partyId, party, role: 'member' })
        }
        for (let i = 0; i < Math.ceil(count / 2); i++) {
          substitutes.push({ ...somePerson(party), partyId, party })
        }
      }
      // The chair from the largest governing party, the vice chair from the opposition.
      const chair = seats.find((s) => term.majority.has(s.party)) ?? seats[0]
      const vice = seats.find((s) => !term.majority.has(s.party) && s !== chair) ?? seats[1]
      if (chair) chair.role = 'chair'
      if (vice && vice !== chair) vice.role = 'vice_chair'
      // A person holds one seat per committee: a repeated draw becomes a new person.
      const seen = new Set<number>()
      for (const seat of [...seats, ...substitutes]) {
        if (seen.has(seat.personId)) seat.personId = newPerson(seat.party).personId
        seen.add(seat.personId)
      }
      const term_id = term.id
      const starts_on = `${term.startYear}-01-01`
      const ends_on = `${term.endYear}-12-31`
      for (const seat of seats) {
        writer.add('membership', {
          created_at: createdAt,
          committee_id: committeeId,
          person_id: seat.personId,
          term_id,
          party_id: seat.partyId,
          role: seat.role,
          substitute_order: null,
          starts_on,
          ends_on,
        })
      }
      substitutes.forEach((s, i) => {
        writer.add('membership', {
          created_at: createdAt,
          committee_id: committeeId,
          person_id: s.personId,
          term_id,
          party_id: s.partyId,
          role: 'substitute',
          substitute_order: i + 1,
          starts_on,
          ends_on,
        })
      })
      committee.members.set(term.startYear, { seats, substitutes })
      previous = seats
    }
    committees.push(committee)
  }
  return { id, name, slug, committees, terms, partyIds, createdAt }
}
