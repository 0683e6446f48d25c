import { sql } from 'kysely'
import { type Db, inTransaction } from '../db/database.ts'
import { dialectOf } from '../db/dialect.ts'
import { createUser, grantRole } from '../domain/account/account.service.ts'
import { createCommittee } from '../domain/committee/committee.service.ts'
import { addMembership, addTerm } from '../domain/membership/membership.service.ts'
import { createOrganisation } from '../domain/organisation/organisation.service.ts'
import { addPerson, findOrAddParty } from '../domain/person/person.service.ts'
import { systemActor } from '../domain/shared/actor.ts'
import { loadDemoDocuments } from './demo-documents.ts'
import { demoMembers, demoSubstitutes } from './demo-people.ts'

const actor = systemActor('demo')

/** Whether the database holds no organisation yet: the demo data only goes into an empty one. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').limit(1).execute()).length === 0
}

/** Held while `paragraf serve --demo` checks and fills the database (any fixed number; "demo"). */
const demoLockKey = 0x64656d6f

/**
 * Loads the demo data if the database is empty; for `paragraf serve --demo`. Several servers started
 * at once on one PostgreSQL database load it once: each checks and loads under an advisory lock, so
 * the others wait and find it filled. The lock is tried, not awaited, so no statement timeout ends
 * the wait; it is held by a connection of its own and ends with it if the server dies.
 */
export async function loadDemoDataIfEmpty(db: Db): Promise<boolean> {
  const fill = async () => {
    if (!(await isDatabaseEmpty(db))) return false
    await loadDemoData(db)
    return true
  }
  if (dialectOf(db) !== 'postgres') return fill()
  return db.connection().execute(async (holder) => {
    const tryLock = sql<{ locked: boolean }>`select pg_try_advisory_lock(${demoLockKey}) as locked`
    while (!(await tryLock.execute(holder)).rows[0]?.locked) await new Promise((r) => setTimeout(r, 200))
    try {
      return await fill()
    } finally {
      await sql`select pg_advisory_unlock(${demoLockKey})`.execute(holder)
    }
  })
}

/** The workspace's demo accounts; README.md gives their passwords. */
export const demoAccounts = {
  secretary: { email: 'sekreterare@example.se', name: 'Demo Sekreterare', password: 'demo-sekreterare-2026' },
  administrator: { email: 'admin@example.se', name: 'Demo Administratör', password: 'demo-admin-2026' },
} as const

/**
 * Demo data: Stockholm's Socialnämnden with its members and substitutes, and the city's three
 * published documents imported as a user would import them (see demo-documents.ts). Everything goes
 * through the same use cases a clerk uses.
 */
export async function loadDemoData(db: Db, today = new Date().toISOString().slice(0, 10)): Promise<string> {
  const organisation = await createOrganisation(db, actor, {
    name: 'Stockholms stad',
    kind: 'kommun',
    settings: { minutesKeptAt: 'Socialförvaltningen, Storforsplan 36, Farsta', noticePeriodDays: 7 },
  })
  await createCommittee(db, actor, {
    organisationId: organisation.id,
    name: 'Kommunfullmäktige',
    kind: 'fullmaktige',
    seats: 101,
  })
  await createCommittee(db, actor, {
    organisationId: organisation.id,
    name: 'Kommunstyrelsen',
    kind: 'styrelse',
    seats: 13,
  })
  const social = await createCommittee(db, actor, {
    organisationId: organisation.id,
    name: 'Socialnämnden',
    kind: 'namnd',
    seats: 13,
    settings: { individualMattersConfidential: true },
  })
  await createCommittee(db, actor, {
    organisationId: organisation.id,
    name: 'Socialnämndens arbetsutskott',
    kind: 'utskott',
    parentId: social.id,
    seats: 5,
  })

  const people = await inTransaction(db, async (trx) => {
    const term = await addTerm(trx, actor, {
      organisationId: organisation.id,
      name: '2019–2022',
      startsOn: '2019-01-01',
      endsOn: '2022-12-31',
    })
    const byName = new Map<string, { personId: number; partyId: number }>()
    const add = async (
      name: string,
      party: string,
      role: 'chair' | 'vice_chair' | 'member' | 'substitute',
      order?: number,
    ) => {
      const person = await addPerson(trx, actor, { organisationId: organisation.id, name })
      const partyRow = await findOrAddParty(trx, actor, {
        organisationId: organisation.id,
        abbreviation: party,
      })
      await addMembership(trx, actor, {
        committeeId: social.id,
        personId: person.id,
        partyId: partyRow.id,
        termId: term.id,
        role,
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        ...(order !== undefined ? { substituteOrder: order } : {}),
      })
      byName.set(name, { personId: person.id, partyId: partyRow.id })
    }
    for (const m of demoMembers) await add(m.name, m.party, m.role)
    for (const [i, s] of demoSubstitutes.entries()) await add(s.name, s.party, 'substitute', i + 1)
    // The current term keeps the same people, so the committee page has members today.
    const current = await addTerm(trx, actor, {
      organisationId: organisation.id,
      name: '2023–2026',
      startsOn: '2023-01-01',
      endsOn: '2026-12-31',
    })
    const next = await addTerm(trx, actor, {
      organisationId: organisation.id,
      name: '2027–2030',
      startsOn: '2027-01-01',
      endsOn: '2030-12-31',
    })
    for (const term of [current, next]) {
      const seats = [...demoMembers, ...demoSubstitutes.map((s) => ({ ...s, role: 'substitute' as const }))]
      for (const [i, m] of seats.entries()) {
        const p = byName.get(m.name)!
        await addMembership(trx, actor, {
          committeeId: social.id,
          personId: p.personId,
          partyId: p.partyId,
          termId: term.id,
          role: m.role,
          startsOn: term.startsOn,
          endsOn: term.endsOn,
          ...(m.role === 'substitute' ? { substituteOrder: i - demoMembers.length + 1 } : {}),
        })
      }
    }
    return byName
  })

  const meetings = await loadDemoDocuments(db, actor, { committeeSlug: social.slug, today })

  const secretary = await createUser(db, actor, demoAccounts.secretary)
  await grantRole(db, actor, {
    userId: secretary.id,
    role: 'secretary',
    organisationId: organisation.id,
    committeeId: social.id,
  })
  const administrator = await createUser(db, actor, demoAccounts.administrator)
  await grantRole(db, actor, {
    userId: administrator.id,
    role: 'administrator',
    organisationId: organisation.id,
  })
  return `Stockholms stad med Socialnämnden, ${people.size} ledamöter och ersättare, protokollet från ${meetings.minutes}, dagordningen från ${meetings.past} och ett kommande sammanträde ${meetings.upcoming}`
}
