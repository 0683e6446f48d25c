import type {
  AttendanceRole,
  Attendee,
  Meeting,
  SectionRange,
  SignOff,
} from '../domain/publication/document-json.ts'
import { attendanceGroup, parseAttendee } from './attendance.ts'
import { type Block, isLabel } from './block.ts'
import { readRunCover } from './cover-run.ts'
import { isName, parsePerson } from './people.ts'
import { parseSectionList } from './section-numbers.ts'
import { findDate, findTimes } from './swedish-dates.ts'

/** What the cover page (and the ANSLAG/BEVIS box) of a protocol states. */
export interface Cover {
  meeting: Meeting
  committee?: string
  organisation?: string
  sections?: SectionRange
  chair?: string
  secretary?: string
  signatories: string[]
  appointedSignatories: string[]
  signOffs: SignOff[]
  signOffDateWithoutSections?: string
  noticePosted?: string
  noticeRemoved?: string
  appealDeadline?: string
  attendance: Attendee[]
}

type Field =
  | 'time'
  | 'place'
  | 'placeAndTime'
  | 'date'
  | 'signatories'
  | 'signOff'
  | 'sections'
  | 'signatures'
  | 'notice'
  | 'posted'
  | 'removed'
  | 'appeal'
  | 'committee'
  | 'storage'
  | 'secretary'
  | 'chair'

const FIELDS: [RegExp, Field][] = [
  [/^plats och tid\b/i, 'placeAndTime'],
  [/^(?:tid och plats|sammanträdesplats och tid)\b/i, 'placeAndTime'],
  [/^(?:plats|lokal|sammanträdesplats|mötesplats)\b/i, 'place'],
  [/^(?:tid|tidpunkt|klockan)\b(?!\s+för)/i, 'time'],
  [/^(?:utses att justera|utsedda? att justera|justerare|justerande|val av justerare)\b/i, 'signatories'],
  [
    /^(?:justeringens plats och tid|justeringens tid och plats|justering(?:sdatum)?|justerat|justeras)\b/i,
    'signOff',
  ],
  [/^(?:paragrafer|paragraf|protokollet omfattar|§§)\b/i, 'sections'],
  [/^(?:underskrifter|underskrift|signaturer)\b/i, 'signatures'],
  [/^(?:anslag\s*\/\s*bevis|anslag|bevis|tillkännagivande)\b/i, 'notice'],
  [
    /^(?:datum då anslaget sätts upp|datum för anslags uppsättande|anslaget sätts upp|anslaget sattes upp|anslagsdatum|datum för anslag|anslaget publicerat|publicerat på anslagstavlan|datum för anslagets uppsättande)\b/i,
    'posted',
  ],
  [
    /^(?:datum då anslaget tas ned|datum för anslags nedtagande|anslaget tas ned|anslaget tas ner|datum för anslagets nedtagande|anslaget tas bort)\b/i,
    'removed',
  ],
  [
    /^(?:sista (?:dag|datum) för överklagande|sista dag att överklaga|överklagandetiden (?:går ut|löper ut))\b/i,
    'appeal',
  ],
  [/^(?:organ|nämnd|instans)\b/i, 'committee'],
  [/^(?:sammanträdesdatum|mötesdatum|sammanträdesdag|datum för sammanträdet|datum)\b/i, 'date'],
  [/^(?:förvaringsplats(?: för protokollet)?|protokollet förvaras)\b/i, 'storage'],
  [/^(?:ordförande|mötesordförande)\b/i, 'chair'],
  [/^(?:sekreterare|protokollförare|nämndsekreterare|sekreterare\/protokollförare)\b/i, 'secretary'],
]

const SIGNED_AS =
  /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*(?:\([^)]{1,12}\))?\s*,\s*(ordförande|sekreterare|justerare|justerande|protokollförare|ordf\.?)\s*$/iu

const STACKABLE = new Set<Field>([
  'committee',
  'date',
  'placeAndTime',
  'place',
  'time',
  'sections',
  'signOff',
])

const SIGNATURE_ROLE =
  /^(?:ordförande|ordf\.?|sekreterare|nämndsekreterare|protokollförare|justerare|justerande|ledamot|vice ordförande|mötesordförande)$/i

/** The committee named in "Protokoll fört vid socialnämndens sammanträde" or a standalone heading. */
export function committeeIn(text: string): string | undefined {
  const m =
    /\b((?:\p{L}+-(?:\s(?:och|&)\s)?)?\p{L}*(?:nämnd|styrelse|fullmäktige|utskott|beredning|råd))(ens|ets|es|ns|s|en|et|e|n)?(?![\p{L}-])/iu.exec(
      text.slice(0, 300),
    )
  if (!m) return undefined
  const base = (m[1] ?? '').toLowerCase()
  const ending = (m[2] ?? '').toLowerCase()
  let name: string
  if (base.endsWith('fullmäktige')) name = base
  else if (ending === 'ens' || ending === 'en') name = `${base}en`
  else if (ending === 'ets' || ending === 'et') name = `${base}et`
  else if (ending === 'ns' || ending === 'n') name = `${base}n`
  else if (ending === 's' || ending === '') name = base
  else name = `${base}${ending.replace(/s$/, '')}`
  if (name.length < 5) return undefined
  return name.charAt(0).toUpperCase() + name.slice(1)
}

const ORGANISATION =
  /^(?:(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (kommun|stad|stads|kommuns)|(Region|Landstinget) (\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?))$/u

// "Exempelby kommun Sammanträdesprotokoll Kommunfullmäktige": a running header read as one line.
const ORGANISATION_IN_HEADER =
  /^(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)? (?:kommun|stad)) (?:sammanträdesprotokoll|protokoll|kallelse)\b/iu

/**
 * Reads the cover: meeting time and place, committee, attendance groups, sign-off occasions,
 * signatures ("Jan Jönsson (L) / Ordförande"), "Paragrafer 71–85" and the ANSLAG/BEVIS dates.
 * Repeated cover blocks (one per sign-off occasion) weigh by the number of §§ they sign off.
 */
export function readCover(input: Block[]): Cover {
  const blocks = input.flatMap(headerColumns)
  const cover: Cover = {
    meeting: {},
    signatories: [],
    appointedSignatories: [],
    signOffs: [],
    attendance: [],
  }
  const candidates: { weight: number; field: keyof Meeting; value: string; order: number }[] = []
  let field: Field | undefined
  let group: AttendanceRole | undefined
  let pendingName: string | undefined
  let signatureRoleFirst: string | undefined
  let blockWeight = 0
  let blockStart = 0
  let order = 0
  const meetingValue = (f: keyof Meeting, value: string | undefined, stated = false) => {
    if (value) candidates.push({ weight: stated ? 1_000_000 : -1, field: f, value, order: order++ })
  }
  const setWeight = () => {
    for (const c of candidates) if (c.order >= blockStart && c.weight === -1) c.weight = blockWeight
  }

  // A column of labels printed before their values ("Nämnd / Sammanträdesdatum / Plats och tid /
  // Arbetsmarknads- och socialnämnden / 2019-01-28 / Faxepark, 09:00"): the values follow in order.
  let stacked: Field[] = []
  let queued: Field[] = []
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block
    const t = b.text
      .replace(/^[._…\s]{3,}/, '')
      .replace(/[._…]{3,}$/, '')
      .trim()
    if (!t) continue
    const asLabel = t.length < 40 ? fieldAt(t) : undefined
    if (asLabel && !asLabel.rest && STACKABLE.has(asLabel.field)) {
      stacked.push(asLabel.field)
      queued = []
    } else {
      if (stacked.length > 1) queued = stacked
      stacked = []
      const next = asLabel ? undefined : queued.shift()
      if (next) {
        field = next
        group = undefined
        if (next === 'committee' && !cover.committee && !parsePerson(t)) {
          cover.committee = committeeIn(t) ?? t
          continue
        }
      }
    }
    if (b.style === 'heading' || /^(?:protokoll|sammanträdesprotokoll|justerat protokoll)\b/i.test(t)) {
      if (/protokoll|sammanträde/i.test(t)) {
        setWeight()
        blockWeight = 0
        blockStart = order
        group = undefined
        field = undefined
        cover.committee ??= /sammanträde|protokoll/i.test(t)
          ? committeeIn(t.replace(/^.*?\bvid\b/i, ''))
          : undefined
        if (t.length < 200) meetingValue('date', findDate(t))
        const times = t.length < 200 ? findTimes(t) : {}
        meetingValue('start', times.start)
        meetingValue('end', times.end)
        continue
      }
    }
    const org = ORGANISATION.exec(t)
    if (org && t.length < 60) {
      cover.organisation ??= org[1] ? `${org[1]} ${org[2]?.startsWith('stad') ? 'stad' : 'kommun'}` : t
      continue
    }
    const inHeader = ORGANISATION_IN_HEADER.exec(t)
    if (inHeader?.[1]) cover.organisation ??= inHeader[1]
    // A bare label ("Nämnd", "Organ") names no committee.
    if (!cover.committee && i < 12 && t.length < 60 && !parsePerson(t) && !(asLabel && !asLabel.rest)) {
      const only = committeeIn(t)
      if (only && only.toLowerCase() === t.toLowerCase()) {
        cover.committee = only
        continue
      }
    }
    const g = attendanceGroup(t)
    if (g && t.length < 50) {
      group = g
      field = undefined
      continue
    }
    // Signature blocks: "Jan Jönsson (L)" then "Ordförande", or "Ordförande" then the name.
    if (SIGNATURE_ROLE.test(t.replace(/[.\s_]+$/, '')) && !group) {
      const role = t.replace(/[.\s_]+$/, '').toLowerCase()
      if (pendingName) {
        signature(cover, role, pendingName)
        pendingName = undefined
      } else signatureRoleFirst = role
      continue
    }
    const previous = blocks[i - 1]?.text.trim() ?? ''
    const f = /^justeringens$/i.test(previous)
      ? { field: 'signOff' as Field, rest: t.replace(/^plats och tid\s*/i, '') }
      : fieldAt(t)
    if (f) {
      field = f.field
      group = field === 'signatories' || field === 'signatures' ? undefined : group
      if (field !== 'signatures') group = undefined
      const rest = f.rest
      const inlineGroup = attendanceGroup(rest.split(/\s+/).slice(0, 2).join(' '))
      if (/^beslutande\b/i.test(t)) {
        group = 'ledamot'
        const after = t.replace(/^beslutande\s*:?\s*/i, '')
        if (after) addAttendee(cover, after, group, b.struck === true)
        field = undefined
        continue
      }
      if (/^övriga (?:närvarande|deltagande)\b/i.test(t)) {
        group = attendanceGroup(rest) ?? inlineGroup ?? 'övrig'
        field = undefined
        continue
      }
      if (field === 'signatures' && SIGNATURE_ROLE.test(rest)) {
        signatureRoleFirst = rest.toLowerCase()
        continue
      }
      // "Underskrift Sekreterare ........ Paragrafer 266-284": the role comes before its name.
      const firstWord = /^(\p{L}+)[\s.…_]/u.exec(rest)?.[1] ?? ''
      if (field === 'signatures' && SIGNATURE_ROLE.test(firstWord)) {
        signatureRoleFirst = firstWord.toLowerCase()
        pendingName = undefined
        const sections = /paragrafer?\s*(.*)$/i.exec(rest)?.[1]
        if (sections) applyField(cover, 'sections', sections, meetingValue, () => {})
        continue
      }
      if (rest) applyField(cover, field, rest, meetingValue, (w) => (blockWeight = Math.max(blockWeight, w)))
      continue
    }
    if (/^(?:beslutande|övriga (?:närvarande|deltagande))\s*:?\s*(.*)$/i.test(t)) {
      const after = t.replace(/^(?:beslutande|övriga (?:närvarande|deltagande))\s*:?\s*/i, '')
      group = attendanceGroup(after) ?? (/^beslutande/i.test(t) ? 'ledamot' : 'övrig')
      if (after && !attendanceGroup(after)) addAttendee(cover, after, group, b.struck === true)
      continue
    }
    // "Pär-Olof Stål, ordförande" on a signature line: the name signs in the role after it.
    const signed = field === 'signatures' && !group ? SIGNED_AS.exec(t) : null
    if (signed?.[1] && isName(signed[1])) {
      signature(cover, (signed[2] ?? '').toLowerCase(), signed[1])
      continue
    }
    const person = parsePerson(t)
    const nameOnly =
      person?.name && !person.before && !person.rest.trim() ? person.name : isName(t) ? t : undefined
    const expectsSignature =
      field === undefined || /^(?:signatures|signOff|sections|secretary|chair)$/.test(field)
    if (!group && nameOnly && (signatureRoleFirst || expectsSignature)) {
      if (signatureRoleFirst) {
        signature(cover, signatureRoleFirst, nameOnly)
        signatureRoleFirst = undefined
      } else pendingName = nameOnly
      continue
    }
    if (group && !isLabel(b)) {
      addAttendee(cover, t, group, b.struck === true)
      continue
    }
    if (field) applyField(cover, field, t, meetingValue, (w) => (blockWeight = Math.max(blockWeight, w)))
  }
  setWeight()
  for (const f of ['date', 'start', 'end', 'location'] as const) {
    const best = candidates
      .filter((c) => c.field === f)
      .sort((a, b) => b.weight - a.weight || a.order - b.order)[0]
    if (best) cover.meeting[f] = best.value
  }
  addRunOnCover(cover, blocks)
  return cover
}

const RUN_ON_LABELS =
  /Plats och tid|Beslutande|Övriga (?:närvarande|deltagande|deltagare)|Utses att justera|Justeringens|Underskrift|Paragrafer|Tjänstgörande ersättare|ANSLAG|BEVIS/g

// What the cover states but the line-by-line reading missed because PDF text extraction ran the
// cover's table together (cover-run.ts). Line-by-line findings win; the run-on reading fills gaps.
function addRunOnCover(cover: Cover, blocks: Block[]): void {
  let text = ''
  for (const b of blocks) {
    if (text.length > 12_000) break
    text += `${b.text.slice(0, 12_000)} `
  }
  const run = readRunCover(text)
  if (!run.isCover && run.attendance.length < 3) return
  for (const f of ['date', 'start', 'end', 'location'] as const) cover.meeting[f] ??= run.meeting[f]
  for (const f of ['date', 'start', 'end', 'location'] as const) {
    if (cover.meeting[f] === undefined) delete cover.meeting[f]
  }
  cover.committee ??= run.committee
  cover.chair ??= run.chair
  cover.secretary ??= run.secretary
  if (cover.signatories.length === 0 && cover.appointedSignatories.length === 0) {
    cover.signatories.push(...run.signatories)
  }
  cover.sections ??= run.sections
  cover.noticePosted ??= run.noticePosted
  cover.noticeRemoved ??= run.noticeRemoved
  cover.appealDeadline ??= run.appealDeadline
  // A cover run together on one line (three labels or more in a block) misleads the line-by-line
  // reading of its lists: the run-on reading of them wins when it finds as many people.
  const runOn = blocks.some((b) => (b.text.match(RUN_ON_LABELS) ?? []).length >= 3)
  if (runOn && run.attendance.length >= cover.attendance.length) {
    const before = cover.attendance
    cover.attendance = [
      ...run.attendance,
      ...before.filter((a) => !run.attendance.some((x) => x.name === a.name)),
    ]
  } else if (cover.attendance.length < run.attendance.length) {
    for (const a of run.attendance) {
      if (!cover.attendance.some((x) => x.name === a.name)) cover.attendance.push(a)
    }
  }
  for (const k of [
    'committee',
    'chair',
    'secretary',
    'sections',
    'noticePosted',
    'noticeRemoved',
    'appealDeadline',
  ] as const) {
    if (cover[k] === undefined) delete cover[k]
  }
}

function fieldAt(text: string): { field: Field; rest: string } | undefined {
  if (text.length > 400) return undefined
  for (const [re, field] of FIELDS) {
    const m = re.exec(text)
    if (m)
      return {
        field,
        rest: text
          .slice(m[0].length)
          .replace(/^\s*[:.]?\s*/, '')
          .trim(),
      }
  }
  return undefined
}

function addAttendee(cover: Cover, input: string, initialGroup: AttendanceRole, struck: boolean): void {
  let text = input
  let group = initialGroup
  const labelled =
    /^(ledamöter|ersättare|tjänstemän|tjänstepersoner|tjänstgörande ersättare)\s+(?=\p{Lu})/iu.exec(text)
  if (labelled) {
    group = attendanceGroup(labelled[1] ?? '') ?? group
    text = text.slice(labelled[0].length)
  }
  const a = parseAttendee(text.replace(/^[-–•]\s*/, ''), group, struck)
  if (!a) return
  if (cover.attendance.some((x) => x.name === a.name)) return
  // The documented key order: name, party, role, title, present, servingFor, then the additions.
  const { name, party, role, title, present, servingFor, ...sections } = a
  cover.attendance.push({
    name,
    ...(party ? { party } : {}),
    role,
    ...(title ? { title } : {}),
    present,
    ...(servingFor ? { servingFor } : {}),
    ...sections,
  })
}

function signature(cover: Cover, role: string, name: string): void {
  if (/^ordf|^mötesordf/.test(role)) cover.chair ??= name
  else if (/sekreterare|protokollförare/.test(role)) {
    cover.secretary ??= name
    return
  }
  if (!cover.signatories.includes(name)) cover.signatories.push(name)
}

function applyField(
  cover: Cover,
  field: Field,
  value: string,
  meetingValue: (f: keyof Meeting, v: string | undefined, stated?: boolean) => void,
  weigh: (n: number) => void,
): void {
  switch (field) {
    case 'time': {
      const t = findTimes(/kl/i.test(value) ? value : `kl ${value}`)
      meetingValue('start', t.start)
      meetingValue('end', t.end)
      meetingValue('date', findDate(value))
      return
    }
    case 'place':
      meetingValue('location', value.replace(/,\s*$/, ''))
      return
    case 'placeAndTime': {
      const t = findTimes(value)
      meetingValue('start', t.start)
      meetingValue('end', t.end)
      meetingValue('date', findDate(value))
      const cut = value.search(
        /,?\s*(?:\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|\d{4}-\d{2}-\d{2}|\bden\s+\d|\bkl\b|\bkl\.|\d{1,2}\s+\p{L}+\s+\d{4}|\b\d{1,2}[:.]\d{2}\s*[-–])/iu,
      )
      let place = (cut === -1 ? value : value.slice(0, cut)).replace(/[,\s]+$/, '')
      if (!place && cut === 0) place = /\d\s+i\s+(\p{L}[^.]{2,100})/u.exec(value)?.[1]?.trim() ?? ''
      // "Tid och Plats. Omfattning …" on a title line states no place.
      if (/^ajournering/i.test(place) || /^[.,:;]/.test(place)) place = ''
      meetingValue('location', place || undefined)
      return
    }
    case 'date':
      meetingValue('date', findDate(value), true)
      return
    case 'signatories':
      for (const part of value.split(/\s*(?:,|\boch\b|\bsamt\b)\s*(?=\p{Lu})/u)) {
        const p = parsePerson(part)
        const name = p?.name ?? (isName(part.trim()) ? part.trim() : undefined)
        if (name && !cover.appointedSignatories.includes(name)) cover.appointedSignatories.push(name)
      }
      return
    case 'signOff': {
      const date = findDate(value)
      const sectionsText = /§§?\s*([\d\s,–—-]+(?:och\s*\d+)?)/.exec(value)
      if (date && sectionsText) {
        const sections = parseSectionList(sectionsText[1] ?? '')
        cover.signOffs.push({ sections, date })
        weigh(sections.length)
      } else if (date) {
        cover.signOffs.push({ sections: [], date })
      } else if (sectionsText) {
        const last = cover.signOffs[cover.signOffs.length - 1]
        if (last && last.sections.length === 0) {
          last.sections = parseSectionList(sectionsText[1] ?? '')
          weigh(last.sections.length)
        }
      }
      return
    }
    case 'sections': {
      const list = parseSectionList(value.replace(/^§+\s*/, ''))
      if (list.length > 0) {
        cover.sections = { first: Math.min(...list), last: Math.max(...list) }
      }
      return
    }
    case 'posted':
      cover.noticePosted ??= findDate(value)
      return
    case 'removed':
      cover.noticeRemoved ??= findDate(value)
      return
    case 'appeal':
      cover.appealDeadline ??= findDate(value)
      return
    case 'committee':
      cover.committee ??= committeeIn(value)
      meetingValue('date', findDate(value))
      return
    case 'secretary': {
      const name = value.replace(/[._\s]{3,}.*$/, '').trim()
      if (isName(name)) cover.secretary ??= name
      return
    }
    case 'chair': {
      const name = value.replace(/[._\s]{3,}.*$/, '').trim()
      const p = parsePerson(name)
      if (p?.name) cover.chair ??= p.name
      else if (isName(name)) cover.chair ??= name
      return
    }
    default:
      return
  }
}

// A running header from a PDF has columns run together: "Exempelby kommun   SAMMANTRÄDESPROTOKOLL".
function headerColumns(b: Block): Block[] {
  if (!b.layout || !/\p{Lu}{6,}|sammanträdesdatum/u.test(b.text)) return [b]
  return b.layout
    .split(/\s{3,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((text) => ({ ...b, text, layout: undefined }) as Block)
}
