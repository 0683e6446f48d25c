import type { Trx } from '../../db/database.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getMeeting } from '../meeting/meeting.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { addDays, isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { listBallotsOfSection } from '../vote/vote.reads.ts'
import { getMinutes, getSectionOwners } from './minutes.repository.ts'
import type { Author, Dissent, Motion, MotionKind, Statement } from './minutes.ts'
import { auditSection, getEditableSection } from './section.service.ts'
import {
  getDissent,
  insertDissent,
  insertMotion,
  insertStatement,
  listServices,
  updateDissentText,
} from './section-record.repository.ts'

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

/**
 * Records a motion (yrkande) with its proposers, its text and its points. Only members serving at
 * the § make motions: officials and others present may speak but never decide (M6, KL 7:10–19),
 * and a substitute who does not serve may take part in the debate only (KL 6:17).
 */
export async function recordMotion(
  trx: Trx,
  actor: Actor,
  input: {
    sectionId: number
    kind?: MotionKind
    text: string
    points?: string[]
    authors: AuthorInput[]
    asPublished?: boolean
  },
): Promise<Motion> {
  const section = await getEditableSection(trx, input.sectionId)
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('motion_text_missing', 'the motion needs its text', 'text')
  const authors = toAuthors(input.authors)
  const services = await listServices(trx, [section.id])
  // A signed-off protocol being imported is the record: its motions stand as printed.
  for (const author of input.asPublished ? [] : authors) {
    if (author.personId === null || services.length === 0) continue
    if (!services.some((s) => s.personId === author.personId)) {
      throw new InvalidStateError(
        'motion_by_non_serving',
        'only a member serving at the § may make a motion (M6, KL 6:17)',
      )
    }
  }
  const motion = await insertMotion(trx, {
    sectionId: section.id,
    kind: input.kind ?? null,
    text,
    points: (input.points ?? []).map((p) => p.trim()).filter(Boolean),
    authors,
  })
  await auditSection(trx, actor, 'section.motion_recorded', section.id, { after: motion })
  return motion
}

/**
 * Records a dissent (reservation). KL 4:27: only someone who took part in the decision may dissent,
 * and not one who voted for it; it must be announced before the meeting ends, its written reason
 * may follow until sign-off (addDissentReason).
 */
export async function recordDissent(
  trx: Trx,
  actor: Actor,
  input: {
    sectionId: number
    text?: string
    authors: AuthorInput[]
    /**
     * After the chair closed the meeting, the secretary may still write down a dissent announced
     * before the close, and says so; one announced afterwards is void (KL 4:27).
     */
    announcedBeforeClose?: boolean
    asPublished?: boolean
  },
): Promise<Dissent> {
  const section = await getEditableSection(trx, input.sectionId)
  const authors = toAuthors(input.authors)
  const minutes = await getMinutes(trx, section.minutesId)
  if (minutes.meetingClosedAt !== null && !input.announcedBeforeClose && !input.asPublished) {
    throw new InvalidStateError(
      'dissent_after_close',
      'the meeting is closed: a dissent must have been announced before the meeting ended (KL 4:27)',
    )
  }
  const [services, ballots] = await Promise.all([
    listServices(trx, [section.id]),
    listBallotsOfSection(trx, section.id),
  ])
  // A signed-off protocol being imported is the record: its dissents stand as printed.
  for (const author of input.asPublished ? [] : authors) {
    if (author.personId === null) continue
    if (services.length > 0 && !services.some((s) => s.personId === author.personId)) {
      throw new InvalidStateError(
        'dissent_by_non_participant',
        'only a member who took part in the decision may dissent (KL 4:27)',
      )
    }
    if (ballots.some((b) => b.personId === author.personId && b.votedForOutcome)) {
      throw new InvalidStateError(
        'dissent_by_supporter',
        'a member who voted for the decision cannot dissent from it (KL 4:27)',
      )
    }
  }
  const dissent = await insertDissent(trx, {
    sectionId: section.id,
    text: input.text?.trim() || null,
    authors,
  })
  await auditSection(trx, actor, 'section.dissent_recorded', section.id, { after: dissent })
  return dissent
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

/** Records a statement of a kind the committee allows (särskilt uttalande, protokollsanteckning, ersättaryttrande …). */
export async function recordStatement(
  trx: Trx,
  actor: Actor,
  input: { sectionId: number; kind: string; text?: string; authors: AuthorInput[] },
): Promise<Statement> {
  const section = await getEditableSection(trx, input.sectionId)
  const settings = await getCommitteeSettings(trx, (await getSectionOwners(trx, section.id)).committeeId)
  const kind = input.kind.trim().toLowerCase()
  if (!settings.statementKinds.includes(kind)) {
    throw new InvalidInputError(
      'statement_kind_not_recorded',
      `the committee does not record statements of the kind "${input.kind}"`,
      'kind',
    )
  }
  if (kind === 'ersättaryttrande' && !settings.substitutesMayStateOpinion) {
    throw new InvalidInputError(
      'substitute_opinions_not_recorded',
      'the committee does not record substitutes’ opinions (KL 6:17)',
      'kind',
    )
  }
  const statement = await insertStatement(trx, {
    sectionId: section.id,
    kind,
    text: input.text?.trim() || null,
    authors: toAuthors(input.authors),
  })
  await auditSection(trx, actor, 'section.statement_recorded', section.id, { after: statement })
  return statement
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
