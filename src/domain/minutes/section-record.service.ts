import type { Queryable } from '../../db/database.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { listBallotsOfSection } from '../vote/vote.repository.ts'
import { getSectionOwners } from './minutes.repository.ts'
import type { Author, Dissent, Motion, MotionKind, Statement } from './minutes.ts'
import { auditSection, getEditableSection } from './section.service.ts'
import { insertDissent, insertMotion, insertStatement, listServices } from './section-record.repository.ts'

export interface AuthorInput {
  personId?: number
  partyId?: number
  andOthers?: boolean
}

/** Records a motion (yrkande) with its proposers, its text and its points. */
export async function recordMotion(
  trx: Queryable,
  actor: Actor,
  input: { sectionId: number; kind?: MotionKind; text: string; points?: string[]; authors: AuthorInput[] },
): Promise<Motion> {
  const section = await getEditableSection(trx, input.sectionId)
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('the motion needs its text', 'text')
  const motion = await insertMotion(trx, {
    sectionId: section.id,
    kind: input.kind ?? null,
    text,
    points: (input.points ?? []).map((p) => p.trim()).filter(Boolean),
    authors: toAuthors(input.authors),
  })
  await auditSection(trx, actor, 'section.motion_recorded', section.id, { after: motion })
  return motion
}

/**
 * Records a dissent (reservation). KL 4:27: only someone who took part in the decision may dissent,
 * and not one who voted for it; it must be announced before the meeting ends, its written reason
 * may follow until sign-off.
 */
export async function recordDissent(
  trx: Queryable,
  actor: Actor,
  input: { sectionId: number; text?: string; authors: AuthorInput[]; asPublished?: boolean },
): Promise<Dissent> {
  const section = await getEditableSection(trx, input.sectionId)
  const authors = toAuthors(input.authors)
  const [services, ballots] = await Promise.all([
    listServices(trx, [section.id]),
    listBallotsOfSection(trx, section.id),
  ])
  // A signed-off protocol being imported is the record: its dissents stand as printed.
  for (const author of input.asPublished ? [] : authors) {
    if (author.personId === null) continue
    if (services.length > 0 && !services.some((s) => s.personId === author.personId)) {
      throw new InvalidStateError('only a member who took part in the decision may dissent (KL 4:27)')
    }
    if (ballots.some((b) => b.personId === author.personId && b.votedForOutcome)) {
      throw new InvalidStateError('a member who voted for the decision cannot dissent from it (KL 4:27)')
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

/** Records a statement of a kind the committee allows (särskilt uttalande, protokollsanteckning, ersättaryttrande …). */
export async function recordStatement(
  trx: Queryable,
  actor: Actor,
  input: { sectionId: number; kind: string; text?: string; authors: AuthorInput[] },
): Promise<Statement> {
  const section = await getEditableSection(trx, input.sectionId)
  const settings = await getCommitteeSettings(trx, (await getSectionOwners(trx, section.id)).committeeId)
  const kind = input.kind.trim().toLowerCase()
  if (!settings.statementKinds.includes(kind)) {
    throw new InvalidInputError(
      `the committee does not record statements of the kind "${input.kind}"`,
      'kind',
    )
  }
  if (kind === 'ersättaryttrande' && !settings.substitutesMayStateOpinion) {
    throw new InvalidInputError('the committee does not record substitutes’ opinions (KL 6:17)', 'kind')
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
    throw new InvalidInputError('name who stands behind it: a person or a party', 'authors')
  return input.map((a) => {
    if (a.personId === undefined && a.partyId === undefined) {
      throw new InvalidInputError('each author is a person or a party', 'authors')
    }
    return { personId: a.personId ?? null, partyId: a.partyId ?? null, andOthers: a.andOthers ?? false }
  })
}
