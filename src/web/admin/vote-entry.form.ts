import type { BallotChoice } from '../../domain/vote/tally.ts'
import type { FormErrors, FormValues } from './form.tsx'

// The three quick ways to record a vote of a large assembly, as posted by the vote page: "alla ja
// utom …" (alla), party group by party group (grupper), and a secret election by its counts
// (sluten). Every field is named `<way>-<field>`, so the three forms' fields never share an id.

export type VoteWay = 'alla' | 'grupper' | 'sluten'
export const voteWays: readonly VoteWay[] = ['alla', 'grupper', 'sluten']

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
 * The form field a refusal belongs beside, from the domain's field name (see ballotsByGroup and
 * recordVote), so the error summary links to it and the field says what is wrong.
 */
export function fieldOfRefusal(
  way: VoteWay,
  domainField: string | undefined,
  chairPersonId: number | null,
): string {
  if (domainField === 'question') return `${way}-fraga`
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
