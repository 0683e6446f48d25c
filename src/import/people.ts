import type { Actor } from '../domain/publication/document-json.ts'

const PARTY_NAMES: Record<string, string> = {
  socialdemokraterna: 'S',
  moderaterna: 'M',
  sverigedemokraterna: 'SD',
  centerpartiet: 'C',
  vänsterpartiet: 'V',
  kristdemokraterna: 'KD',
  liberalerna: 'L',
  miljöpartiet: 'MP',
}

// Older protocols print parties in lower case: "(s)", "(fp)", "(kd)".
const PARTY = /^(?:[\p{Lu}][\p{L}!]{0,7}|\p{Ll}{1,3})$/u
const PARTICLES = new Set([
  'af',
  'av',
  'von',
  'van',
  'der',
  'de',
  'la',
  'le',
  'el',
  'al',
  'bin',
  'di',
  'da',
  'du',
])
const NOT_NAMES = new Set([
  'Ordföranden',
  'Ordförande',
  'Ledamoten',
  'Ledamöterna',
  'Ersättaren',
  'Ersättarna',
  'Nämnden',
  'Styrelsen',
  'Förvaltningen',
  'Vice',
  'Kommunstyrelsen',
  'Och',
  'Samt',
  'Ledamot',
  'Ersättare',
  'Från',
  'För',
])

/** True when the text is a printed party abbreviation: "S", "MP", "F!". */
export function isParty(s: string): boolean {
  return PARTY.test(s)
}

function isNameToken(t: string): boolean {
  // "PRO T OK OL L" (a letter-spaced heading) is not a name; "RosMarie" is.
  return /^[\p{Lu}][\p{L}'’.-]*$/u.test(t) && !NOT_NAMES.has(t) && !/^\p{Lu}{2,}$/u.test(t)
}

/** The person's name at the end of a phrase: "ledamoten Anna Berg" → "Anna Berg"; two or more words. */
export function trailingName(phrase: string): string | undefined {
  const tokens = phrase.trim().split(/\s+/).slice(-8)
  let start = tokens.length
  while (start > 0) {
    const t = tokens[start - 1] ?? ''
    if (isNameToken(t) || (PARTICLES.has(t) && start < tokens.length)) start--
    else break
  }
  while (start < tokens.length && PARTICLES.has(tokens[start] ?? '')) start++
  const name = tokens.slice(start)
  return name.length >= 2 && name.length <= 6 ? name.join(' ') : undefined
}

/** True when the whole phrase is a name: two to six capitalised words (particles allowed). */
export function isName(phrase: string): boolean {
  const name = trailingName(phrase)
  return name !== undefined && name.length === phrase.trim().replace(/\s+/g, ' ').length
}

export interface PersonRef {
  name?: string
  party?: string
  /** Text after the closing parenthesis. */
  rest: string
  /** Text before the name. */
  before: string
}

/** Reads "Name (P) rest" at the start of a line; undefined when no "(P)" follows a name. */
export function parsePerson(text: string): PersonRef | undefined {
  const open = text.indexOf('(')
  if (open <= 0 || open > 120) return undefined
  const close = text.indexOf(')', open)
  if (close === -1 || close - open > 12) return undefined
  const party = text.slice(open + 1, close).trim()
  if (!isParty(party)) return undefined
  const head = text.slice(0, open).replace(/\s*m\.\s?fl\.?\s*$/, '')
  const name = trailingName(head)
  if (!name) return undefined
  const before = head.slice(0, head.lastIndexOf(name)).trim()
  const code = party === party.toLowerCase() ? party.toUpperCase() : party
  return { name, party: code, rest: text.slice(close + 1), before }
}

/**
 * The people and groups named in a phrase, as printed: "Anna Berg m.fl. (S), Per Holm (M) och (C)"
 * gives three actors; spelled-out party names ("Moderaterna") give their abbreviation.
 */
export function actorsIn(phrase: string): Actor[] {
  const text = phrase.slice(0, 1000)
  const actors: Actor[] = []
  let from = 0
  const parens = /\(([^()]{1,40})\)/g
  for (const m of text.matchAll(parens)) {
    const inner = (m[1] ?? '').trim()
    const parties = inner.split(/\s*(?:,|\boch\b|&)\s*/).filter(Boolean)
    if (parties.length === 0 || !parties.every(isParty)) continue
    const chunk = text.slice(from, m.index)
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8)
    from = (m.index ?? 0) + m[0].length
    const andOthers = /m\.\s?fl\.?\s*$/.test(chunk) || /^\s*m\.\s?fl\b/.test(after)
    const name = parties.length === 1 ? trailingName(chunk.replace(/\s*m\.\s?fl\.?\s*$/, '')) : undefined
    for (const party of parties) {
      const actor: Actor = {}
      if (name) actor.name = name
      actor.party = party
      if (andOthers) actor.andOthers = true
      actors.push(actor)
    }
  }
  if (actors.length === 0) {
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      const party = PARTY_NAMES[word]
      if (party && !actors.some((a) => a.party === party)) actors.push({ party })
    }
  }
  return actors
}
