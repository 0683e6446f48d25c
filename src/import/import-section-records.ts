import {
  type DissentInput,
  type MotionInput,
  recordDissents,
  recordMotions,
  recordStatements,
  type StatementInput,
} from '../domain/minutes/section-record.service.ts'
import type { Item } from '../domain/publication/document-json.ts'
import type { BallotChoice } from '../domain/vote/tally.ts'
import { type RecordVoteInput, recordVotes } from '../domain/vote/vote.service.ts'
import type { MinutesContext } from './import-minutes.ts'
import { asWarning } from './import-warnings.ts'

// What a protocol records under its §§: motions, votes, dissents and statements, from the document
// JSON into the batch use cases of the minutes and votes.

const choices: Record<'ja' | 'nej' | 'avstår', BallotChoice> = { ja: 'yes', nej: 'no', avstår: 'abstain' }

export type SectionItem = { sectionId: number; item: Item & { section: number } }
type RecordKind = 'motion' | 'vote' | 'dissent' | 'statement'

/**
 * The motions, votes, dissents and statements of every §, each kind written at once (recordMotions,
 * recordVotes, recordDissents, recordStatements). What is stored, audited and warned about is what
 * recording them § by § did: the persons are named and the warnings kept in that order, and the
 * kinds are recorded in the order they first appear, as the import's audit row lists them. A dissent
 * is held against the ballots of its § (KL 4:27): when a dissent would come before a vote of its own
 * §, the §§ are recorded one by one.
 */
export async function importSectionRecords(context: MinutesContext, sections: readonly SectionItem[]) {
  const { trx, actor, register } = context
  // Each warning with its place in the § by § order: (step, then names before records, then as told).
  const warnings: Array<{ step: number; phase: number; n: number; message: string }> = []
  let step = 0
  let phase = 0
  const warnAt = (at: number) => (message: string) =>
    warnings.push({ step: at, phase, n: warnings.length, message })
  const restore = register.redirectWarnings((message) => warnAt(step)(message))
  const motions: Array<{ step: number; input: MotionInput; where: string }> = []
  const votes: Array<{ step: number; input: RecordVoteInput; counts: RecordVoteInput; where: string }> = []
  const dissents: Array<{ step: number; input: DissentInput; where: string }> = []
  const statements: Array<{ step: number; input: StatementInput; where: string }> = []
  const order: RecordKind[] = []
  const seen = (kind: RecordKind) => {
    if (!order.includes(kind)) order.push(kind)
  }
  try {
    for (const { sectionId, item } of sections) {
      const where = `§ ${item.section}`
      for (const motion of item.motions ?? []) {
        step++
        seen('motion')
        const input = {
          sectionId,
          text: motion.text,
          ...(motion.points ? { points: motion.points } : {}),
          authors: await register.authors(motion.by, where),
        }
        motions.push({ step, input, where })
      }
      for (const vote of item.votes ?? []) {
        step++
        seen('vote')
        const ballots: Array<{ personId: number; choice: BallotChoice }> = []
        for (const b of vote.ballots ?? [])
          ballots.push({ personId: await register.person({ ...b, where }), choice: choices[b.vote] })
        const counted = (choice: BallotChoice) => ballots.filter((b) => b.choice === choice).length
        const common = {
          sectionId,
          kind: 'open' as const,
          question: vote.question ?? 'Omröstning',
          ...(vote.result ? { result: vote.result } : {}),
        }
        const counts = {
          ...common,
          counts: {
            yes: vote.yes ?? counted('yes'),
            no: vote.no ?? counted('no'),
            abstain: vote.abstain ?? counted('abstain'),
          },
        }
        // Ballots by name when every voter is known to have served; otherwise the counts still stand.
        votes.push({ step, input: ballots.length > 0 ? { ...common, ballots } : counts, counts, where })
      }
      for (const dissent of item.dissents ?? []) {
        step++
        seen('dissent')
        const input = { sectionId, text: dissent.text, authors: await register.authors(dissent.by, where) }
        dissents.push({ step, input, where })
      }
      for (const statement of item.statements ?? []) {
        step++
        seen('statement')
        const input = {
          sectionId,
          kind: statement.kind,
          text: statement.text,
          authors: await register.authors(statement.by, where),
        }
        statements.push({ step, input, where })
      }
    }
  } finally {
    restore()
  }
  phase = 1
  const kinds = {
    motion: (from: number, to: number) => {
      const batch = motions.filter((m) => m.step >= from && m.step <= to)
      return recordMotions(
        trx,
        actor,
        { motions: batch.map((m) => m.input) },
        {
          // As with dissents below: a motion whose proposer is not in the serving list is kept as printed.
          onRefused: (i, error, input) => {
            const { step: at, where } = batch[i] as (typeof batch)[number]
            if (input.asPublished) return asWarning(warnAt(at), `${where}, yrkande`)(error)
            asWarning(warnAt(at), `${where}, yrkande (registrerat som i protokollet)`)(error)
            return { ...input, asPublished: true }
          },
        },
      )
    },
    vote: (from: number, to: number) => {
      const batch = votes.filter((v) => v.step >= from && v.step <= to)
      return recordVotes(
        trx,
        actor,
        { votes: batch.map((v) => v.input) },
        {
          onRefused: (i, error, input) => {
            const { step: at, where, counts } = batch[i] as (typeof batch)[number]
            if (input.ballots) {
              asWarning(warnAt(at), `${where}, omröstning (namn)`)(error)
              return counts
            }
            return asWarning(warnAt(at), `${where}, omröstning`)(error)
          },
        },
      )
    },
    dissent: (from: number, to: number) => {
      const batch = dissents.filter((d) => d.step >= from && d.step <= to)
      return recordDissents(
        trx,
        actor,
        { dissents: batch.map((d) => d.input) },
        {
          // The signed-off protocol is the record: a dissent that breaks a rule (often a name spelt
          // otherwise than in the attendance) is warned about and still recorded as printed.
          onRefused: (i, error, input) => {
            if (input.asPublished) throw error
            const { step: at, where } = batch[i] as (typeof batch)[number]
            asWarning(warnAt(at), `${where}, reservation (registrerad som i protokollet)`)(error)
            return { ...input, asPublished: true }
          },
        },
      )
    },
    statement: (from: number, to: number) => {
      const batch = statements.filter((s) => s.step >= from && s.step <= to)
      return recordStatements(
        trx,
        actor,
        { statements: batch.map((s) => s.input) },
        {
          onRefused: (i, error, input) => {
            const { step: at, where } = batch[i] as (typeof batch)[number]
            return asWarning(warnAt(at), `${where}, ${input.kind}`)(error)
          },
        },
      )
    },
  }
  const dissentBeforeVote =
    order.indexOf('dissent') >= 0 &&
    order.indexOf('dissent') < order.indexOf('vote') &&
    sections.some(({ item }) => (item.votes?.length ?? 0) > 0 && (item.dissents?.length ?? 0) > 0)
  if (!dissentBeforeVote) {
    for (const kind of order) await kinds[kind](1, step)
  } else {
    let from = 1
    for (const { item } of sections) {
      const to = from + countRecords(item) - 1
      for (const kind of ['motion', 'vote', 'dissent', 'statement'] as const) await kinds[kind](from, to)
      from = to + 1
    }
  }
  warnings.sort((a, b) => a.step - b.step || a.phase - b.phase || a.n - b.n)
  for (const { message } of warnings) context.warn(message)
}

const countRecords = (item: Item) =>
  (item.motions?.length ?? 0) +
  (item.votes?.length ?? 0) +
  (item.dissents?.length ?? 0) +
  (item.statements?.length ?? 0)
