import type { Db } from '../db/database.ts'
import { addAgendaItem } from '../domain/agenda/agenda.service.ts'
import { createCommittee } from '../domain/committee/committee.service.ts'
import { registerMatter } from '../domain/matter/matter.service.ts'
import { changeMeetingStatus, scheduleMeeting } from '../domain/meeting/meeting.service.ts'
import { addMembership, addTerm } from '../domain/membership/membership.service.ts'
import { postMeetingNotice } from '../domain/notice-board/notice-board.service.ts'
import { createOrganisation } from '../domain/organisation/organisation.service.ts'
import { addPerson, findOrAddParty } from '../domain/person/person.service.ts'
import { systemActor } from '../domain/shared/actor.ts'
import { addDays, weekday } from '../domain/shared/calendar-date.ts'
import { loadDemoMinutes } from './demo-minutes.ts'
import { demoMembers, demoSubstitutes } from './demo-people.ts'

const actor = systemActor('demo')

/** Whether the database holds no organisation yet: the demo data only goes into an empty one. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').limit(1).execute()).length === 0
}

/**
 * Demo data modelled on Stockholm's Socialnämnden: its members and substitutes, the meeting of
 * 14 December 2022 with signed-off minutes (seed 002), and an upcoming meeting with a published
 * agenda. Everything goes through the same use cases a clerk uses.
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

  const people = await db.transaction().execute(async (trx) => {
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

  await loadDemoMinutes(db, actor, { organisationId: organisation.id, committeeId: social.id, people })

  // The next Wednesday at least two weeks ahead: committees meet on weekdays.
  let upcomingOn = addDays(today, 14)
  while (weekday(upcomingOn) !== 3) upcomingOn = addDays(upcomingOn, 1)
  await db.transaction().execute(async (trx) => {
    const meeting = await scheduleMeeting(trx, actor, {
      committeeId: social.id,
      meetsOn: upcomingOn,
      startTime: '17:00',
      location: 'Socialförvaltningen, Storforsplan 36, Farsta, lokal Storfors',
    })
    const items: Array<{ title: string; summary?: string; dnr?: string; confidential?: boolean }> = [
      { title: 'Godkännande av dagordning' },
      { title: 'Val av justerare och tid för justering' },
      { title: 'Förvaltningen informerar' },
      {
        title: 'Ledsagning enligt socialtjänstlagen – utvärdering av ledsagningsmodellen',
        summary:
          'Förvaltningen har utvärderat den nya ledsagningsmodellen för personer med funktionsnedsättning.',
        dnr: '1.2.2-301/2025',
      },
      { title: 'Yttrande till förvaltningsrätten', confidential: true },
      { title: 'Anmälan av delegationsbeslut' },
    ]
    for (const [i, item] of items.entries()) {
      const matter = item.dnr
        ? await registerMatter(trx, actor, {
            organisationId: organisation.id,
            registryNumber: item.dnr,
            title: item.title,
            kind: 'rapport',
          })
        : undefined
      await addAgendaItem(trx, actor, {
        meetingId: meeting.id,
        number: String(i + 1),
        title: item.title,
        ...(item.summary ? { summary: item.summary } : {}),
        ...(matter ? { matterId: matter.id } : {}),
        ...(item.confidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
      })
    }
    await changeMeetingStatus(trx, actor, meeting, 'notice_published')
    await postMeetingNotice(trx, actor, { meetingId: meeting.id, postedOn: today })
  })
  return `Stockholms stad med Socialnämnden, ${people.size} ledamöter och ersättare, sammanträdet 2022-12-14 med justerat protokoll och ett kommande sammanträde ${upcomingOn}`
}
