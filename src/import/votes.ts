import type { Ballot, BallotVote, Vote } from '../domain/publication/document-json.ts'
import type { Block } from './block.ts'
import { actorsIn, isParty, parsePerson, trailingName } from './people.ts'

interface Columns {
  ja?: number
  nej?: number
  avstår?: number
}

const VOTE_WORD = /^(ja|nej|avstår|avstod|avstå|avstående)$/i
const COUNT_ROW =
  /^(?:summa|totalt|resultat|antal(?: röster)?|röster|summering)\s*:?\s+(\d{1,3})\s+(\d{1,3})(?:\s+(\d{1,3}))?(?:\s+\d{1,3})?\s*$/i
const VOTE_LIST =
  /^(?:(?:följande\s+)?(?:ledamöter\s+)?(?:röstade\s+|röstar\s+)?)?(ja|nej|avstår|avstod|avstående)(?:[- ]?röster|[- ]?röstade)?(?:\s+från\s+att\s+rösta)?(?:\s*\(\d+\))?\s*:\s*(.*)$/i
const QUESTION =
  /\bja[- ]?röst|\bja för\b|\bden som vill\b|voteringsproposition|omröstningsproposition|\bnej för\b/i

/**
 * Reads roll-call votes: the proposition put ("Ja-röst för …"), ballots from tables (cells, column
 * positions, or "Name (P) Ja"), "Ja-röster: …" lists, counts rows and result sentences.
 */
export function readVotes(blocks: Block[], warn: (line: number, msg: string) => void): Vote[] {
  const votes: Vote[] = []
  let vote: Vote | undefined
  let cellColumns: Columns | undefined
  let header: Block | undefined
  let warned = false
  let listChoice: BallotVote | undefined
  const current = (): Vote => {
    if (!vote) {
      vote = {}
      votes.push(vote)
    }
    return vote
  }
  for (const b of withProseJoined(blocks)) {
    const t = b.text
    if (b.cells) {
      const cols = cellHeader(b.cells)
      if (cols) {
        cellColumns = cols
        continue
      }
    } else if (isHeaderRow(t)) {
      header = b
      continue
    }
    const counts = COUNT_ROW.exec(t)
    if (counts) {
      const v = current()
      v.yes = Number(counts[1])
      v.no = Number(counts[2])
      if (counts[3]) v.abstain = Number(counts[3])
      continue
    }
    const list = VOTE_LIST.exec(t)
    if (list && /\(/.test(list[2] ?? '')) {
      const v = current()
      const choice = voteWord(list[1] ?? '')
      for (const a of actorsIn(list[2] ?? '')) {
        if (a.name && choice) v.ballots = [...(v.ballots ?? []), ballot(a.name, a.party, choice)]
      }
      listChoice = undefined
      continue
    }
    // "Följande ledamöter röstar NEJ:" with the members on the lines after it.
    if (list && !(list[2] ?? '').trim()) {
      listChoice = voteWord(list[1] ?? '')
      current()
      continue
    }
    if (listChoice) {
      const p = t.length < 120 ? parsePerson(t) : undefined
      if (p?.name && !p.before && !p.rest.trim()) {
        const v = current()
        v.ballots = [...(v.ballots ?? []), ballot(p.name, p.party, listChoice)]
        continue
      }
      listChoice = undefined
    }
    const row = readBallot(b, t, cellColumns, header)
    if (row === 'unreadable') {
      if (!warned)
        warn(
          b.line,
          'en omröstningslista gick inte att läsa (kolumnerna förlorade); rösterna lämnades utanför',
        )
      warned = true
      continue
    }
    if (row) {
      const v = current()
      v.ballots = [...(v.ballots ?? []), row]
      continue
    }
    if (QUESTION.test(t) && !/\d+\s+ja/i.test(t)) {
      if (vote && (vote.ballots || vote.result)) vote = undefined
      const v = current()
      v.question = v.question ? `${v.question}\n\n${t}` : t
      continue
    }
    // A vote list flattened onto one line by PDF extraction: its marks lost their columns, but the
    // "Summa 7 4 2" row at its end still gives the counts in the order of the header (Ja Nej Avstår).
    const flattened =
      /\bja\b.*\bnej\b.*\b(?:summa|totalt)\s*:?\s+(\d{1,3})\s+(\d{1,3})(?:\s+(\d{1,3}))?(?:\s+\d{1,3})?\s*$/i.exec(
        t,
      )
    if (flattened && t.length > 40) {
      const v = current()
      v.yes = Number(flattened[1])
      v.no = Number(flattened[2])
      if (flattened[3] !== undefined) v.abstain = Number(flattened[3])
      continue
    }
    const yes = /(\d{1,3})\s+ja(?:-?röster)?\b|\bja(?:-?röster)?\s*:?\s*(\d{1,3})\b/i.exec(t)
    const no = /(\d{1,3})\s+nej(?:-?röster)?\b|\bnej(?:-?röster)?\s*:?\s*(\d{1,3})\b/i.exec(t)
    if (yes && no) {
      const v = current()
      v.yes = Number(yes[1] ?? yes[2])
      v.no = Number(no[1] ?? no[2])
      const abstain =
        /(\d{1,3})\s+(?:ledamöter\s+|ledamot\s+|som\s+|st\s+)?(?:avstår|avstod|avstående|avstått|avstod från att rösta)|\bavstår\s*:?\s*(\d{1,3})\b/i.exec(
          t,
        )
      if (abstain) v.abstain = Number(abstain[1] ?? abstain[2])
      v.result = v.result ? `${v.result}\n\n${t}` : t
      continue
    }
    if (vote && (vote.ballots || vote.yes !== undefined)) {
      vote.result = vote.result ? `${vote.result}\n\n${t}` : t
    }
  }
  for (const v of votes) {
    if (v.ballots && v.yes === undefined) {
      v.yes = v.ballots.filter((x) => x.vote === 'ja').length
      v.no = v.ballots.filter((x) => x.vote === 'nej').length
      v.abstain = v.ballots.filter((x) => x.vote === 'avstår').length
    }
  }
  return votes.filter((v) => v.question || v.ballots || v.yes !== undefined)
}

function voteWord(w: string): BallotVote | undefined {
  const l = w.toLowerCase()
  if (l === 'ja') return 'ja'
  if (l === 'nej') return 'nej'
  if (l.startsWith('avst')) return 'avstår'
  return undefined
}

function ballot(name: string, party: string | undefined, vote: BallotVote): Ballot {
  return party ? { name, party, vote } : { name, vote }
}

function cellHeader(cells: string[]): Columns | undefined {
  const cols: Columns = {}
  cells.forEach((c, i) => {
    const w = voteWord(c.trim().replace(/[-\s]?röster?$/i, ''))
    if (w === 'ja') cols.ja = i
    else if (w === 'nej') cols.nej = i
    else if (w === 'avstår') cols.avstår = i
  })
  return cols.ja !== undefined && cols.nej !== undefined ? cols : undefined
}

const MARK = /^(?:x|X|✓|✔|1|ja|nej|avstår)$/

function readBallot(
  b: Block,
  text: string,
  cellColumns: Columns | undefined,
  header: Block | undefined,
): Ballot | 'unreadable' | undefined {
  if (text.length > 200) return undefined
  if (b.cells && cellColumns) {
    const found = personIn(b.cells[0] ?? '') ?? personIn(text)
    if (!found) return undefined
    // "| Anna Berg | S | X |": the party in a column of its own.
    const partyCell = found.party
      ? undefined
      : b.cells
          .slice(1)
          .find((c) => isParty(c.trim()))
          ?.trim()
    const who = partyCell ? { ...found, party: partyCell.toUpperCase() } : found
    for (const key of ['ja', 'nej', 'avstår'] as const) {
      const i = cellColumns[key]
      if (i !== undefined && MARK.test((b.cells[i] ?? '').trim())) return ballot(who.name, who.party, key)
    }
    return undefined
  }
  const person = parsePerson(text)
  let who: { name: string; party?: string } | undefined
  let rest: string
  if (person?.name && !person.before) {
    who = { name: person.name, ...(person.party ? { party: person.party } : {}) }
    rest = person.rest.trim()
  } else {
    const m = /^(\S+(?: \S+){1,4}) (\p{Lu}{1,3}!?) (\S+)$/u.exec(text)
    if (!m || !isParty(m[2] ?? '')) return undefined
    const name = trailingName(m[1] ?? '')
    if (!name || name !== m[1]) return undefined
    who = { name, party: m[2] ?? '' }
    rest = m[3] ?? ''
  }
  const words = rest.split(/\s+/).filter(Boolean)
  const lastWord = words[words.length - 1] ?? ''
  const word = VOTE_WORD.test(lastWord) ? voteWord(lastWord) : undefined
  if (word) return ballot(who.name, who.party, word)
  if (!/^[xX✓✔]$/.test(lastWord)) return undefined
  const layout = header?.layout
  if (!b.layout || !layout) return 'unreadable'
  const at = b.layout.lastIndexOf(lastWord)
  const positions: [BallotVote, number][] = []
  for (const [key, re] of [
    ['ja', /\bja\b/i],
    ['nej', /\bnej\b/i],
    ['avstår', /\bavst/i],
  ] as const) {
    const m = re.exec(layout)
    if (m) positions.push([key, m.index])
  }
  if (positions.length < 2) return 'unreadable'
  // A cross under "Frånvarande" records an absent member, who casts no ballot.
  const absent = /\bfrånv/i.exec(layout)?.index
  if (absent !== undefined && positions.every(([, p]) => Math.abs(absent - at) < Math.abs(p - at)))
    return undefined
  positions.sort((x, y) => Math.abs(x[1] - at) - Math.abs(y[1] - at))
  return ballot(who.name, who.party, positions[0]?.[0] ?? 'ja')
}

function personIn(text: string): { name: string; party?: string } | undefined {
  const p = parsePerson(text)
  if (p?.name) return p.party ? { name: p.name, party: p.party } : { name: p.name }
  const name = trailingName(text)
  return name ? { name } : undefined
}

// Ballot rows and counts stay one per line; wrapped prose lines (from PDFs) are joined.
function withProseJoined(blocks: Block[]): Block[] {
  const out: Block[] = []
  for (const b of blocks) {
    const last = out[out.length - 1]
    const structural = (x: Block) =>
      x.cells !== undefined ||
      COUNT_ROW.test(x.text) ||
      VOTE_LIST.test(x.text) ||
      isHeaderRow(x.text) ||
      isBallotLine(x.text)
    if (
      last &&
      b.wrapped &&
      b.style === 'text' &&
      !structural(b) &&
      !structural(last) &&
      (!/[.!?:]$/.test(last.text) || /^\p{Ll}/u.test(b.text))
    ) {
      out[out.length - 1] = { ...last, text: `${last.text} ${b.text}` }
    } else out.push(b)
  }
  return out
}

// "Ledamot Ja Nej Avstår", "Namn Parti Ja Nej": a table header ending in the vote columns.
function isHeaderRow(text: string): boolean {
  const words = text.split(/\s+/)
  if (words.length > 8) return false
  const tail = words.slice(-4).map((w) => w.toLowerCase())
  return tail.includes('ja') && tail.includes('nej')
}

function isBallotLine(text: string): boolean {
  const p = text.length < 120 ? parsePerson(text) : undefined
  return p !== undefined && !p.before && p.rest.trim().split(/\s+/).length <= 2
}
