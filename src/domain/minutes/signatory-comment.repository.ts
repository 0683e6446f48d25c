import type { Queryable, Trx } from '../../db/database.ts'

export interface SignatoryComment {
  id: number
  sectionId: number
  signOffId: number
  personId: number
  text: string
  createdAt: string
}

export async function insertSignatoryComment(
  db: Trx,
  comment: Omit<SignatoryComment, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('signatory_comment')
    .values({
      section_id: comment.sectionId,
      sign_off_id: comment.signOffId,
      person_id: comment.personId,
      text: comment.text,
      created_at: comment.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The comments on the §§, oldest first. */
export async function listSignatoryComments(
  db: Queryable,
  sectionIds: readonly number[],
): Promise<SignatoryComment[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('signatory_comment')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    signOffId: r.sign_off_id,
    personId: r.person_id,
    text: r.text,
    createdAt: String(r.created_at),
  }))
}
