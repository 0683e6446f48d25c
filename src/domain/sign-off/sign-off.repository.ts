import type { Queryable, Trx } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
import type { Selected } from '../../db/schema.ts'
import { forgetLockedSections } from '../minutes/signed-off-record.ts'
import { NotFoundError } from '../shared/errors.ts'
import { groupBy } from '../shared/group-by.ts'
import type { SignOff, SignOffStatus } from './sign-off.ts'
import { parseSignatureMethod, type SignatureEvidence, type SignatureMethod } from './signing-method.ts'

type SignOffRow = Selected<'sign_off'>

/** Sign-offs with their §§ (in § order) and signatures: two queries for any number of them. */
async function withSectionsAndSignatures(db: Queryable, rows: SignOffRow[]): Promise<SignOff[]> {
  const ids = rows.map((r) => r.id)
  if (ids.length === 0) return []
  const [sections, signatures, seals] = await Promise.all([
    db
      .selectFrom('sign_off_section')
      .innerJoin('section', 'section.id', 'sign_off_section.section_id')
      .select(['sign_off_section.sign_off_id', 'sign_off_section.section_id'])
      .where('sign_off_id', 'in', ids)
      .orderBy('section.number')
      .execute(),
    db.selectFrom('signature').selectAll().where('sign_off_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('record_seal').select(['sign_off_id', 'hash']).where('sign_off_id', 'in', ids).execute(),
  ])
  const sealOf = new Map(seals.map((s) => [s.sign_off_id, s.hash]))
  const sectionIds = groupBy(
    sections,
    (s) => s.sign_off_id,
    (s) => s.section_id,
  )
  const signaturesOf = groupBy(
    signatures,
    (s) => s.sign_off_id,
    (s) => ({
      personId: s.person_id,
      signedAt: s.signed_at,
      method: parseSignatureMethod(s.method),
      ...(s.evidence ? { evidence: JSON.parse(s.evidence) as SignatureEvidence } : {}),
    }),
  )
  return rows.map((row) => ({
    id: row.id,
    minutesId: row.minutes_id,
    sectionIds: sectionIds.get(row.id) ?? [],
    signedOffOn: row.signed_off_on,
    immediate: Boolean(row.immediate),
    status: row.status as SignOffStatus,
    ...(row.paper_document_id !== null ? { paperDocumentId: row.paper_document_id } : {}),
    signatures: signaturesOf.get(row.id) ?? [],
    ...(sealOf.has(row.id) ? { sealHash: sealOf.get(row.id) as string } : {}),
  }))
}

export async function listSignOffs(db: Queryable, minutesIds: readonly number[]): Promise<SignOff[]> {
  if (minutesIds.length === 0) return []
  const rows = await db
    .selectFrom('sign_off')
    .selectAll()
    .where('minutes_id', 'in', [...minutesIds])
    .orderBy('id')
    .execute()
  return withSectionsAndSignatures(db, rows)
}

export async function findSignOff(db: Queryable, id: number): Promise<SignOff | undefined> {
  const row = await db.selectFrom('sign_off').selectAll().where('id', '=', id).executeTakeFirst()
  return row && (await withSectionsAndSignatures(db, [row]))[0]
}

/** Reads a sign-off and, on PostgreSQL, locks it: two signatories signing at once are serialised. */
export async function getSignOffForUpdate(trx: Trx, id: number): Promise<SignOff> {
  const row = await forUpdate(
    trx,
    trx.selectFrom('sign_off').selectAll().where('id', '=', id),
  ).executeTakeFirst()
  if (!row) throw new NotFoundError('sign-off', id)
  return (await withSectionsAndSignatures(trx, [row]))[0] as SignOff
}

// Each write of a sign-off, its §§ or a signature changes which §§ are locked: what the minutes
// module keeps of minutes opened in this transaction (none locked) is forgotten, and read again.
export async function insertSignOff(
  trx: Trx,
  values: {
    minutesId: number
    sectionIds: readonly number[]
    immediate: boolean
    status: SignOffStatus
    signedOffOn: string | null
  },
): Promise<number> {
  forgetLockedSections(trx)
  const row = await trx
    .insertInto('sign_off')
    .values({
      minutes_id: values.minutesId,
      immediate: values.immediate,
      status: values.status,
      signed_off_on: values.signedOffOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await insertSignOffSections(trx, [{ signOffId: row.id, sectionIds: values.sectionIds }])
  return row.id
}

/** The §§ of sign-offs, in one statement per 300 rows (SQLite's bound parameters). */
export async function insertSignOffSections(
  trx: Trx,
  signOffs: ReadonlyArray<{ signOffId: number; sectionIds: readonly number[] }>,
) {
  forgetLockedSections(trx)
  const rows = signOffs.flatMap((s) =>
    s.sectionIds.map((section_id) => ({ sign_off_id: s.signOffId, section_id })),
  )
  for (let i = 0; i < rows.length; i += 300)
    await trx
      .insertInto('sign_off_section')
      .values(rows.slice(i, i + 300))
      .execute()
}

/** Signatures given in the manner stated (an imported protocol's), in one statement per 150. */
export async function insertSignatures(
  trx: Trx,
  signatures: ReadonlyArray<{
    signOffId: number
    personId: number
    signedAt: string
    method: SignatureMethod
  }>,
) {
  forgetLockedSections(trx)
  const rows = signatures.map((s) => ({
    sign_off_id: s.signOffId,
    person_id: s.personId,
    signed_at: s.signedAt,
    method: s.method,
    evidence: null,
  }))
  for (let i = 0; i < rows.length; i += 150)
    await trx
      .insertInto('signature')
      .values(rows.slice(i, i + 150))
      .execute()
}

export async function insertSignature(
  trx: Trx,
  signOffId: number,
  personId: number,
  signedAt: string,
  how: { method: SignatureMethod; evidence?: SignatureEvidence } = { method: 'password' },
) {
  forgetLockedSections(trx)
  await trx
    .insertInto('signature')
    .values({
      sign_off_id: signOffId,
      person_id: personId,
      signed_at: signedAt,
      method: how.method,
      evidence: how.evidence ? JSON.stringify(how.evidence) : null,
    })
    .execute()
}

export async function setPaperDocument(trx: Trx, signOffId: number, documentId: number) {
  await trx
    .updateTable('sign_off')
    .set({ paper_document_id: documentId })
    .where('id', '=', signOffId)
    .execute()
}

export async function markSignedOff(trx: Trx, signOffId: number, signedOffOn: string) {
  forgetLockedSections(trx)
  await trx
    .updateTable('sign_off')
    .set({ status: 'signed_off', signed_off_on: signedOffOn })
    .where('id', '=', signOffId)
    .execute()
}

/** The §§ among these that belong to a sign-off (pending or done): they can no longer join another. */
export async function listSectionsInSignOffs(db: Queryable, sectionIds: readonly number[]) {
  if (sectionIds.length === 0) return []
  return db
    .selectFrom('sign_off_section')
    .innerJoin('sign_off', 'sign_off.id', 'sign_off_section.sign_off_id')
    .select(['sign_off_section.section_id as sectionId', 'sign_off.status as status'])
    .where('sign_off_section.section_id', 'in', [...sectionIds])
    .execute()
}
