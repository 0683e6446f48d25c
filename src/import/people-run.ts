import type { AttendanceRole, Attendee } from '../domain/publication/document-json.ts'
import { isFirstName } from './first-names.ts'

/**
 * Reads people printed as one run of text, as PDF text extraction leaves a cover page's columns:
 * "Kjell Hedvall (S), Kajsa Ezelius (S) …", "Jannike Hillding, M, Ordförande Astrid Lönn Jern, C …",
 * "M Bengt Ferm C Ragnar Nilsson …" (party first), "Maria Lind Peder Griph Siw Gustavsson" (no
 * separators at all), with their qualifiers: "ordförande", "ersätter Anna Berg (S)", "tj ersättare",
 * "ej närvarande", "§§ 130-133". Every person found keeps the role of the list they stand in unless a
 * qualifier says otherwise.
 */
export function readPeopleRun(input: string, group: AttendanceRole): Attendee[] {
  // A column of roles printed beside the list ends it: "… Kjell Hjalmarsson (MP) ordförande 1:e vice
  // ordförande 2:e vice ordförande" names the chair and vice chairs of the first members, in order.
  const column = ROLE_COLUMN.exec(input)
  const text = column ? input.slice(0, column.index) : input
  const leading = PARTY_FIRST.test(text)
  const tokens = tokenize(text, leading)
  const partyFirst =
    leading || (!tokens.some((t) => t.kind === 'party' && t.paren) && partyPrecedesNames(tokens))
  const people: Attendee[] = []
  let name: string[] = []
  let pendingParty: string | undefined
  let servingForNext = false
  let last: Attendee | undefined

  const close = () => {
    for (const n of splitRun(name)) {
      if (servingForNext && last) {
        last.servingFor = n
        last.role = 'tjänstgörande ersättare'
        servingForNext = false
        continue
      }
      const a: Attendee = { name: n, role: group, present: true }
      if (partyFirst && pendingParty) a.party = pendingParty
      pendingParty = undefined
      people.push(a)
      last = a
    }
    name = []
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    // A masked person's affiliation ("XXXX, Piteå Hockey 11") names an organisation, not a person.
    if (t.kind === 'word' && /^X{3,}$/i.test(t.text)) {
      if (name.length > 0) close()
      if (tokens[i + 1]?.text === ',') i++
      while (tokens[i + 1]?.kind === 'name' && !isFirstName(tokens[i + 1]?.text ?? '')) i++
      continue
    }
    if (t.kind === 'name') {
      const next = tokens[i + 1]
      if (name.length > 0 && startsNewName(name, t.text, next?.kind === 'party' && next.paren === true))
        close()
      name.push(t.text)
      continue
    }
    if (name.length > 0) close()
    if (t.kind === 'party') {
      if (partyFirst && !t.paren) pendingParty = t.text
      else if (last && !last.party && t.text !== '-') {
        if (last.servingFor) continue
        last.party = t.text
      }
      continue
    }
    if (t.kind !== 'word' || !last) continue
    const w = t.text.toLowerCase()
    const next = (tokens[i + 1]?.text ?? '').toLowerCase()
    // "Lisbeth Rehnlund sekreterare": the title printed after the name, in lower case.
    const previous = tokens[i - 1]?.kind
    if (
      /^(?:nämnd|kommun|förvaltnings)?sekreterare$|^protokollförare$/.test(t.text) &&
      (previous === 'name' || previous === 'party' || previous === 'punct') &&
      !last.title
    )
      last.title = t.text
    if (/^(?:ersätter|tjg|tj|ers|tjänstgör|tjänstgörande|ersättare)$/.test(w) && next === 'för') {
      // "ers för majoriteten" names no one; "tjg för Paula Örn (S)" does.
      servingForNext = tokens[i + 2]?.kind === 'name'
      if (!servingForNext && group === 'ledamot') last.role = 'ersättare'
      i++
    } else if (w === 'ersätter' || w === 'ersättande') servingForNext = tokens[i + 1]?.kind === 'name'
    // "Jan-Olof Andersson för Kurt Edlund": in the list of those deciding, a bare "för" between two
    // people says who served for whom.
    else if (
      w === 'för' &&
      (group === 'ledamot' || group === 'tjänstgörande ersättare') &&
      (tokens[i - 1]?.kind === 'name' || tokens[i - 1]?.kind === 'party') &&
      tokens[i + 1]?.kind === 'name'
    )
      servingForNext = true
    else if ((w === 'tj' || w === 'tjg' || w === 'tjänstgörande') && /^(?:ers\.?|ersättare)$/.test(next)) {
      last.role = 'tjänstgörande ersättare'
      i++
      // "tj ers för R Johansson"
      if (tokens[i + 1]?.text.toLowerCase() === 'för' && tokens[i + 2]?.kind === 'name') {
        servingForNext = true
        i++
      }
    } else if (w === 'tjg' || w === 'tjänstgör') last.role = 'tjänstgörande ersättare'
    else if (w === 'ersättare' && group !== 'tjänstgörande ersättare' && last.role === group)
      last.role = 'ersättare'
    else if (w === 'vice' && /^ordf/.test(next)) {
      if (group === 'ledamot') last.role = 'vice ordförande'
      i++
    } else if (/^ordf(?:\.|örande)?$/.test(w) && group === 'ledamot' && last.role === 'ledamot')
      last.role = 'ordförande'
    // "Erik Lidberg, kommunchef": an official, whatever list the name stands in.
    else if (
      tokens[i - 1]?.text === ',' &&
      TITLE_SUFFIX.test(w) &&
      !/förande$/.test(w) &&
      (last.role === 'ledamot' || last.role === 'ersättare')
    )
      last.role = 'tjänsteperson'
    // "Jörgen Brink (C), ej tjänstgörande ersättare": present, not serving.
    else if (w === 'ej' && /^(?:tjänstgörande|tjg|tj)$/.test(next)) {
      if (last.role === group) last.role = 'ersättare'
      i++
      if (/^(?:ers\.?|ersättare)$/.test((tokens[i + 1]?.text ?? '').toLowerCase())) i++
    } else if ((w === 'ej' || w === 'inte') && next === 'närvarande') {
      last.present = false
      i++
    }
  }
  if (name.length > 0) close()
  const named = people.filter((p) => p.name.split(' ').length >= 2)
  surnameFirst(named)
  if (column) {
    const roles = column[0].match(/(?:vice\s+)?ordförande/gi) ?? []
    roles.forEach((r, k) => {
      const p = named[k]
      if (p && p.role === group) p.role = /^vice/i.test(r) ? 'vice ordförande' : 'ordförande'
    })
  }
  return named
}

interface Token {
  kind: 'name' | 'party' | 'word' | 'number' | 'punct'
  text: string
  paren?: true
}

// Parties as printed in Swedish municipal documents; a code in parentheses may be any local party.
const PARTY_CODES = new Set(['S', 'M', 'C', 'V', 'MP', 'KD', 'L', 'FP', 'SD', 'FI', 'F!'])

// Capitalised words that are labels or titles, not names: "Kommundirektör Jan Fransson".
const NOT_NAME =
  /^(?:se|enligt|bilaga|vakant|vice|download|transkript|storlek|kl|och|samt|ej|sida|nr|dnr|paragrafer?|protokoll|kommun|kommunen|plats|tid|datum|via|delvis|övriga?|beslutande|närvarande|ledamot|ledamöter|ersättare|tjänstemän|tjänsteman|tjänstepersoner|ordförande|ordf|sekreterare|justerare|justerande|underskrift(?:er)?|organ|utses|från|för|med|den|kommunal|region|landstinget|varav|justeringen|justering)$/i
const TITLE_SUFFIX =
  /(?:chef|direktör|sekreterare|ekonom|strateg|handläggare|inspektör|ingenjör|arkitekt|ansvarig|samordnare|controller|utredare|ledare|tekniker|administratör|praktikant|revisor|assistent|konsult|företrädare|jurist|rektor|lärare|biolog|koordinator|specialist|planerare|informatör|kommunikatör|pedagog|ombud|notarie|förande|skötare|råd|rådet|huset|salen|rummet|gatan|vägen)$/i

const ROLE_COLUMN =
  /(?<=\)\s*)ordförande(?:\s*,?\s*(?:1:e|2:e|förste|andre|första|andra)?\s*vice\s+ordförande){1,3}\s*$/iu

// A column of parties printed before the names: "M Bengt Ferm C Ragnar Nilsson FP Ing-Britt Spetz".
const PARTY_FIRST =
  /^\s*(?:S|M|C|V|L|MP|KD|FP|SD)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+(?:S|M|C|V|L|MP|KD|FP|SD)\s+\p{Lu}/u

function tokenize(text: string, partyFirst: boolean): Token[] {
  const out: Token[] = []
  const re = /\(\s*([\p{L}!-]{1,5})\s*\)|([\p{L}][\p{L}'´`’-]*\.?)|(\d+(?::[ea])?)|([,;§–—-]+)/gu
  // Degrees printed after a name ("Thomas Johansson, Ph.D, utredare") are no names.
  const plain = text.replace(/\*/g, ' ').replace(/(?<![\p{L}])\p{Lu}\p{Ll}?\.\p{Lu}\b\.?/gu, ' ')
  for (const m of plain.matchAll(re)) {
    if (m[1] !== undefined) out.push({ kind: 'party', text: partyCode(m[1]), paren: true })
    else if (m[2] !== undefined) {
      const w = m[2]
      const bare = w.replace(/\.$/, '')
      const code = PARTY_CODES.has(bare.toUpperCase())
      // "Ida Viberg (S)X Isabel Hildén (V)X": the cross of an attendance or vote column, not an initial.
      if ((w === 'X' || w === 'x') && out[out.length - 1]?.kind === 'party') {
        out.push({ kind: 'word', text: 'x' })
        continue
      }
      if (code && (isBarePartyAt(text, m.index ?? 0, bare) || (partyFirst && bare === bare.toUpperCase()))) {
        out.push({ kind: 'party', text: partyCode(bare) })
      } else if (
        /^\p{Lu}/u.test(w) &&
        !/^\p{Lu}{2,}$/u.test(bare) &&
        !NOT_NAME.test(bare) &&
        !TITLE_SUFFIX.test(bare) &&
        // "Teknisk chef Göran Landenius": an adjective before a title is part of the title.
        !(
          /(?:isk|iv)$/.test(bare) &&
          TITLE_SUFFIX.test(/^\s+(\p{Ll}[\p{L}-]*)/u.exec(plain.slice((m.index ?? 0) + w.length))?.[1] ?? '-')
        )
      ) {
        out.push({ kind: 'name', text: /^\p{Lu}\.?$/u.test(w) ? bare : w.replace(/\.$/, '') })
      } else out.push({ kind: 'word', text: bare })
    } else if (m[3] !== undefined) out.push({ kind: 'number', text: m[3] })
    else out.push({ kind: 'punct', text: m[4] ?? '' })
  }
  return out
}

function partyCode(code: string): string {
  return code === '-' ? '-' : code.toUpperCase() === 'FIA' ? 'FiA' : code.toUpperCase()
}

// A bare code is a party when it stands between commas ("Hillding, M, Ordförande"), after a comma at
// the end of a person ("Söderberg, s"), or alone before a name in a party-first column ("M Bengt").
function isBarePartyAt(text: string, index: number, code: string): boolean {
  const before = text.slice(Math.max(0, index - 2), index)
  const after = text.slice(index + code.length, index + code.length + 2)
  if (/,\s*$/.test(before)) return true
  if (code.length >= 2 && code === code.toUpperCase()) return /^(?:\s|$)/.test(after)
  return code === code.toUpperCase() && /^\s\p{Lu}/u.test(after) && !/\p{L}\s$/u.test(before)
}

function partyPrecedesNames(tokens: Token[]): boolean {
  let before = 0
  let after = 0
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind !== 'party') continue
    const previous = tokens[i - 1]
    if (previous?.kind === 'name' || (previous?.text === ',' && tokens[i - 2]?.kind === 'name')) after++
    else if (tokens[i + 1]?.kind === 'name') before++
  }
  return before >= 2 && before > after
}

function startsNewName(current: string[], word: string, closedByParty = false): boolean {
  if (!isFirstName(word)) return false
  const hasFirst = current.some((w) => isFirstName(w))
  // One surname before a given name that closes with the party is a name printed surname first
  // ("Rugsveen Astrid (M)").
  if (!hasFirst) return current.length >= 2 || !closedByParty
  const lastWord = current[current.length - 1] ?? ''
  return current.length >= 2 && !isFirstName(lastWord)
}

// A run of four or more capitalised words with no given name known to split it: take pairs.
function splitRun(words: string[]): string[] {
  const out: string[] = []
  let rest = words
  while (rest.length >= 4) {
    out.push(rest.slice(0, 2).join(' '))
    rest = rest.slice(2)
  }
  if (rest.length > 0) out.push(rest.join(' '))
  return out
}

/**
 * Lists printed surname first, as some registers print them ("Nordbeck Carolina (FP) Rugsveen Astrid
 * (M) …"): when most names in a list end with a known given name and do not begin with one, every
 * name in it that does not begin with a given name is turned round ("Astrid Rugsveen").
 */
function surnameFirst(people: Attendee[]): void {
  let inverted = 0
  let plain = 0
  for (const p of people) {
    const words = p.name.split(' ')
    const first = isFirstName(words[0] ?? '')
    const last = isFirstName(words[words.length - 1] ?? '')
    if (last && !first) inverted++
    else if (first && !last) plain++
  }
  if (inverted < 2 || inverted <= plain) return
  for (const p of people) {
    const words = p.name.split(' ')
    if (isFirstName(words[0] ?? '')) continue
    p.name = [words[words.length - 1], ...words.slice(0, -1)].join(' ')
  }
}
