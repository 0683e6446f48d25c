import type {
  Actor,
  Dissent,
  Motion,
  Recusal,
  Statement,
  StatementKind,
} from '../domain/publication/document-json.ts'
import type { Block } from './block.ts'
import { listLine, type Paragraph, paragraphs } from './paragraphs.ts'
import { actorsIn, parsePerson } from './people.ts'

// Members' positions in a §: motions (yrkanden), dissents (reservationer), statements and recusals.

const MOTION_VERB = /\byrk(?:ar|ade|ande|anden|er|at)\b/i
const NUMBERED = /^(?:\d{1,2}[.):]?)\s+(?=\S)/

function actorsBefore(text: string, verb: RegExp): Actor[] {
  const m = verb.exec(text)
  return actorsIn(m ? text.slice(0, m.index) : text)
}

/**
 * Motions: a paragraph with "yrkar"/"yrkade" opens one; numbered or "att" lines are its points. The
 * text keeps the points where they are printed, as a list, so paragraphs after "3. att därutöver
 * anföra:" follow it; `points` repeats them for readers of the att-satser alone.
 */
export function readMotions(blocks: Block[]): Motion[] {
  const out: Motion[] = []
  let motion: Motion | undefined
  let afterPoint = false
  for (const p of paragraphs(blocks)) {
    const numbered = NUMBERED.exec(p.text)
    if (!p.item && !numbered && MOTION_VERB.test(p.text) && actorsBefore(p.text, MOTION_VERB).length > 0) {
      motion = { by: actorsBefore(p.text, MOTION_VERB), text: p.text }
      out.push(motion)
      afterPoint = false
    } else if (motion && (p.item || numbered || /^att\s/i.test(p.text))) {
      const point = numbered ? p.text.slice(numbered[0].length) : p.text
      motion.points = [...(motion.points ?? []), point]
      const line = numbered
        ? `${numbered[0].trim().replace(/[.):]?$/, '.')} ${point}`
        : p.item
          ? listLine(p)
          : `- ${point}`
      motion.text = `${motion.text}${afterPoint ? '\n' : '\n\n'}${line}`
      afterPoint = true
    } else if (motion) {
      motion.text = `${motion.text}\n\n${p.text}`
      afterPoint = false
    } else {
      motion = { by: actorsBefore(p.text, MOTION_VERB), text: p.text }
      out.push(motion)
    }
  }
  return out
}

/** The next paragraph of a text; list items follow each other on their own lines. */
function appendParagraph(text: string, p: Paragraph): string {
  if (!p.item) return `${text}\n\n${p.text}`
  const inList = /(?:^|\n)(?:[-•]|\d{1,3}\.|[A-Za-z]\.) [^\n]*$/.test(text)
  return `${text}${inList ? '\n' : '\n\n'}${listLine(p)}`
}

const DISSENT_VERB = /\breserver(?:ar|ade|a|ing)\b/i

/** Dissents: a paragraph with "reserverar sig" opens one; following paragraphs are its reasons. */
export function readDissents(blocks: Block[]): Dissent[] {
  const out: Dissent[] = []
  let dissent: Dissent | undefined
  for (const p of paragraphs(blocks)) {
    if (!p.item && DISSENT_VERB.test(p.text)) {
      dissent = { by: actorsBefore(p.text, DISSENT_VERB), text: p.text }
      out.push(dissent)
    } else if (dissent) {
      dissent.text = appendParagraph(dissent.text, p)
    } else {
      dissent = { by: actorsIn(p.text.slice(0, 300)), text: p.text }
      out.push(dissent)
    }
  }
  return out
}

const STATEMENT_VERB =
  /\b(?:lämna(?:r|de|t)?|anmäl(?:er|de|t)|avg(?:er|av|ivit)|inkom(?:mer)? med|ställ(?:er|de) sig bakom|instämm(?:er|de)|anteckna(?:r|de)|får följande|antecknas)\b/i

function kindIn(text: string, fallback: StatementKind): StatementKind {
  const l = text.toLowerCase()
  if (l.includes('protokollsanteckning')) return 'protokollsanteckning'
  if (l.includes('ersättaryttrande')) return 'ersättaryttrande'
  if (/särskil(?:t|da) yttrande/.test(l)) return 'särskilt yttrande'
  if (/särskil(?:t|da) uttalande/.test(l)) return 'särskilt uttalande'
  return fallback
}

/**
 * Statements under a heading of the given kind: an introduction ("Gabriel Kroon (SD) lämnade ett
 * särskilt uttalande:") opens one and the paragraphs that follow are its text.
 */
export function readStatements(blocks: Block[], kind: StatementKind): Statement[] {
  const out: Statement[] = []
  let st: Statement | undefined
  let intro = ''
  const close = () => {
    if (st && !st.text) st.text = intro
  }
  for (const p of paragraphs(blocks)) {
    const verb = STATEMENT_VERB.exec(p.text)
    const by = verb && !p.item ? actorsIn(p.text.slice(0, verb.index)) : []
    if (verb && by.length > 0) {
      close()
      const colon = p.text.indexOf(':', verb.index)
      const after = colon === -1 ? '' : p.text.slice(colon + 1).trim()
      // The kind named right after the verb ("lämnade en protokollsanteckning") wins over the heading's.
      const named = /^ställ|^instämm/i.test(verb[0])
        ? kind
        : kindIn(p.text.slice(verb.index, verb.index + 60), kind)
      st = { kind: named, by, text: colon === -1 ? p.text : after }
      intro = p.text
      out.push(st)
    } else if (st) {
      st.text = st.text ? appendParagraph(st.text, p) : p.item ? listLine(p) : p.text
    } else {
      st = { kind, by: actorsIn(p.text.slice(0, 300)), text: p.text }
      intro = p.text
      out.push(st)
    }
  }
  close()
  return out
}

/** Recusals: the people named in a "Jäv" part, or in a line that says someone is jävig. */
export function readRecusals(blocks: Block[]): Recusal[] {
  const out: Recusal[] = []
  for (const p of paragraphs(blocks)) {
    for (const a of actorsIn(p.text)) {
      if (a.name) out.push(a.party ? { name: a.name, party: a.party } : { name: a.name })
    }
  }
  return out
}

/** A line outside a "Jäv" part that records a recusal: "Per Holm (M) anmäler jäv och deltar inte". */
export function recusalInLine(text: string): Recusal | undefined {
  if (text.length > 400 || !/\bjäv(?:ig)?\b/i.test(text)) return undefined
  const person = parsePerson(text)
  if (!person?.name) return undefined
  return person.party ? { name: person.name, party: person.party } : { name: person.name }
}
