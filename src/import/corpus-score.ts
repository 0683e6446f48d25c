import type { Attendee, DocumentJson, Item } from '../domain/publication/document-json.ts'

/**
 * Scores a parsed document against the facts a person annotated by reading it (test/fixtures/corpus):
 * recall per kind of fact. Names and titles compare loosely — case, whitespace, punctuation and
 * accents aside — because the question is whether the parser found the fact, not how it spelled it.
 */

export interface AnnotatedPerson {
  name: string
  party?: string
  /** 'beslutande' when the document does not say who of them served for whom. */
  role: string
}

export interface AnnotatedItem {
  number?: string
  title?: string
  dnr?: string
  presenter?: string
}

export interface AnnotatedVote {
  item: string
  yes?: number
  no?: number
  abstain?: number
}

export interface Facts {
  source: string
  kind: 'agenda' | 'minutes'
  committee?: string
  date?: string
  place?: string
  chair?: string
  secretary?: string
  signatories?: string[]
  sectionRange?: string
  noticePosted?: string
  noticeRemoved?: string
  appealDeadline?: string
  attendance?: AnnotatedPerson[]
  items?: AnnotatedItem[]
  votes?: AnnotatedVote[]
}

export const FACT_KINDS = [
  'kind',
  'committee',
  'date',
  'place',
  'chair',
  'secretary',
  'signatories',
  'sections',
  'notice',
  'attendance',
  'party',
  'role',
  'items',
  'titles',
  'dnr',
  'presenter',
  'votes',
] as const
export type FactKind = (typeof FACT_KINDS)[number]

export interface Tally {
  found: number
  total: number
}
export type Score = Record<FactKind, Tally>

export function emptyScore(): Score {
  return Object.fromEntries(FACT_KINDS.map((k) => [k, { found: 0, total: 0 }])) as Score
}

export function addScores(into: Score, from: Score): void {
  for (const k of FACT_KINDS) {
    into[k].found += from[k].found
    into[k].total += from[k].total
  }
}

export function recall(score: Score): { found: number; total: number; ratio: number } {
  let found = 0
  let total = 0
  for (const k of FACT_KINDS) {
    found += score[k].found
    total += score[k].total
  }
  return { found, total, ratio: total === 0 ? 1 : found / total }
}

/** Lower case, no accents, no punctuation, single spaces: "Dmitar Savic´" ~ "dmitar savic". */
export function loose(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && loose(a) === loose(b)
}

// A title counts when one contains the other (the parser may keep "yttrande" or drop a trailing
// clause); a place when the annotated place is in the parsed one or the other way round.
function contains(a: string | undefined, b: string | undefined): boolean {
  const x = loose(a)
  const y = loose(b)
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x))
}

const SERVING = new Set(['ordförande', 'vice ordförande', 'ledamot'])
const OTHERS = new Set(['tjänsteperson', 'övrig'])

function sameRole(annotated: string, parsed: string): boolean {
  if (annotated === 'beslutande') return SERVING.has(parsed) || parsed === 'tjänstgörande ersättare'
  if (annotated === 'ledamot') return SERVING.has(parsed)
  if (OTHERS.has(annotated)) return OTHERS.has(parsed)
  return annotated === parsed
}

function itemKey(item: Item): string | undefined {
  if (item.section !== undefined) return String(item.section)
  return item.number?.replace(/\.$/, '')
}

/** The score of one parsed document (undefined when the parser refused it) against its facts. */
export function scoreDocument(facts: Facts, doc: DocumentJson | undefined): Score {
  const score = emptyScore()
  const count = (kind: FactKind, hit: boolean) => {
    score[kind].total++
    if (hit) score[kind].found++
  }
  count('kind', doc?.kind === facts.kind)
  if (facts.committee) count('committee', contains(doc?.committee, facts.committee))
  if (facts.date) count('date', doc?.meeting?.date === facts.date)
  if (facts.place) count('place', contains(doc?.meeting?.location, facts.place))
  if (facts.chair) count('chair', sameName(doc?.chair, facts.chair))
  if (facts.secretary) count('secretary', sameName(doc?.secretary, facts.secretary))
  for (const name of facts.signatories ?? []) {
    count(
      'signatories',
      (doc?.signatories ?? []).some((s) => sameName(s, name)),
    )
  }
  if (facts.sectionRange) {
    const range = doc?.sections ? `${doc.sections.first}-${doc.sections.last}` : undefined
    count('sections', range === facts.sectionRange)
  }
  if (facts.noticePosted) count('notice', doc?.noticePosted === facts.noticePosted)
  if (facts.noticeRemoved) count('notice', doc?.noticeRemoved === facts.noticeRemoved)
  if (facts.appealDeadline) count('notice', doc?.appealDeadline === facts.appealDeadline)

  const attendees: Attendee[] = doc?.attendance ?? []
  for (const person of facts.attendance ?? []) {
    const found = attendees.find((a) => sameName(a.name, person.name))
    count('attendance', found !== undefined)
    if (person.party) count('party', found?.party?.toUpperCase() === person.party.toUpperCase())
    count('role', found !== undefined && sameRole(person.role, found.role))
  }

  const items = doc?.items ?? []
  for (const expected of facts.items ?? []) {
    const found = expected.number ? items.find((i) => itemKey(i) === expected.number) : undefined
    count('items', found !== undefined)
    if (expected.title) count('titles', contains(found?.title ?? found?.heading, expected.title))
    if (expected.dnr) {
      count(
        'dnr',
        (found?.registryNumbers ?? []).some((r) => loose(r) === loose(expected.dnr)),
      )
    }
    if (expected.presenter) {
      const presenter = (found as { presenter?: string } | undefined)?.presenter
      count('presenter', contains(presenter, expected.presenter))
    }
  }
  for (const vote of facts.votes ?? []) {
    const found = items.find((i) => itemKey(i) === vote.item)?.votes?.[0]
    if (vote.yes !== undefined) count('votes', found?.yes === vote.yes)
    if (vote.no !== undefined) count('votes', found?.no === vote.no)
    if (vote.abstain !== undefined) count('votes', found?.abstain === vote.abstain)
  }
  return score
}
