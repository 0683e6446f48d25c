import type { AttendanceRole, Attendee } from '../domain/publication/document-json.ts'
import { isName, parsePerson, trailingName } from './people.ts'
import { parseSectionList } from './section-numbers.ts'

/** The attendance group a cover label opens, e.g. "Tjänstgörande ersättare". */
export function attendanceGroup(label: string): AttendanceRole | undefined {
  const l = label.toLowerCase().replace(/[:.]$/, '').trim()
  if (/^(?:beslutande(?: ledamöter)?|ledamöter|närvarande ledamöter|beslutande ledamot)$/.test(l))
    return 'ledamot'
  if (
    /^(?:tjänstgörande ersättare|ersättare som tjänstgjort|tjänstgörande ersättare och ledamöter)$/.test(l)
  ) {
    return 'tjänstgörande ersättare'
  }
  if (
    /^(?:ersättare|ej tjänstgörande ersättare|närvarande ersättare|icke tjänstgörande ersättare)$/.test(l)
  ) {
    return 'ersättare'
  }
  if (/^(?:tjänstepersoner|tjänstemän|tjänsteman|tjänsteperson|närvarande tjänstepersoner)$/.test(l)) {
    return 'tjänsteperson'
  }
  if (/^(?:övriga närvarande|övriga deltagande|övriga|närvarande|övriga deltagare|insynsplatser)$/.test(l)) {
    return 'övrig'
  }
  return undefined
}

const CHAIR = /\b(?:ordförande|ordf\.?)(?!\s*för)/i
const VICE = /\b(?:\d:[ea]\s+)?vice\s+(?:ordförande|ordf\.?)/i
const SUBSTITUTE_FOR =
  /\b(?:tjänstgör(?:ande)?(?:\s+ersättare)?\s+för|ersättare\s+för|ers\.?\s+för|i\s+stället\s+för|istället\s+för)\s+/i

/**
 * Reads one attendance line in the group it stands under: "Emil Adén (S) tjänstgör för Alexander
 * Ojanne (S)", "Anna Berg (S), ordförande §§ 71–80", "Veronica Wolgast Carstorp, bitr. förvaltningschef".
 */
export function parseAttendee(text: string, group: AttendanceRole, struck: boolean): Attendee | undefined {
  if (text.length > 300) return undefined
  const person = parsePerson(text)
  if (person?.name) {
    if (person.before && !/^(?:\d+\.|[-–•])?$/.test(person.before)) return undefined
    return withPersonDetails(person.name, person.party, person.rest, group, !struck)
  }
  if (group === 'tjänsteperson' || group === 'övrig') return official(text, group, !struck)
  const bare = /^([^,(]{3,80}?)(?:,\s*(.*))?$/.exec(text)
  if (bare && isName((bare[1] ?? '').trim())) {
    return withPersonDetails((bare[1] ?? '').trim(), undefined, bare[2] ? `, ${bare[2]}` : '', group, !struck)
  }
  return undefined
}

function withPersonDetails(
  name: string,
  party: string | undefined,
  rest: string,
  group: AttendanceRole,
  present: boolean,
): Attendee {
  const a: Attendee = { name, role: group, present }
  if (party) a.party = party
  let details = rest
  const serving = SUBSTITUTE_FOR.exec(details)
  if (serving) {
    const target = details.slice(serving.index + serving[0].length)
    const targetPerson = parsePerson(target)
    const servingFor = targetPerson?.name ?? trailingName(target.split(/[,(§]/)[0] ?? '')
    if (servingFor) a.servingFor = servingFor
    a.role = 'tjänstgörande ersättare'
    details = details.slice(0, serving.index) + (targetPerson ? targetPerson.rest : '')
  } else if (VICE.test(details)) {
    a.role = 'vice ordförande'
  } else if (CHAIR.test(details)) {
    a.role = 'ordförande'
  } else if (/\bersättare\b/i.test(details) && group !== 'tjänstgörande ersättare') {
    a.role = 'ersättare'
  } else if (/\bledamot\b/i.test(details)) {
    a.role = 'ledamot'
  }
  readServedSections(a, details)
  return a
}

// "§§ 28–49, 51–52", "ej § 13", "ej del av 53", "närvarande §§ 71–75", "från § 80".
function readServedSections(a: Attendee, details: string): void {
  const partly = /\bej\s+del\s+av\s+(?:§§?\s*)?([\d\s,–—-]+(?:\s*och\s*\d+)?)/i.exec(details)
  if (partly) {
    a.sectionsPartlyServed = parseSectionList(partly[1] ?? '')
    details = details.slice(0, partly.index) + details.slice(partly.index + partly[0].length)
  }
  const not = /\b(?:ej|inte|utom)\s+(?:§§?\s*)?(\d[\d\s,–—-]*(?:\s*och\s*\d+)?)/i.exec(details)
  if (not) {
    a.sectionsNotServed = parseSectionList(not[1] ?? '')
    details = details.slice(0, not.index) + details.slice(not.index + not[0].length)
  }
  const served = /§§?\s*(\d[\d\s,–—-]*(?:\s*och\s*\d+)?)/.exec(details)
  if (served) a.sections = parseSectionList(served[1] ?? '')
  for (const key of ['sections', 'sectionsNotServed', 'sectionsPartlyServed'] as const) {
    if (a[key]?.length === 0) delete a[key]
  }
}

// "Veronica Wolgast Carstorp, bitr. förvaltningschef" or "Maria Karlsson t.f. avdelningschef".
function official(text: string, group: AttendanceRole, present: boolean): Attendee | undefined {
  const comma = text.indexOf(',')
  let name: string
  let title: string
  if (comma > 0 && isName(text.slice(0, comma))) {
    name = text.slice(0, comma).trim()
    title = text.slice(comma + 1).trim()
  } else {
    const tokens = text.split(/\s+/)
    let n = 0
    while (n < tokens.length && /^[\p{Lu}][\p{L}'’-]*$/u.test(tokens[n] ?? '')) n++
    name = tokens.slice(0, n).join(' ')
    title = tokens.slice(n).join(' ')
    if (!isName(name)) return undefined
  }
  const a: Attendee = { name, role: group === 'övrig' && title ? 'tjänsteperson' : group, present }
  const sections = /,?\s*(?:§§?|ej\s+§)/.exec(title)
  const titleOnly = sections ? title.slice(0, sections.index) : title
  if (titleOnly.trim()) a.title = titleOnly.trim().replace(/[,.]$/, '')
  if (sections) readServedSections(a, title.slice(sections.index))
  return a
}
