import type { Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getMeeting } from '../meeting/meeting.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { addDays, isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { groupBy } from '../shared/group-by.ts'
import { listBallotsOfSections } from '../vote/vote.reads.ts'
import { getMinutes, getSectionOwners } from './minutes.repository.ts'
import type { Author, Dissent, Motion, MotionKind, Statement } from './minutes.ts'
import { auditSection, getEditableSection } from './section.service.ts'
import {
  getDissent,
  insertDissents,
  insertMotions,
  insertStatements,
  updateDissentText,
} from './section-record.repository.ts'
import {
  checkEach,
  nextPositions,
  type RecordBatchOptions,
  readEditableSections,
  readServiceAndRecusals,
} from './section-records-batch.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    motion_text_missing: undefined
    motion_by_non_serving: undefined
    dissent_after_close: undefined
    dissent_by_non_participant: undefined
    dissent_by_supporter: undefined
    dissent_reason_overdue: undefined
    dissent_reason_missing: undefined
    statement_kind_not_recorded: undefined
    substitute_opinions_not_recorded: undefined
    author_missing: undefined
  }
}

export interface AuthorInput {
  personId?: number
  partyId?: number
  andOthers?: boolean
}

export interface MotionInput {
  sectionId: number
  kind?: MotionKind
  text: string
  points?: string[]
  authors: AuthorInput[]
  asPublished?: boolean
}

/**
 * Records a motion (yrkande) with its proposers, its text and its points. Only members serving at
 * the § make motions: officials and others present may speak but never decide (M6, KL 7:10–19),
 * and a substitute who does not serve may take part in the debate only (KL 6:17).
 */
export async function recordMotion(trx: Trx, actor: Actor, input: MotionInput): Promise<Motion> {
  return (await recordMotions(trx, actor, { motions: [input] }))[0] as Motion
}

/**
 * Records motions, each held to the rules of recordMotion, which records one through here: their
 * §§, who served there and the positions taken are read once, the motions written in one statement
 * and their authors in another. Returns each in order; a refused one undefined (see RecordBatchOptions).
 */
export async function recordMotions(
  trx: Trx,
  actor: Actor,
  input: { motions: readonly MotionInput[] },
  options: RecordBatchOptions<MotionInput> = {},
): Promise<Array<Motion | undefined>> {
  const sections = await readEditableSections(
    trx,
    input.motions.map((m) => m.sectionId),
  )
  const { services } = await readServiceAndRecusals(trx, sections.ids, { recusals: false })
  const positions = await nextPositions(trx, 'motion', sections.ids)
  const accepted = checkEach(
    input.motions,
    (motion) => {
      const section = sections.get(motion.sectionId)
      const text = motion.text.trim()
      if (!text) throw new InvalidInputError('motion_text_missing', 'the motion needs its text', 'text')
      const authors = toAuthors(motion.authors)
      const served = services(section.id)
      // A signed-off protocol being imported is the record: its motions stand as printed.
      for (const author of motion.asPublished ? [] : authors) {
        if (author.personId === null || served.length === 0) continue
        if (!served.some((s) => s.personId === author.personId)) {
          throw new InvalidStateError(
            'motion_by_non_serving',
            'only a member serving at the § may make a motion (M6, KL 6:17)',
          )
        }
      }
      return {
        sectionId: section.id,
        kind: motion.kind ?? null,
        text,
        points: (motion.points ?? []).map((p) => p.trim()).filter(Boolean),
        authors,
        position: positions.take(section.id),
      }
    },
    options,
  )
  const inserted = await insertMotions(
    trx,
    accepted.filter((m) => m !== undefined),
  )
  for (const motion of inserted)
    await auditRecord(trx, actor, 'section.motion_recorded', sections.owners(motion.sectionId), motion)
  let next = 0
  return accepted.map((m) => (m === undefined ? undefined : inserted[next++]))
}

export interface DissentInput {
  sectionId: number
  text?: string
  authors: AuthorInput[]
  /**
   * After the chair closed the meeting, the secretary may still write down a dissent announced
   * before the close, and says so; one announced afterwards is void (KL 4:27).
   */
  announcedBeforeClose?: boolean
  asPublished?: boolean
}

/**
 * Records a dissent (reservation). KL 4:27: only someone who took part in the decision may dissent,
 * and not one who voted for it; it must be announced before the meeting ends, its written reason
 * may follow until sign-off (addDissentReason).
 */
export async function recordDissent(trx: Trx, actor: Actor, input: DissentInput): Promise<Dissent> {
  return (await recordDissents(trx, actor, { dissents: [input] }))[0] as Dissent
}

/**
 * Records dissents, each held to the rules of recordDissent, which records one through here: their
 * §§, minutes, who served and the ballots cast are read once, the dissents written in one statement
 * and their authors in another. Returns each in order; a refused one undefined (see RecordBatchOptions).
 */
export async function recordDissents(
  trx: Trx,
  actor: Actor,
  input: { dissents: readonly DissentInput[] },
  options: RecordBatchOptions<DissentInput> = {},
): Promise<Array<Dissent | undefined>> {
  const sections = await readEditableSections(
    trx,
    input.dissents.map((d) => d.sectionId),
  )
  const minutesIds = [...new Set(sections.ids.flatMap((id) => owned(() => sections.owners(id).minutesId)))]
  const minutes = new Map(
    (await Promise.all(minutesIds.map((id) => getMinutes(trx, id)))).map((m) => [m.id, m]),
  )
  const [{ services }, ballots] = await Promise.all([
    readServiceAndRecusals(trx, sections.ids, { recusals: false }),
    listBallotsOfSections(trx, sections.ids),
  ])
  const ballotsBy = groupBy(ballots, (b) => b.sectionId)
  const positions = await nextPositions(trx, 'dissent', sections.ids)
  const accepted = checkEach(
    input.dissents,
    (dissent) => {
      const section = sections.get(dissent.sectionId)
      const authors = toAuthors(dissent.authors)
      const closed = minutes.get(section.minutesId)?.meetingClosedAt ?? null
      if (closed !== null && !dissent.announcedBeforeClose && !dissent.asPublished) {
        throw new InvalidStateError(
          'dissent_after_close',
          'the meeting is closed: a dissent must have been announced before the meeting ended (KL 4:27)',
        )
      }
      const served = services(section.id)
      const cast = ballotsBy.get(section.id) ?? []
      // A signed-off protocol being imported is the record: its dissents stand as printed.
      for (const author of dissent.asPublished ? [] : authors) {
        if (author.personId === null) continue
        if (served.length > 0 && !served.some((s) => s.personId === author.personId)) {
          throw new InvalidStateError(
            'dissent_by_non_participant',
            'only a member who took part in the decision may dissent (KL 4:27)',
          )
        }
        if (cast.some((b) => b.personId === author.personId && b.votedForOutcome)) {
          throw new InvalidStateError(
            'dissent_by_supporter',
            'a member who voted for the decision cannot dissent from it (KL 4:27)',
          )
        }
      }
      return {
        sectionId: section.id,
        text: dissent.text?.trim() || null,
        authors,
        position: positions.take(section.id),
      }
    },
    options,
  )
  const inserted = await insertDissents(
    trx,
    accepted.filter((d) => d !== undefined),
  )
  for (const dissent of inserted)
    await auditRecord(trx, actor, 'section.dissent_recorded', sections.owners(dissent.sectionId), dissent)
  let next = 0
  return accepted.map((d) => (d === undefined ? undefined : inserted[next++]))
}

/**
 * Adds or changes the written reason of a dissent announced at the meeting (KL 4:27). It may follow
 * until the § is signed off and, where the committee sets a number of days for it, no later than
 * that many days after the meeting (a local rule, domain.md M4).
 */
export async function addDissentReason(
  trx: Trx,
  actor: Actor,
  input: { dissentId: number; text: string; on: string },
): Promise<Dissent> {
  if (!isIsoDate(input.on)) throw new InvalidInputError('date_malformed', 'the day must be YYYY-MM-DD', 'on')
  const before = await getDissent(trx, input.dissentId)
  const section = await getEditableSection(trx, before.sectionId)
  const { committeeId, meetingId } = await getSectionOwners(trx, section.id)
  const days = (await getCommitteeSettings(trx, committeeId)).writtenDissentDays
  if (days > 0) {
    const due = addDays((await getMeeting(trx, meetingId)).meetsOn, days)
    if (input.on > due) {
      throw new InvalidStateError(
        'dissent_reason_overdue',
        `the written reason of a dissent was due by ${due}`,
      )
    }
  }
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('dissent_reason_missing', 'write the reason', 'text')
  const after = await updateDissentText(trx, before.id, text)
  await auditSection(trx, actor, 'section.dissent_reason_added', section.id, { before, after })
  return after
}

export interface StatementInput {
  sectionId: number
  kind: string
  text?: string
  authors: AuthorInput[]
}

/** Records a statement of a kind the committee allows (särskilt uttalande, protokollsanteckning, ersättaryttrande …). */
export async function recordStatement(trx: Trx, actor: Actor, input: StatementInput): Promise<Statement> {
  return (await recordStatements(trx, actor, { statements: [input] }))[0] as Statement
}

/**
 * Records statements, each held to the rules of recordStatement, which records one through here:
 * their §§ and their committees' settings are read once, the statements written in one statement
 * and their authors in another. Returns each in order; a refused one undefined (see RecordBatchOptions).
 */
export async function recordStatements(
  trx: Trx,
  actor: Actor,
  input: { statements: readonly StatementInput[] },
  options: RecordBatchOptions<StatementInput> = {},
): Promise<Array<Statement | undefined>> {
  const sections = await readEditableSections(
    trx,
    input.statements.map((s) => s.sectionId),
  )
  const committeeIds = [
    ...new Set(sections.ids.flatMap((id) => owned(() => sections.owners(id).committeeId))),
  ]
  const settings = new Map(
    await Promise.all(committeeIds.map(async (id) => [id, await getCommitteeSettings(trx, id)] as const)),
  )
  const positions = await nextPositions(trx, 'statement', sections.ids)
  const accepted = checkEach(
    input.statements,
    (statement) => {
      const section = sections.get(statement.sectionId)
      const allowed = settings.get(sections.owners(section.id).committeeId)
      const kind = statement.kind.trim().toLowerCase()
      if (!allowed?.statementKinds.includes(kind)) {
        throw new InvalidInputError(
          'statement_kind_not_recorded',
          `the committee does not record statements of the kind "${statement.kind}"`,
          'kind',
        )
      }
      if (kind === 'ersättaryttrande' && !allowed.substitutesMayStateOpinion) {
        throw new InvalidInputError(
          'substitute_opinions_not_recorded',
          'the committee does not record substitutes’ opinions (KL 6:17)',
          'kind',
        )
      }
      return {
        sectionId: section.id,
        kind,
        text: statement.text?.trim() || null,
        authors: toAuthors(statement.authors),
        position: positions.take(section.id),
      }
    },
    options,
  )
  const inserted = await insertStatements(
    trx,
    accepted.filter((s) => s !== undefined),
  )
  for (const statement of inserted)
    await auditRecord(
      trx,
      actor,
      'section.statement_recorded',
      sections.owners(statement.sectionId),
      statement,
    )
  let next = 0
  return accepted.map((s) => (s === undefined ? undefined : inserted[next++]))
}

/** The audit row of a record written under a § (as auditSection, with the owners read for the batch). */
export async function auditRecord(
  trx: Trx,
  actor: Actor,
  action: string,
  owners: { organisationId: number },
  after: { sectionId: number },
) {
  await recordAudit(
    trx,
    actor,
    action,
    { type: 'section', id: after.sectionId, organisationId: owners.organisationId },
    { after },
  )
}

/** What a § of the batch belongs to, or nothing when it does not exist (its records are refused one by one). */
function owned<T>(read: () => T): T[] {
  try {
    return [read()]
  } catch {
    return []
  }
}

function toAuthors(input: AuthorInput[]): Author[] {
  if (input.length === 0)
    throw new InvalidInputError('author_missing', 'name who stands behind it: a person or a party', 'authors')
  return input.map((a) => {
    if (a.personId === undefined && a.partyId === undefined) {
      throw new InvalidInputError('author_missing', 'each author is a person or a party', 'authors')
    }
    return { personId: a.personId ?? null, partyId: a.partyId ?? null, andOthers: a.andOthers ?? false }
  })
}
