import type { BallotChoice } from '../../../domain/vote/tally.ts'
import type { FormErrors, FormValues } from '../shared/form.view.tsx'

// The three quick ways to record a vote of a large assembly, as posted by the vote page: "alla ja
// utom …" (alla), party group by party group (grupper), a secret election by its counts (sluten),
// and a secret election between more than two candidates (val). Every field is named
// `<way>-<field>`, so the forms' fields never share an id.

export type VoteWay = 'alla' | 'grupper' | 'sluten' | 'val'
export const voteWays: readonly VoteWay[] = ['alla', 'grupper', 'sluten', 'val']

/** The rows of candidates the form offers; rows left empty are not candidates. */
export const candidateRows = 8

/** The words on the forms for a ballot, in the order they are offered. */
export const choiceWords: ReadonlyArray<readonly [BallotChoice, string]> = [
  ['yes', 'ja'],
  ['no', 'nej'],
  ['abstain', 'avstår'],
]

const isChoice = (value: string | undefined): value is BallotChoice =>
  value === 'yes' || value === 'no' || value === 'abstain'

/** Every non-empty string field of a form body (the first of repeated ones), trimmed. */
export function valuesOf(body: unknown): FormValues {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const values: FormValues = {}
  for (const [name, raw] of Object.entries(fields)) {
    const value = Array.isArray(raw) ? raw[0] : raw
    if (typeof value === 'string' && value.trim() && name !== '_csrf') values[name] = value.trim()
  }
  return values
}

/** The `<prefix><id>` fields with a ballot as their value, by id. */
function choicesBy(values: FormValues, prefix: string): Map<number, BallotChoice> {
  const found = new Map<number, BallotChoice>()
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith(prefix)) continue
    const id = name.slice(prefix.length)
    if (/^\d+$/.test(id) && isChoice(value)) found.set(Number(id), value)
  }
  return found
}

/** What the alla or grupper form says: everyone's vote, the groups' votes and the exceptions. */
export function groupVoteOf(way: 'alla' | 'grupper', values: FormValues) {
  const everyone = way === 'alla' ? values['alla-alla'] : undefined
  return {
    question: values[`${way}-fraga`] ?? '',
    yesMeans: values[`${way}-ja-for`] ?? '',
    noMeans: values[`${way}-nej-for`] ?? '',
    result: values[`${way}-resultat`] ?? '',
    everyone: isChoice(everyone) ? everyone : undefined,
    groups: way === 'grupper' ? choicesBy(values, 'grupper-grupp-') : new Map<number, BallotChoice>(),
    exceptions: choicesBy(values, `${way}-undantag-`),
  }
}

/** A count as typed: a whole number, -1 when it is something else, undefined when empty. */
const countOf = (text: string | undefined) =>
  text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : -1

/** What the secret election form says: the counts per candidate or proposal, and blank ballots. */
export function secretVoteOf(values: FormValues) {
  const lot = values['sluten-lott']
  const kind = values['sluten-slag'] === 'appointment' ? ('appointment' as const) : ('election' as const)
  return {
    kind,
    question: values['sluten-fraga'] ?? '',
    yesMeans: values['sluten-ja-for'] ?? '',
    noMeans: values['sluten-nej-for'] ?? '',
    result: values['sluten-resultat'] ?? '',
    counts: {
      yes: countOf(values['sluten-antal-ja']),
      no: countOf(values['sluten-antal-nej']),
      abstain: countOf(values['sluten-antal-blanka']) ?? 0,
    },
    lot: lot === 'yes' || lot === 'no' ? (lot as 'yes' | 'no') : undefined,
  }
}

/**
 * What the election between candidates says: each named candidate with their votes, in the order
 * of the rows, the blank ballots, and the row the lot fell on (its candidate's name).
 */
export function candidateElectionOf(values: FormValues) {
  const candidates: { name: string; votes: number }[] = []
  for (let row = 1; row <= candidateRows; row++) {
    const name = values[`val-kandidat-${row}`] ?? ''
    const votes = countOf(values[`val-antal-${row}`])
    if (name || votes !== undefined) candidates.push({ name, votes: votes ?? -1 })
  }
  const lotRow = values['val-lott']
  const lot = lotRow ? values[`val-kandidat-${lotRow}`] : undefined
  return {
    kind: values['val-slag'] === 'appointment' ? ('appointment' as const) : ('election' as const),
    question: values['val-fraga'] ?? '',
    result: values['val-resultat'] ?? '',
    candidates,
    blank: countOf(values['val-antal-blanka']) ?? 0,
    lot,
  }
}

/**
 * The form field a refusal belongs beside, from the domain's field name (see ballotsByGroup and
 * recordVote), so the error summary links to it and the field says what is wrong.
 */
export function fieldOfRefusal(
  way: VoteWay,
  domainField: string | undefined,
  chairPersonId: number | null,
): string {
  if (domainField === 'question') return `${way}-fraga`
  if (way === 'val') {
    if (domainField === 'drawLot') return 'val-lott'
    if (domainField === 'blank') return 'val-antal-blanka'
    if (domainField === 'candidates' || domainField === 'counts') return 'val-kandidat-1'
    return 'val'
  }
  if (way === 'sluten') {
    if (domainField === 'drawLot') return 'sluten-lott'
    if (domainField === 'counts' || domainField === 'ballots') return 'sluten-antal-ja'
    return 'sluten'
  }
  const group = /^group-(\d+)$/.exec(domainField ?? '')
  if (group && way === 'grupper') return `grupper-grupp-${group[1]}`
  const exception = /^exception-(\d+)$/.exec(domainField ?? '')
  if (exception) return `${way}-undantag-${exception[1]}`
  if (domainField === 'chairVote' && chairPersonId) return `${way}-undantag-${chairPersonId}`
  if (domainField === 'ballots' && way === 'alla') return 'alla-alla'
  return way
}

/** The refusal as the page shows it: beside its field, or at the top of its form. */
export const refusalAt = (field: string, message: string): FormErrors => ({ [field]: message })
