import type { MemberListEntry } from '../../../domain/membership/member-list.service.ts'
import type { MembershipRole } from '../../../domain/membership/membership.ts'
import { isIsoDate } from '../../../domain/shared/calendar-date.ts'

// A member list as a council exports it from a spreadsheet: a header row with the columns namn,
// parti, roll, från, till, ersättarordning (any order, any case), then one seat per row. Excel in
// Swedish writes semicolons, others commas or tabs: the header decides. Quotes as in RFC 4180.

export interface MemberListProblem {
  line: number
  message: string
}

const roleNames: Record<string, MembershipRole> = {
  ledamot: 'member',
  ersättare: 'substitute',
  ordförande: 'chair',
  'vice ordförande': 'vice_chair',
}
const required = ['namn', 'roll', 'från'] as const
const known = ['namn', 'parti', 'roll', 'från', 'till', 'ersättarordning']

/** The records of the text, each with the line it starts on; quoted fields may hold newlines. */
function records(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  const out: Array<{ line: number; cells: string[] }> = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1
  const endCell = () => {
    cells.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        cell += c
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (c === delimiter) endCell()
    else if (c === '\n') {
      endCell()
      out.push({ line: start, cells })
      cells = []
      line++
      start = line
    } else cell += c
  }
  cells.push(cell)
  out.push({ line: start, cells })
  return out.filter((r) => r.cells.some((c) => c.trim() !== ''))
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** Reads a member list; every bad line is reported with its number and nothing is returned then. */
export function parseMemberList(input: string): {
  entries: MemberListEntry[]
  problems: MemberListProblem[]
} {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? ''
  const delimiter = [';', '\t', ','].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0] as string
  const [header, ...rows] = records(text, delimiter)
  if (!header)
    return {
      entries: [],
      problems: [{ line: 1, message: 'Listan är tom. Klistra in en rubrikrad och minst en rad.' }],
    }
  const columns = header.cells.map(normalise)
  const missing = required.filter((name) => !columns.includes(name))
  if (missing.length > 0)
    return {
      entries: [],
      problems: [
        {
          line: header.line,
          message: `Rubrikraden saknar kolumnen ${missing.join(', ')}. Kolumnerna är ${known.join(', ')}.`,
        },
      ],
    }
  if (rows.length === 0)
    return {
      entries: [],
      problems: [{ line: header.line + 1, message: 'Listan har ingen rad efter rubrikraden.' }],
    }
  const entries: MemberListEntry[] = []
  const problems: MemberListProblem[] = []
  for (const { line, cells } of rows) {
    const get = (name: string) =>
      columns.indexOf(name) >= 0 ? (cells[columns.indexOf(name)] ?? '').trim() : ''
    const wrong: string[] = []
    const name = get('namn').replace(/\s+/g, ' ')
    if (!name) wrong.push('namn saknas')
    else if (name.length > 200) wrong.push('namnet är längre än 200 tecken')
    const party = get('parti')
    if (party.length > 20) wrong.push('partiförkortningen är längre än 20 tecken')
    const role = roleNames[normalise(get('roll'))]
    if (!role)
      wrong.push(`rollen "${get('roll')}" är okänd (ledamot, ersättare, ordförande eller vice ordförande)`)
    const startsOn = get('från')
    if (!isIsoDate(startsOn)) wrong.push(`från "${startsOn}" är inget datum ÅÅÅÅ-MM-DD`)
    const endsOn = get('till')
    if (endsOn && !isIsoDate(endsOn)) wrong.push(`till "${endsOn}" är inget datum ÅÅÅÅ-MM-DD`)
    else if (endsOn && isIsoDate(startsOn) && endsOn < startsOn) wrong.push('till ligger före från')
    const order = get('ersättarordning')
    if (order && !/^\d{1,3}$/.test(order)) wrong.push(`ersättarordning "${order}" är inget heltal`)
    else if (order && role && role !== 'substitute') wrong.push('ersättarordning gäller bara ersättare')
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== ''))
      wrong.push(`raden har fler fält än rubrikraden (${columns.length})`)
    if (wrong.length > 0) {
      problems.push({ line, message: `${wrong.join('; ')}.` })
      continue
    }
    entries.push({
      line,
      name,
      party: party || null,
      role: role!,
      startsOn,
      endsOn: endsOn || null,
      substituteOrder: order ? Number(order) : null,
    })
  }
  return problems.length > 0 ? { entries: [], problems } : { entries, problems }
}
