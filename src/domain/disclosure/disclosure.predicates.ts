import type { ExpressionBuilder } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'

// The rules of disclosure.ts as SQL (Kysely), for queries that select only public rows: lists,
// person and party records, feeds, OParl and the export. disclosure-agreement.test.ts proves the two
// agree for every combination of flags and states, on SQLite and PostgreSQL.

type Tables<T extends keyof Database> = ExpressionBuilder<Database, T>

/** The meeting's agenda is public: its notice is out, or it was held without one (agendaIsPublic). */
export function agendaIsPublicWhere(eb: Tables<'meeting'>) {
  return eb.and([
    eb('meeting.status', '!=', 'planned'),
    eb.or([eb('meeting.status', '!=', 'cancelled'), eb('meeting.notice_published_at', 'is not', null)]),
  ])
}

/**
 * The § (joined with its agenda item, left join) is not secret: neither its own flag nor its
 * item's (sectionIsConfidential). A § without an item depends on its own flag alone.
 */
export function sectionIsOpenWhere(eb: Tables<'section' | 'agenda_item'>) {
  return eb.and([
    eb('section.confidential', '=', false),
    eb.or([eb('agenda_item.confidential', 'is', null), eb('agenda_item.confidential', '=', false)]),
  ])
}

/** The ids of every § signed off (TF 2:10), confidential or not: those the public record holds at all. */
export function signedOffSectionIds(db: Queryable) {
  return db
    .selectFrom('sign_off_section')
    .innerJoin('sign_off', 'sign_off.id', 'sign_off_section.sign_off_id')
    .select('sign_off_section.section_id')
    .where('sign_off.status', '=', 'signed_off')
}

/** The ids of every § the public sees in full (sectionDisclosure 'in_full'): signed off, neither it nor its item secret. */
export function publicSectionIds(db: Queryable) {
  return db
    .selectFrom('section')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .select('section.id')
    .where('section.id', 'in', signedOffSectionIds(db))
    .where(sectionIsOpenWhere)
}

/**
 * The § of the query (as `section`, with its `agenda_item` left-joined) is public in full: the rule
 * of publicSectionIds decided row by row (signed off, TF 2:10, and neither it nor its item secret,
 * OSL). A list driven by an index (one person's motions) then looks up its own §§ only, instead of
 * first listing every public § of the archive.
 */
export function sectionIsPublicWhere(eb: Tables<'section' | 'agenda_item'>) {
  return eb.and([
    eb.exists(
      eb
        .selectFrom('sign_off_section')
        .innerJoin('sign_off', 'sign_off.id', 'sign_off_section.sign_off_id')
        .select('sign_off_section.section_id')
        .whereRef('sign_off_section.section_id', '=', 'section.id')
        .where('sign_off.status', '=', 'signed_off'),
    ),
    sectionIsOpenWhere(eb),
  ])
}

/**
 * Agenda items (as `item`, with their `meeting`) the public sees in full (agendaItemDisclosure
 * 'in_full'): not confidential, on an agenda whose notice is out.
 */
export function publicAgendaItems(db: Queryable) {
  return db
    .selectFrom('agenda_item as item')
    .innerJoin('meeting', 'meeting.id', 'item.meeting_id')
    .where('item.confidential', '=', false)
    .where(agendaIsPublicWhere)
}

/** The ids of documents anyone may download (documentIsPublic): attached to a public item, not confidential. */
export function publicDocumentIds(db: Queryable) {
  return db
    .selectFrom('attachment')
    .innerJoin('document', 'document.id', 'attachment.document_id')
    .innerJoin('agenda_item', 'agenda_item.id', 'attachment.agenda_item_id')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .select('attachment.document_id')
    .where('document.confidential', '=', false)
    .where('agenda_item.confidential', '=', false)
    .where(agendaIsPublicWhere)
}

/** Whether one document may be downloaded by anyone (the same rule as the meeting page, so a link shown works). */
export async function isDocumentPublic(db: Queryable, documentId: number): Promise<boolean> {
  const row = await publicDocumentIds(db).where('attachment.document_id', '=', documentId).executeTakeFirst()
  return row !== undefined
}

/** Which of some agenda items are confidential: a § inherits its item's secrecy (sectionIsConfidential). */
export async function listConfidentialAgendaItemIds(
  db: Queryable,
  agendaItemIds: readonly number[],
): Promise<Set<number>> {
  if (agendaItemIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('agenda_item')
    .select('id')
    .where('id', 'in', [...new Set(agendaItemIds)])
    .where('confidential', '=', true)
    .execute()
  return new Set(rows.map((r) => r.id))
}
