import type { Queryable, Trx } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'

export interface RecordSeal {
  id: number
  committeeId: number
  position: number
  minutesId: number
  signOffId: number | null
  rectificationId: number | null
  publicDigest: string
  salt: string
  sealedDigest: string
  previousHash: string | null
  hash: string
}

/**
 * The last seal of the committee's series. On PostgreSQL the committee row is locked first, so two
 * sign-offs of the same committee at once take positions one after the other.
 */
export async function lastSealOfCommittee(trx: Trx, committeeId: number): Promise<RecordSeal | undefined> {
  await forUpdate(trx, trx.selectFrom('committee').select('id').where('id', '=', committeeId)).execute()
  const row = await trx
    .selectFrom('record_seal')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row && toSeal(row)
}

/** Seals in one statement, returned in the order given (each found again by its committee and position). */
export async function insertSeals(
  trx: Trx,
  seals: ReadonlyArray<Omit<RecordSeal, 'id'>>,
): Promise<RecordSeal[]> {
  if (seals.length === 0) return []
  const rows = await trx
    .insertInto('record_seal')
    .values(
      seals.map((seal) => ({
        committee_id: seal.committeeId,
        position: seal.position,
        minutes_id: seal.minutesId,
        sign_off_id: seal.signOffId,
        rectification_id: seal.rectificationId,
        public_digest: seal.publicDigest,
        salt: seal.salt,
        sealed_digest: seal.sealedDigest,
        previous_hash: seal.previousHash,
        hash: seal.hash,
      })),
    )
    .returningAll()
    .execute()
  const byKey = new Map(rows.map((row) => [`${row.committee_id}:${row.position}`, toSeal(row)]))
  return seals.map((seal) => byKey.get(`${seal.committeeId}:${seal.position}`) as RecordSeal)
}

/** Every seal, by committee and position: the series `paragraf verify` walks. */
export async function listSeals(db: Queryable, minutesIds?: readonly number[]): Promise<RecordSeal[]> {
  if (minutesIds?.length === 0) return []
  let query = db.selectFrom('record_seal').selectAll()
  if (minutesIds) query = query.where('minutes_id', 'in', [...minutesIds])
  return (await query.orderBy('committee_id').orderBy('position').execute()).map(toSeal)
}

function toSeal(row: {
  id: number
  committee_id: number
  position: number
  minutes_id: number
  sign_off_id: number | null
  rectification_id: number | null
  public_digest: string
  salt: string
  sealed_digest: string
  previous_hash: string | null
  hash: string
}): RecordSeal {
  return {
    id: row.id,
    committeeId: row.committee_id,
    position: row.position,
    minutesId: row.minutes_id,
    signOffId: row.sign_off_id,
    rectificationId: row.rectification_id,
    publicDigest: row.public_digest,
    salt: row.salt,
    sealedDigest: row.sealed_digest,
    previousHash: row.previous_hash,
    hash: row.hash,
  }
}
