import type { AttendanceRole, Attendee, Meeting } from '../domain/publication/document-json.ts'
import { readPeopleRun } from './people-run.ts'
import { findDate, findTimes } from './swedish-dates.ts'

/**
 * Reads the national cover page (Plats och tid, Beslutande, Utses att justera, Justeringens plats och
 * tid, Paragrafer, Underskrifter, ANSLAG/BEVIS) when it comes as one run of text, as PDF text
 * extraction leaves it: the table flattened onto one line, often with a column of labels first and
 * their values after ("Sekreterare Ordförande Justerande Anita Sjösvärd Lennart Haraldsson …").
 * Works as well on a cover whose lines were joined; readCover prefers what it read line by line.
 */
export interface RunCover {
  meeting: Meeting
  committee?: string
  chair?: string
  secretary?: string
  signatories: string[]
  sections?: { first: number; last: number }
  noticePosted?: string
  noticeRemoved?: string
  appealDeadline?: string
  attendance: Attendee[]
  /** True when at least two labels of the national cover page were found. */
  isCover: boolean
}

type Kind =
  | 'placeAndTime'
  | 'place'
  | 'time'
  | 'signOff'
  | 'appointed'
  | 'group'
  | 'ignored'
  | 'sections'
  | 'signatures'
  | 'role'
  | 'notice'
  | 'organ'
  | 'date'
  | 'storage'

const LABELS: [string, Kind, AttendanceRole?][] = [
  [
    'Justeringens plats och tid|Justeringens plats och datum|Justeringens plats, tid|Justeringens tid och plats|Justeringens plats|Plats och tid för justering|Tid och plats för justering|Tid och plats för|Plats och tid för justeringen|Justeringsdag|Justeringsdatum|Justering',
    'signOff',
  ],
  [
    'Plats och tid för sammanträdet|Plats och tid|Tid och plats|Plats och Tid|Tid och Plats|Plats och datum',
    'placeAndTime',
  ],
  ['Plats|Lokal|Sammanträdesplats', 'place'],
  ['Tidpunkt|Tid', 'time'],
  ['Utses att justera|Utsedd att justera|Utsedda att justera|Utsedda justerare', 'appointed'],
  [
    'Närvarande, ej tjänstgörande ersättare|Närvarande ej tjänstgörande ersättare|Närvarande, ej tjänstgörande|Ej tjänstgörande ersättare|ej tjänstgörande ersättare|Ej beslutande ersättare|Icke tjänstgörande ersättare|Ej tjänstgörande|Ej beslutande|Närvarande ersättare|Närvarande ers|För kännedom',
    'group',
    'ersättare',
  ],
  ['Tjänstgörande ersättare|Tjänstgörande', 'group', 'tjänstgörande ersättare'],
  [
    // "ande": "Beslutande" whose first syllable text extraction lost ("kl ande Anna Berg (S) …"),
    // read only before a name or "Se …".
    'Beslutande ledamöter|Beslutande|Närvarande ledamöter|Ordinarie ledamöter|Kallade ledamöter|Ledamöter|BESLUTANDE|LEDAMÖTER|ande(?=\\s+(?:Se\\s|\\p{Lu}\\p{Ll}+[\\s-]\\p{Lu}))',
    'group',
    'ledamot',
  ],
  ['Ersättare', 'group', 'ersättare'],
  ['Tjänstemän|Tjänstepersoner|Tjänsteman', 'group', 'tjänsteperson'],
  ['Övriga närvarande|Övriga deltagande|Övriga deltagare|Övriga kallade|Övriga', 'group', 'övrig'],
  ['Närvarorätt|Utdragsbestyrkande|Innehållsförteckning', 'ignored'],
  ['Justerade paragrafer|Paragrafer|Paragraf|Omfattning', 'sections'],
  ['Underskrifter|Underskrift', 'signatures'],
  ['Sekreterare|Ordförande|Justerande|Justerare', 'role'],
  [
    'ANSLAG\\s*/\\s*BEVIS|Anslag\\s*/\\s*[Bb]evis|BEVIS\\s*/\\s*ANSLAG|Bevis\\s*/\\s*[Aa]nslag|BEVIS OM ANSLAG|Bevis om anslag|ANSLAGSBEVIS|Anslagsbevis|BEVIS|ANSLAG',
    'notice',
  ],
  ['Organ och sammanträdesdatum|Organ|Beslutsinstans|Instans', 'organ'],
  ['Sammanträdesdatum|Sammanträdesdag|Mötesdatum', 'date'],
  [
    'Förvaringsplats för protokollet|Förvaringsplats för protokoll|Förvaringsplats|Protokollets förvaring',
    'storage',
  ],
]

const LABEL_RE = new RegExp(
  `(?<![\\p{L}\\d])(${LABELS.map(([alternatives]) => `(?:${alternatives})`).join('|')})(?![\\p{L}])\\s*:?`,
  'gu',
)

interface Segment {
  kind: Kind
  group?: AttendanceRole
  label: string
  value: string
  start: number
}

function kindOf(label: string): { kind: Kind; group?: AttendanceRole } {
  const l = label.replace(/\s*:$/, '')
  for (const [alternatives, kind, group] of LABELS) {
    const bare = alternatives.replace(/\(\?=.*$/, '')
    if (new RegExp(`^(?:${bare})$`, 'u').test(l)) return group ? { kind, group } : { kind }
  }
  return { kind: 'ignored' }
}

const COLUMN_HEADS = /^(?:(?:Närv|Frånv|Närvarande|Frånvarande|Tjg|Ej tjg)\.?\s*)+(?=\p{Lu}|$)/u

function segmentsOf(text: string): { preamble: string; segments: Segment[] } {
  const segments: Segment[] = []
  let preamble = text
  let previousEnd = 0
  let signing = false
  for (const m of text.matchAll(LABEL_RE)) {
    const start = m.index ?? 0
    const label = (m[1] ?? '').trim()
    const before = text.slice(Math.max(0, start - 8), start)
    const { kind, group } = kindOf(label)
    // "Jannike Hillding, M, Ordförande" qualifies a person; "Cecilia Stedt, Sekreterare" signs.
    if (kind === 'role' && /(?:^|[\s(])(?:S|M|C|V|L|MP|KD|FP|SD|\p{Ll}{1,3}),\s*$/u.test(before)) continue
    // Lower case, "ej tjänstgörande ersättare" heads a list only after "Övriga närvarande"; after a
    // name ("Jörgen Brink (C), ej tjänstgörande ersättare") it qualifies that person.
    if (
      /^ej /.test(label) &&
      !/(?:närvarande|deltagande|deltagare)\s*$/.test(text.slice(Math.max(0, start - 20), start))
    )
      continue
    // Before the sign-off part, "Anders Holmensköld (m) Ordförande" and "Benny Johansson (M),
    // Ordförande" qualify a member of the list.
    if (kind === 'role' && label === 'Ordförande' && !signing && /\)\s*,?\s*$/.test(before)) continue
    if (/^(?:signatures|appointed|signOff|sections|notice)$/.test(kind)) signing = true
    if (segments.length === 0) preamble = text.slice(0, start)
    else (segments[segments.length - 1] as Segment).value = text.slice(previousEnd, start).trim()
    segments.push({ kind, ...(group ? { group } : {}), label, value: '', start })
    previousEnd = start + m[0].length
  }
  const last = segments[segments.length - 1]
  if (last) last.value = text.slice(previousEnd).trim()
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment
    // An attendance table's column heads ("Ledamöter Närv. Frånv Tjänstgörande ersättare Paragraf
    // Anna Berg (S) …") are no values: the marks under them were lost with the table.
    if (s.kind === 'group') s.value = s.value.replace(COLUMN_HEADS, '')
    // "Paragraf" heading a column of the list rather than stating the §§ (no number follows).
    if (
      s.kind === 'sections' &&
      segments[i - 1]?.kind === 'group' &&
      !segments[i - 1]?.value &&
      /^\p{Lu}/u.test(s.value)
    )
      s.kind = 'ignored'
  }
  return { preamble, segments }
}

const DISTINCT =
  /plats och tid|tid och plats|beslutande|utses att justera|justeringens|paragrafer|underskrift|anslag|bevis|övriga (?:närvarande|deltagande)|tjänstgörande ersättare|ledamöter|närvarande(?= ledamöter|:)|sammanträdesdatum/gi

/** True when text holds at least two labels of the national cover page. */
export function hasCoverConventions(text: string): boolean {
  const found = new Set((text.slice(0, 20_000).match(DISTINCT) ?? []).map((s) => s.toLowerCase()))
  return found.size >= 2
}

export function readRunCover(text: string): RunCover {
  const cover: RunCover = { meeting: {}, signatories: [], attendance: [], isCover: hasCoverConventions(text) }
  const { preamble, segments } = segmentsOf(text)
  if (segments.length === 0) return cover

  readPlaceAndTime(cover, segments)
  cover.meeting.date ??= segments
    .filter((s) => s.kind === 'date' || s.kind === 'organ')
    .map((s) => findDate(s.value.slice(0, 40)))
    .find(Boolean)
  cover.meeting.date ??= findDate(preamble.slice(-600))
  cover.committee = committeeOf(segments, preamble, text)
  readNotice(cover, text)
  readSections(cover, segments)
  readSignatures(cover, segments)
  readAttendance(cover, segments)
  if (cover.signatories.length === 0) cover.signatories = appointedSignatories(segments, text)
  return cover
}

const APPOINTED_SENTENCE = [
  // "Att jämte ordföranden justera dagens protokoll utsågs Anna Fransson."
  /justera (?:dagens |det )?protokoll(?:et)?,?\s+(?:utsågs|utses|valdes)\s+(.{5,90}?)(?:\.|,|\s+att\b|$)/iu,
  // "Rickard Norberg utsågs att tillsammans med ordförande justera dagens protokoll."
  /((?:\p{Lu}[\p{L}-]+\s){1,3}?\p{Lu}[\p{L}-]+(?:\s\(\p{L}{1,4}\))?(?:\s(?:och|samt)\s(?:\p{Lu}[\p{L}-]+\s){1,3}?\p{Lu}[\p{L}-]+(?:\s\(\p{L}{1,4}\))?)?)\s(?:utses|utsågs|valdes) att (?:jämte|tillsammans med) ordföranden?\s+justera/u,
]

// Who was appointed to sign ("Utses att justera Dan Gahnström (MP) och Stefan Dayne (KD)", or the
// decision in the first §) when the signature lines themselves were not read.
function appointedSignatories(segments: Segment[], text: string): string[] {
  for (const [i, s] of segments.entries()) {
    if (s.kind !== 'appointed') continue
    // "Utses att justera Justeringens plats och tid Arne Jönsson (s) Kommunförvaltningen": in a
    // column of labels the justerare stand first among the next label's values.
    const next = segments[i + 1]
    const value =
      s.value ||
      (next?.kind === 'signOff'
        ? (/^(?:[^()]{3,60}?\(\p{L}{1,5}\)(?:\s*(?:,|och)\s*)?){1,3}/u.exec(next.value)?.[0] ?? '')
        : '')
    if (!value) continue
    const people = readPeopleRun(value.slice(0, 120), 'ledamot')
    if (people.length > 0 && people.length <= 3) return people.map((p) => p.name)
  }
  for (const re of APPOINTED_SENTENCE) {
    const m = re.exec(text.slice(0, 20_000))
    const people = m?.[1] ? readPeopleRun(m[1], 'ledamot') : []
    if (people.length > 0 && people.length <= 3) return people.map((p) => p.name)
  }
  return []
}

const CUE =
  /\b(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|den\s+\d|kl\b|kl\.|klockan)|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)/iu

const LEADING_TIME = /^(?:kl\.?|klockan)\s*(?:\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)?,?\s*/iu

function readPlaceAndTime(cover: RunCover, segments: Segment[]): void {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment
    if (s.kind !== 'placeAndTime' && s.kind !== 'place' && s.kind !== 'time') continue
    let value = s.value
    // A label in a column of labels: its value is the first value after the column.
    if (!value) {
      const at = segments.findIndex((n, k) => k > i && n.value)
      const next = segments[at]
      // "Justeringens plats och tid" closing a column of three or more labels holds all their values.
      const closesColumn = next?.kind === 'signOff' && at - i >= 3
      if (
        !next ||
        (next.kind === 'signOff' && !closesColumn) ||
        next.kind === 'notice' ||
        next.kind === 'signatures'
      )
        continue
      value = s.kind === 'place' ? placeBeforePeople(next.value) : timeAndPlacePrefix(next.value)
      if (!value) continue
      next.value = next.value.slice(value.length).trim()
    }
    const times = findTimes(value)
    if (s.kind !== 'place') {
      cover.meeting.start ??= times.start
      cover.meeting.end ??= times.end
      cover.meeting.date ??= findDate(value.slice(0, 120))
    }
    if (s.kind === 'time') continue
    let cut = s.kind === 'place' ? -1 : value.search(CUE)
    if (cut === 0) {
      // The time first, its digits lost: "Kl Tekniska nämndens Sessionssal".
      value = value.replace(LEADING_TIME, '')
      cut = value.search(CUE)
    }
    const place = (cut === -1 ? value : value.slice(0, cut))
      .replace(/[,\s.]+$/, '')
      .replace(/^[.,:;\s]+/, '')
      .trim()
    if (place && place.length <= 120 && /\p{L}{3}/u.test(place)) cover.meeting.location ??= place
  }
  for (const k of ['start', 'end', 'date', 'location'] as const) {
    if (cover.meeting[k] === undefined) delete cover.meeting[k]
  }
}

// "Gällivare Folkets Hus, Gällivare Måndagen den 3 mars 2014, kl Enligt bifogad …": up to the time.
function timeAndPlacePrefix(value: string): string {
  const m =
    /^(.{0,120}?(?:\d{4}(?:-\d{2}-\d{2})?|\bkl\.?|\bklockan)(?:\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)?,?)/iu.exec(
      value,
    )
  return m?.[1] ?? ''
}

// "Föreläsningssalen, Sigfridsområdet, Växjö Suzanne Frank (m), ordf …": the place before the people.
function placeBeforePeople(value: string): string {
  const m = /\p{Lu}[\p{L}-]+\s+\p{Lu}[\p{L}-]+\s+\(/u.exec(value)
  if (!m || m.index === 0) return ''
  const place = value.slice(0, m.index)
  return place.length <= 100 && place.includes(',') ? place : ''
}

const COMMITTEE =
  /(?<![\p{L}-])(\p{Lu}\p{L}*s\s+(?:arbets|[\p{Ll}]*)utskott(?:et)?|\p{Lu}[\p{L}-]*(?:\s+och\s+[\p{L}-]+)?(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet|utskott|beredningen|NÄMNDEN|STYRELSEN|FULLMÄKTIGE|UTSKOTTET))(?:s(?=\s+protokoll))?(?![\p{L}])/u

function committeeOf(segments: Segment[], preamble: string, text: string): string | undefined {
  for (const s of segments) {
    if (s.kind !== 'organ') continue
    const m =
      COMMITTEE.exec(s.value.slice(0, 80)) ??
      /((?:\p{L}+-\s(?:och|&)\s)?\p{L}*(?:nämnd|styrelse|fullmäktige|utskott)(?:en|et|e)?)(?![\p{L}])/iu.exec(
        s.value.slice(0, 80),
      )
    if (m?.[1]) return tidyCommittee(m[1])
  }
  for (const part of [preamble.slice(0, 1500), text.slice(0, 2500)]) {
    const re = new RegExp(COMMITTEE.source, 'gu')
    for (const m of part.matchAll(re)) {
      const before = part.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0)
      if (/\b(?:till|av|för|från|om|i|med|vid|inom)\s*$/i.test(before)) continue
      if (m[1]) return tidyCommittee(m[1])
    }
  }
  return undefined
}

function tidyCommittee(name: string): string {
  const n = name.replace(/\s+/g, ' ').toLowerCase()
  const full = /(?:nämnd|styrelse|utskott)$/.test(n)
    ? `${n}${n.endsWith('nämnd') ? 'en' : n.endsWith('styrelse') ? 'n' : 'et'}`
    : n
  return full.charAt(0).toUpperCase() + full.slice(1)
}

const DATE_TEXT = '(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+\\p{L}+\\s+\\d{4})'
const NEAR = '[^\\d]{0,30}?'
const POSTED = new RegExp(
  `(?:uppsättande|sätts upp|sattes upp|uppsättes|uppsatt|anslås|anslaget publicerat|är anslaget|anslaget)${NEAR}${DATE_TEXT}`,
  'giu',
)
const REMOVED = new RegExp(
  `(?:nedtagande|nedtagning|tas ned|tas ner|nedtages|till och med)${NEAR}${DATE_TEXT}`,
  'giu',
)
const APPEAL = new RegExp(
  `(?:sista (?:dag|datum) för överklagande|sista dag att överklaga)${NEAR}${DATE_TEXT}`,
  'giu',
)
const RANGE = new RegExp(
  `(?:anslaget|anslagstid|tid för anslag|anslagsperiod)${NEAR}${DATE_TEXT}\\s*(?:-{1,2}|–|—|till)\\s*${DATE_TEXT}`,
  'iu',
)

function readNotice(cover: RunCover, text: string): void {
  const first = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const d = findDate(m[1] ?? '')
      if (d) return d
    }
    return undefined
  }
  const range = RANGE.exec(text)
  if (range) {
    cover.noticePosted = findDate(range[1] ?? '')
    cover.noticeRemoved = findDate(range[2] ?? '')
  }
  cover.noticeRemoved ??= first(REMOVED)
  cover.noticePosted ??= first(POSTED)
  if (cover.noticePosted && cover.noticePosted === cover.noticeRemoved) delete cover.noticePosted
  cover.appealDeadline = first(APPEAL)
  for (const k of ['noticePosted', 'noticeRemoved', 'appealDeadline'] as const) {
    if (cover[k] === undefined) delete cover[k]
  }
}

function readSections(cover: RunCover, segments: Segment[]): void {
  for (const s of segments) {
    if (s.kind !== 'sections') continue
    const m = /(\d{1,4})\s*(?:-{1,2}|–|—)\s*(\d{1,4})(?!\d)/.exec(s.value.slice(0, 60))
    if (!m) continue
    const first = Number(m[1])
    const last = Number(m[2])
    if (first <= last) {
      cover.sections = { first, last }
      return
    }
  }
}

const ROLE_OF: Record<string, 'secretary' | 'chair' | 'signatory'> = {
  sekreterare: 'secretary',
  ordförande: 'chair',
  justerande: 'signatory',
  justerare: 'signatory',
}

/**
 * Signatures: roles and names in any of three orders — "Sekreterare Anna Berg Ordförande …",
 * "Sekreterare Ordförande Justerande Anna Berg Jan Jönsson Eva Lind" and "Anna Berg, Sekreterare".
 */
function readSignatures(cover: RunCover, segments: Segment[]): void {
  // The signatures follow "Underskrift(er)", or the first role after "Utses att justera" or
  // "Justeringens plats och tid" (an "Underskrift" inside the ANSLAG/BEVIS box comes too late).
  const labelled = segments.findIndex((s) => s.kind === 'signatures')
  const after = segments.findIndex((s) => s.kind === 'appointed' || s.kind === 'signOff')
  let byRole = after === -1 ? -1 : segments.findIndex((s, i) => i > after && s.kind === 'role')
  if (byRole > 0 && segments[byRole - 1]?.kind === 'signOff' && segments[byRole - 1]?.label === 'Justering')
    byRole--
  // Or the three roles in their printed order: "Sekreterare … Ordförande … Justerande …".
  const byTriple = segments.findIndex(
    (s, i) =>
      s.label === 'Sekreterare' &&
      segments.slice(i + 1, i + 7).some((n) => n.kind === 'role' && /^Juster/.test(n.label)),
  )
  // A labelled "Underskrifter" before the notice box is where the signatures are; roles before it
  // belong to other fields ("Justering Justerare Plats och tid Ulla Svensson (M) …").
  const notice = segments.findIndex((s) => s.kind === 'notice')
  const found = [labelled, byRole, byTriple].filter((i) => i !== -1)
  if (found.length === 0) return
  const start = labelled !== -1 && (notice === -1 || labelled < notice) ? labelled : Math.min(...found)
  type Tok = { role: 'secretary' | 'chair' | 'signatory' } | { name: string; party?: string }
  const tokens: Tok[] = []
  for (const s of segments.slice(start)) {
    if (s.kind === 'notice' || s.kind === 'organ' || s.kind === 'group') break
    if (s.kind === 'role') tokens.push({ role: ROLE_OF[s.label.toLowerCase()] ?? 'signatory' })
    for (const p of readPeopleRun(s.value, 'ledamot')) tokens.push({ name: p.name, party: p.party })
  }
  const queue: ('secretary' | 'chair' | 'signatory')[] = []
  let pending: string[] = []
  let afterChair: string[] = []
  let absorbing = false
  const assign = (role: 'secretary' | 'chair' | 'signatory', name: string) => {
    if (role === 'secretary') cover.secretary ??= name
    else if (role === 'chair') cover.chair ??= name
    else if (!cover.signatories.includes(name)) cover.signatories.push(name)
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Tok
    if ('role' in t) {
      absorbing = false
      if (pending.length > 0) {
        for (const n of t.role === 'signatory' ? pending : pending.slice(0, 1)) assign(t.role, n)
        pending = []
      } else queue.push(t.role)
      continue
    }
    const role = queue[0]
    if (!role && !absorbing && pending.length === 0 && t.party) afterChair.push(t.name)
    else afterChair = []
    if (role) {
      assign(role, t.name)
      afterChair = []
      if (queue.length > 1 || role !== 'signatory') queue.shift()
      else absorbing = true
    } else if (absorbing) assign('signatory', t.name)
    else pending.push(t.name)
  }
  // Names left after the chair's are the justerande whose label text extraction lost: the national
  // cover signs in the order Sekreterare, Ordförande, Justerande.
  const last = tokens[tokens.length - 1]
  if (
    cover.chair &&
    queue.length === 0 &&
    afterChair.length > 0 &&
    afterChair.length <= 2 &&
    last &&
    'name' in last
  ) {
    for (const n of afterChair) if (n !== cover.chair && n !== cover.secretary) assign('signatory', n)
  }
}

function readAttendance(cover: RunCover, segments: Segment[]): void {
  let runGroup: AttendanceRole | undefined
  let stacked = new Set<AttendanceRole>()
  const flexible = new Set<Kind>(['group', 'role', 'place', 'appointed', 'time', 'ignored'])
  for (const s of segments) {
    if (!s.value) {
      if (s.kind === 'group') {
        runGroup ??= s.group
        if (s.group) stacked.add(s.group)
      } else if (!flexible.has(s.kind)) runGroup = undefined
      continue
    }
    // In a column of labels the values begin with the members' list; a more specific label just
    // before its values ("Övriga närvarande Ersättare Anna …") names them otherwise.
    let group: AttendanceRole | undefined
    if (runGroup === 'ledamot' && (flexible.has(s.kind) || s.kind === 'signOff')) group = runGroup
    else if (s.kind === 'group') group = s.group
    else if (runGroup && flexible.has(s.kind)) group = runGroup
    runGroup = undefined
    if (!group) continue
    // A page break ends the cover's lists: "… Kim Fredriksson (SD) 2 (43) Övriga närvarande …".
    const page = s.value.search(
      /\s\d{1,3}\s*\(\s*\d{1,3}\s*\)\s|\bSida\s+\d{1,3}\b|\s\d{1,3}\s+\d{1,3}\s*\(\d{1,3}\)/u,
    )
    const value = page === -1 ? s.value : s.value.slice(0, page)
    const people = readPeopleRun(value, group)
    if (s.kind === 'group' && s.group) stacked.add(s.group)
    if (group === 'ledamot') splitStackedGroups(people, stacked)
    stacked = new Set()
    for (const a of people) {
      if (!cover.attendance.some((x) => x.name === a.name)) cover.attendance.push(a)
    }
  }
}

/**
 * A column of labels ("Beslutande ledamöter Ej tjänstgörande ersättare Övriga närvarande") followed
 * by all their values: the members come first and end with the substitutes serving for a member
 * ("Annika Huber (S) ersätter Jan Lahenkorva (S)"); the party members after them are the substitutes
 * not serving, and those printed without a party the officials.
 */
function splitStackedGroups(people: Attendee[], stacked: Set<AttendanceRole>): void {
  const lastServing = people.findLastIndex((p) => p.servingFor !== undefined)
  const others = stacked.has('övrig') ? 'övrig' : stacked.has('tjänsteperson') ? 'tjänsteperson' : undefined
  // No one serving for a member: the members are those with a party up to the first printed without
  // one ("… Jaana Tilles (s) Kommundirektör Kjell Johansson …"), who begins the officials.
  if (lastServing === -1) {
    const firstOfficial = people.findIndex((p, k) => k > 0 && !p.party && people[k - 1]?.party)
    if (firstOfficial === -1 || !others || people.slice(0, firstOfficial).some((p) => !p.party)) return
    for (const p of people.slice(firstOfficial)) if (!p.party && p.role === 'ledamot') p.role = others
    return
  }
  // One serving for a member who is in the list too served for some §§ only and stands beside that
  // member ("Jari Puustinen (M) Madeléne Tannarp (M) ersätter Jari Puustinen (M) 253"): no boundary.
  const serving = people[lastServing]
  if (!serving || serving.sections?.length || people.some((p) => p.name === serving.servingFor)) return
  for (const p of people.slice(lastServing + 1)) {
    if (p.role !== 'ledamot') continue
    if (p.party && stacked.has('ersättare')) p.role = 'ersättare'
    else if (!p.party && others) p.role = others
  }
}
