import type { SearchEntryValues } from '../domain/search/search.repository.ts'
import { registryNumberText, searchEntryBody } from '../domain/search/search.service.ts'
import { normaliseText } from '../domain/search/search-text.ts'
import { type Item, json, type OrganisationState } from './meeting-rows.ts'
import type { CommitteePlan, Seat, TermPlan } from './organisation-plan.ts'
import type { Random } from './random.ts'
import type { RowWriter } from './row-writer.ts'
import type { SwedishText } from './swedish-text.ts'
import { statementKinds } from './vocabulary.ts'

// One § of generated minutes with what happened at it: the decision, motions when it was contested,
// sometimes a vote with every ballot and who served, a dissent, a statement or a recusal; and its
// search entry when it is public (as reindexMeeting builds it).

export interface Present {
  personId: number
  partyId: number
  party: string
  servingFor: number | null
}

export function section(
  writer: RowWriter,
  random: Random,
  text: SwedishText,
  state: OrganisationState,
  committee: CommitteePlan,
  term: TermPlan,
  present: readonly Present[],
  chair: Seat,
  at: {
    minutesId: number
    meetingId: number
    meetsOn: string
    signedOffOn: string
    item: Item
    number: number
    entries: SearchEntryValues[]
  },
): number {
  const { item, number } = at
  const stamp = `${at.signedOffOn}T10:00:00.000Z`
  let outcome = item.standard === 'notes' ? 'noted' : 'decided'
  if (item.standard === 'matter' && random.chance(0.04)) outcome = random.pick(['tabled', 'referred_back'])
  if (outcome === 'tabled' && item.matter) {
    state.carriedOver.get(committee.id)?.push({
      matterId: item.matter.id,
      registryNumber: item.matter.registryNumber,
      title: item.title,
    })
  }
  const decision =
    outcome === 'tabled'
      ? [`${committee.name} beslutar att bordlägga ärendet.`]
      : outcome === 'referred_back'
        ? [`${committee.name} beslutar att återremittera ärendet till förvaltningen.`]
        : item.standard === 'opening'
          ? [item.number === 1 ? `${committee.name} beslutar att utse justerare.` : 'Dagordningen godkänns.']
          : random.chance(0.5)
            ? [`${committee.name} beslutar i enlighet med förvaltningens förslag.`]
            : item.proposal
  const contested = item.standard === 'matter' && !item.confidential && random.chance(0.3)
  const voted = contested && random.chance(0.25)
  const procedure = contested
    ? 'Ordföranden ställer proposition på förvaltningens förslag mot avslag och finner bifall till förvaltningens förslag.'
    : null
  const sectionId = writer.add('section', {
    created_at: stamp,
    minutes_id: at.minutesId,
    agenda_item_id: item.id,
    number,
    label: `§ ${number}`,
    title: item.title,
    // The item's summary, read from the item: a § keeps none of its own while they agree (0040).
    summary: null,
    summary_from_item: true,
    decision: json(decision),
    decision_procedure: procedure,
    outcome,
    confidential: item.confidential,
    immediate_sign_off: false,
    version: 1,
    updated_at: stamp,
  })

  const motions: string[] = []
  const voteQuestions: string[] = []
  const dissents: string[] = []
  const statements: string[] = []
  const parties: string[] = []
  if (contested) {
    const governing = present.find((p) => term.majority.has(p.party)) ?? present[0]
    const opposing = present.find((p) => !term.majority.has(p.party))
    let position = 0
    for (const [author, kind, motionText] of [
      [governing, 'approve', 'Bifall till förvaltningens förslag.'],
      [
        opposing,
        random.pick(['reject', 'amend']),
        `Avslag på förvaltningens förslag och att ${text.topic()} utreds vidare.`,
      ],
    ] as const) {
      if (!author) continue
      const motionId = writer.add('motion', {
        created_at: stamp,
        section_id: sectionId,
        position: ++position,
        kind,
        text: motionText,
        points: '[]',
      })
      writer.add('motion_author', {
        motion_id: motionId,
        position: 1,
        person_id: author.personId,
        party_id: author.partyId,
        and_others: false,
      })
      motions.push(motionText)
      parties.push(author.party)
    }
    if (voted && opposing) {
      const question = `Bifall till förvaltningens förslag eller till ${opposing.party}:s yrkande?`
      const ballots = present.map((p) => ({
        p,
        choice: random.chance(0.04) ? 'abstain' : term.majority.has(p.party) ? 'yes' : 'no',
      }))
      const count = (choice: string) => ballots.filter((b) => b.choice === choice).length
      const [yes, no, abstain] = [count('yes'), count('no'), count('abstain')]
      // A tie goes the chair's way (KL 5:58); the chair is of the majority and votes yes.
      const voteId = writer.add('vote', {
        created_at: stamp,
        section_id: sectionId,
        position: 1,
        kind: 'open',
        question,
        yes_means: 'förvaltningens förslag',
        no_means: `${opposing.party}:s yrkande`,
        yes_count: yes,
        no_count: no,
        abstain_count: abstain,
        outcome: yes >= no ? 'yes' : 'no',
        decided_by: yes === no ? 'casting_vote' : 'majority',
        result: `Med ${yes} ja-röster mot ${no} nej-röster${abstain ? ` (${abstain} avstår)` : ''} beslutar nämnden ${yes >= no ? 'enligt förvaltningens förslag' : 'enligt yrkandet'}.`,
      })
      for (const [i, { p, choice }] of ballots.entries()) {
        writer.add('ballot', {
          vote_id: voteId,
          person_id: p.personId,
          party_id: p.partyId,
          choice,
        })
        writer.link('section_service', {
          section_id: sectionId,
          person_id: p.personId,
          party_id: p.partyId,
          serving_for_person_id: p.servingFor,
          remote: false,
          position: i + 1,
        })
      }
      voteQuestions.push(question)
      if (random.chance(0.7)) {
        const dissentText = `Reservation till förmån för ${opposing.party}:s yrkande.`
        const dissentId = writer.add('dissent', {
          created_at: stamp,
          section_id: sectionId,
          position: 1,
          text: dissentText,
        })
        writer.add('dissent_author', {
          dissent_id: dissentId,
          position: 1,
          person_id: opposing.personId,
          party_id: opposing.partyId,
          and_others: random.chance(0.5),
        })
        dissents.push(dissentText)
        parties.push(opposing.party)
      }
    }
  }
  if (item.standard === 'matter' && !item.confidential && random.chance(0.03)) {
    const author = random.pick(present)
    const statementText = text.sentence()
    const statementId = writer.add('statement', {
      created_at: stamp,
      section_id: sectionId,
      position: 1,
      kind: random.pick(statementKinds),
      text: statementText,
    })
    writer.add('statement_author', {
      statement_id: statementId,
      position: 1,
      person_id: author.personId,
      party_id: author.partyId,
      and_others: false,
    })
    statements.push(statementText)
    parties.push(author.party)
  }
  if (item.standard === 'matter' && !voted && random.chance(0.01)) {
    const recused = random.pick(present)
    if (recused.personId !== chair.personId)
      writer.add('recusal', {
        created_at: stamp,
        section_id: sectionId,
        person_id: recused.personId,
        reason: 'Jäv enligt KL 6:28',
      })
  }

  if (!item.confidential) {
    at.entries.push({
      kind: 'section',
      objectId: sectionId,
      meetingId: at.meetingId,
      committeeId: committee.id,
      meetsOn: at.meetsOn,
      publishedOn: at.signedOffOn,
      label: `§ ${number}`,
      anchor: `paragraf-${number}`,
      sectionNumber: number,
      title: normaliseText(item.title),
      body: searchEntryBody([
        item.summary,
        ...decision,
        procedure,
        ...motions,
        ...voteQuestions,
        ...dissents,
        ...statements,
        registryNumberText(item.matter?.registryNumber),
      ]),
      parties,
    })
  }
  return sectionId
}
