import { type Kysely, sql } from 'kysely'

// Frozen in time (see 0001). A change-history entry about an attachment names its document, so the
// public change list can leave out an entry about a confidential document (OSL; P2) instead of
// showing its title. Older entries get their document from the attachment whose title the entry
// names ("Bilagan <title> lades till" / "… ersattes med en ny version"); where none matches, the
// entry keeps no document and the public list leaves it out.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agenda_item_change')
    .addColumn('document_id', 'integer', (c) => c.references('document.id').onDelete('set null'))
    .execute()
  await sql`
    update agenda_item_change set document_id = (
      select attachment.document_id from attachment
      join document on document.id = attachment.document_id
      where attachment.agenda_item_id = agenda_item_change.agenda_item_id
        and agenda_item_change.description in (
          'Bilagan ' || document.title || ' lades till',
          'Bilagan ' || document.title || ' ersattes med en ny version')
      order by document.confidential desc, attachment.document_id
      limit 1)
    where kind in ('attachment_added', 'attachment_replaced')`.execute(db)
}
