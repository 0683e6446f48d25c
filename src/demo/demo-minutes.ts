import type { Db } from '../db/database.ts'
import { addAgendaItem } from '../domain/agenda/agenda.service.ts'
import { registerMatter } from '../domain/matter/matter.service.ts'
import { changeMeetingStatus, scheduleMeeting } from '../domain/meeting/meeting.service.ts'
import { appointSignatories, openMinutes, recordAttendance } from '../domain/minutes/minutes.service.ts'
import { addSection, recordServing } from '../domain/minutes/section.service.ts'
import { recordDissent, recordMotion, recordStatement } from '../domain/minutes/section-record.service.ts'
import { postMinutesNotice } from '../domain/notice-board/notice-board.service.ts'
import { addPerson } from '../domain/person/person.service.ts'
import type { Actor } from '../domain/shared/actor.ts'
import { recordSignOff } from '../domain/sign-off/sign-off.service.ts'
import { demoMembers, demoServing, demoSubstitutes } from './demo-people.ts'

type People = Map<string, { personId: number; partyId: number }>

// The meeting of 14 December 2022 as seed 002 records it, shortened to the §§ that show each
// formality: decision points, a särskilt uttalande, motions with a dissent, immediate sign-off.
const sections: Array<{ title: string; dnr?: string; decision?: string[]; immediate?: boolean }> = [
  { title: 'Godkännande av dagordning', decision: ['Den utsända dagordningen godkändes.'] },
  {
    title: 'Val av justerare och dag för justering',
    decision: [
      'Ordföranden Jan Jönsson (L) och ledamoten Anders Göransson (S) utses att justera dagens protokoll.',
    ],
  },
  { title: 'Förvaltningen informerar', decision: ['Nämnden tackade för informationen.'] },
  { title: 'Nämndens frågor till förvaltningen' },
  {
    title: 'Månadsrapport november 2022',
    dnr: '1.2.2-72/2022',
    decision: [
      'Socialnämnden godkänner rapporten.',
      'Förvaltningschefen ges i uppdrag besluta om bidrag till Sociala Missionen för projektet ”Att höra till – samordnade insatser för äldre i utsatthet” förutsatt att godkänd ansökan inkommer.',
    ],
  },
  {
    title: 'Avtal om samverkan för insatser till avhoppare mellan Stockholm, Göteborg och Malmö',
    dnr: '2.3.4-594/2022',
  },
  { title: 'Enkätundersökning inom ekonomiskt bistånd 2022', dnr: '3.1.1-552/2022' },
  { title: 'Socialnämndens riktlinjer för EU-policyarbete', dnr: '3.1.1-595/2022' },
  { title: 'Utbyggnad av bostäder med särskild service LSS' },
  {
    title:
      'Redovisning av budgetuppdraget ”Fortsätta att öka flexibiliteten och stärka individanpassning i ledsagningsmodellen”',
    dnr: '3.1.1-563/2022',
    decision: ['Socialnämnden godkänner förvaltningens tjänsteutlåtande som redovisning av budgetuppdraget.'],
  },
  { title: 'Rapport – Pilotstudie uppföljningsmodell' },
  { title: 'Ledsagning enligt SoL och ledsagarservice enligt LSS' },
  { title: 'Rapport av ej verkställda beslut enligt LSS och SoL', dnr: '3.1.1-601/2022' },
  { title: 'Fördelning av lokala utvecklingsmedel 2023', dnr: '3.2.2-590/2022' },
  { title: 'Handläggning av barnärenden 0-12 år' },
  { title: 'Anmälningsärenden' },
  {
    title: 'Övriga frågor',
    decision: ['Socialnämnden uppdrar till förvaltningen att besvara skrivelse från Sverigedemokraterna.'],
  },
  { title: 'Upphandlingsdokument för upphandling av sjuksköterskeinsatser på jourtid', immediate: true },
  {
    title: 'Beslut om tilldelning av uppdraget – Inventering av familjebehandlingsinsatser',
    dnr: '2.3.1-538/2022',
    immediate: true,
  },
]

/** The held meeting of 2022-12-14 with its signed-off, announced minutes. */
export async function loadDemoMinutes(
  db: Db,
  actor: Actor,
  input: { organisationId: number; committeeId: number; people: People },
) {
  const { people } = input
  const who = (name: string) => {
    const p = people.get(name)
    if (!p) throw new Error(`demo person ${name} missing`)
    return p
  }
  await db.transaction().execute(async (trx) => {
    let meeting = await scheduleMeeting(trx, actor, {
      committeeId: input.committeeId,
      meetsOn: '2022-12-14',
      startTime: '17:00',
      endTime: '17:15',
      location: 'Socialförvaltningen, Storforsplan 36, Farsta, lokal Storfors',
    })
    // The agenda the notice carried: one item per §, with the matter's registry number.
    const items: number[] = []
    for (const [i, s] of sections.entries()) {
      const matter = s.dnr
        ? await registerMatter(trx, actor, {
            organisationId: input.organisationId,
            registryNumber: s.dnr,
            title: s.title,
          })
        : undefined
      const item = await addAgendaItem(trx, actor, {
        meetingId: meeting.id,
        number: String(i + 1),
        title: s.title,
        ...(matter ? { matterId: matter.id } : {}),
        ...(s.immediate ? { immediateSignOff: true } : {}),
      })
      items.push(item.id)
    }
    meeting = await changeMeetingStatus(trx, actor, meeting, 'notice_published')
    const secretary = await addPerson(trx, actor, {
      organisationId: input.organisationId,
      name: 'Magnus Hillborg',
      title: 'nämndsekreterare',
    })
    const minutes = await openMinutes(trx, actor, {
      meetingId: meeting.id,
      chairPersonId: who('Jan Jönsson').personId,
      secretaryPersonId: secretary.id,
      signOffPlannedOn: '2022-12-19',
    })
    const servingFor = new Map(demoServing.map(([substitute, member]) => [member, substitute]))
    for (const m of demoMembers) {
      const present = !servingFor.has(m.name)
      await recordAttendance(trx, actor, {
        meetingId: meeting.id,
        ...who(m.name),
        role: m.role === 'chair' ? 'member' : m.role,
        present,
      })
    }
    for (const s of demoSubstitutes) {
      const member = demoServing.find(([substitute]) => substitute === s.name)?.[1]
      await recordAttendance(trx, actor, {
        meetingId: meeting.id,
        ...who(s.name),
        role: 'substitute',
        present: true,
        ...(member ? { servingForPersonId: who(member).personId } : {}),
      })
    }
    await recordAttendance(trx, actor, {
      meetingId: meeting.id,
      personId: secretary.id,
      role: 'official',
      title: 'nämndsekreterare',
      present: true,
    })
    await appointSignatories(trx, actor, {
      minutesId: minutes.id,
      personIds: [who('Jan Jönsson').personId, who('Anders Göransson').personId],
    })

    const serving = [
      ...demoMembers.filter((m) => !servingFor.has(m.name)).map((m) => ({ ...who(m.name) })),
      ...demoServing.map(([substitute, member]) => ({
        ...who(substitute),
        servingForPersonId: who(member).personId,
      })),
    ]
    const ids: number[] = []
    for (const [i, s] of sections.entries()) {
      const matter = s.dnr
        ? await registerMatter(trx, actor, {
            organisationId: input.organisationId,
            registryNumber: s.dnr,
            title: s.title,
          })
        : undefined
      const section = await addSection(trx, actor, {
        minutesId: minutes.id,
        agendaItemId: items[i]!,
        number: i + 1,
        title: s.title,
        decision: s.decision ?? [],
        immediateSignOff: s.immediate ?? false,
        ...(s.dnr ? { summary: `Dnr ${matter?.registryNumber}` } : {}),
      })
      ids.push(section.id)
      for (const person of serving) await recordServing(trx, actor, { sectionId: section.id, ...person })
    }
    await recordStatement(trx, actor, {
      sectionId: ids[5]!,
      kind: 'särskilt uttalande',
      text: 'Vi ser positivt på samverkan men vill att nämnden följer upp insatserna.',
      authors: [who('Gabriel Kroon')],
    })
    await recordMotion(trx, actor, {
      sectionId: ids[9]!,
      kind: 'approve',
      text: 'Bifall till förvaltningens förslag till beslut.',
      authors: [
        { ...who('Anders Göransson'), andOthers: true },
        { ...who('Jackie Nylander'), andOthers: true },
        who('Dan Guillou'),
        who('Gabriel Kroon'),
      ],
    })
    await recordMotion(trx, actor, {
      sectionId: ids[9]!,
      kind: 'amend',
      text: 'Att i huvudsak bifalla förvaltningens förslag, med tillägg.',
      points: [
        'att i huvudsak bifalla förvaltningens förslag till beslut.',
        'att uppdra till förvaltningen att fortsätta arbeta aktivt med implementeringen av Kommunfullmäktiges riktlinjer vad gäller flexibilitet och individanpassning i ledsagningsmodellen i stadsdelarna.',
        'att därutöver anföra att uppdraget inte kan anses vara färdigt.',
      ],
      authors: [
        who('Jan Jönsson'),
        { ...who('Ole-Jörgen Persson'), andOthers: true },
        who('María Paniagua Dachner'),
      ],
    })
    await recordDissent(trx, actor, {
      sectionId: ids[9]!,
      text: 'Till förmån för det egna yrkandet.',
      authors: [
        who('Jan Jönsson'),
        { ...who('Ole-Jörgen Persson'), andOthers: true },
        who('María Paniagua Dachner'),
      ],
    })
    const signatories = [who('Jan Jönsson').personId, who('Anders Göransson').personId]
    const immediate = await recordSignOff(trx, actor, {
      minutesId: minutes.id,
      sectionNumbers: [18, 19],
      signedOffOn: '2022-12-14',
      immediate: true,
      signatoryPersonIds: signatories,
    })
    const rest = await recordSignOff(trx, actor, {
      minutesId: minutes.id,
      sectionNumbers: Array.from({ length: 17 }, (_, i) => i + 1),
      signedOffOn: '2022-12-19',
      immediate: false,
      signatoryPersonIds: signatories,
    })
    await postMinutesNotice(trx, actor, { signOffId: immediate.id, postedOn: '2022-12-15' })
    await postMinutesNotice(trx, actor, { signOffId: rest.id, postedOn: '2022-12-19' })
  })
}
