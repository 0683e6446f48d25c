import { forgetInTransaction, keptFromTransaction, keptInTransaction, type Trx } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
import { DomainError } from '../shared/errors.ts'
import type { Attendance } from './attendance.ts'
import { findKeptSections } from './minutes.repository.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    signed_off_record: { part: SignedOffPart; labels: readonly string[]; signing: boolean }
  }
}

// A signed-off § is a public document (TF 2:10) and the record the signatories vouched for
// (KL 5:69): from then on it changes only by a recorded, public rectification (rättelse, FL 36 §,
// rectifySection), never by an edit. Every write of the minutes' use cases asks here first, inside
// its own transaction, so the rule holds for the workspace, the importer and the command line alike.
// The same holds from the first signature on: the signatories together vouch for one text (KL 5:69),
// so what the first signed is what the last signs; a change waits for the rectification.

/** What a refused write would have changed in the signed-off record. */
export type SignedOffPart = 'section' | 'attendance' | 'signatories' | 'closing_time' | 'numbering'

/**
 * A write refused because it would change what was signed off, or what a signatory has signed while
 * the others have still to (`signing`): the labels of the §§ it touches.
 */
export class SignedOffRecordError extends DomainError<'signed_off_record'> {
  constructor(
    readonly part: SignedOffPart,
    readonly labels: readonly string[],
    readonly signing = false,
  ) {
    super(
      'invalid_state',
      'signed_off_record',
      `${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} ${signing ? 'being signed' : 'signed off'}: a correction needs a recorded rectification (${part})`,
      undefined,
      { part, labels, signing },
    )
    this.name = 'SignedOffRecordError'
  }
}

/** A § that no longer changes by an edit: signed off, or `signing` (signed by some signatories). */
export interface LockedSection {
  id: number
  number: number
  label: string
  signing: boolean
}

// Minutes created in this transaction have no sign-off until it writes one, so none of their §§ is
// locked: known without a read (an imported protocol asked seven times) until a sign-off is written.
const unsignedPrefix = 'unsigned-minutes:'
const keptUnsigned = (minutesId: number) => `${unsignedPrefix}${minutesId}`

/** Minutes this transaction created: none of their §§ is locked until it writes a sign-off. */
export function keepMinutesUnsigned(trx: Trx, minutesId: number): void {
  keptInTransaction(trx, keptUnsigned(minutesId), { minutesId })
}

/** A sign-off, a § of one or a signature was written: locked §§ are read again from now on. */
export function forgetLockedSections(trx: Trx): void {
  forgetInTransaction(trx, unsignedPrefix)
}

/** Whether every § asked about belongs to minutes kept as unsigned in this transaction. */
function noneLocked(trx: Trx, where: { minutesId: number } | { sectionIds: readonly number[] }): boolean {
  const minutesIds =
    'minutesId' in where
      ? [where.minutesId]
      : findKeptSections(trx, where.sectionIds)?.map((s) => s.minutesId)
  return minutesIds?.every((id) => keptFromTransaction(trx, keptUnsigned(id)) !== undefined) ?? false
}

/**
 * The §§ of the minutes that are signed off or whose sign-off has a signature, in § order. On
 * PostgreSQL the sign-off rows of the §§ asked about, pending ones included, are locked until the
 * transaction ends: a write checked here cannot commit around a signature (signSections locks the
 * same row), it waits and then sees the § signed.
 */
export async function listSignedOffSections(
  trx: Trx,
  where: { minutesId: number } | { sectionIds: readonly number[] },
): Promise<LockedSection[]> {
  if ('sectionIds' in where && where.sectionIds.length === 0) return []
  if (noneLocked(trx, where)) return []
  const query = trx
    .selectFrom('sign_off_section')
    .innerJoin('sign_off', 'sign_off.id', 'sign_off_section.sign_off_id')
    .innerJoin('section', 'section.id', 'sign_off_section.section_id')
    .select([
      'section.id as id',
      'section.number as number',
      'section.label as label',
      'sign_off.status as status',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('signature')
              .select('signature.id')
              .whereRef('signature.sign_off_id', '=', 'sign_off.id'),
          )
          .as('signed'),
    ])
  const rows = await forUpdate(
    trx,
    ('sectionIds' in where
      ? query.where('section.id', 'in', [...where.sectionIds])
      : query.where('section.minutes_id', '=', where.minutesId)
    ).orderBy('section.number'),
  ).execute()
  return rows
    .filter((r) => r.status === 'signed_off' || Boolean(r.signed))
    .map(({ id, number, label, status }) => ({ id, number, label, signing: status !== 'signed_off' }))
}

function refusal(part: SignedOffPart, sections: readonly LockedSection[]): SignedOffRecordError {
  return new SignedOffRecordError(
    part,
    sections.map((s) => s.label),
    sections.every((s) => s.signing),
  )
}

/** Refuses the write when any of these §§ is signed off (the § itself and all recorded under it). */
export async function assertSectionsOpen(trx: Trx, sectionIds: readonly number[]): Promise<void> {
  const signedOff = await listSignedOffSections(trx, { sectionIds })
  if (signedOff.length > 0) throw refusal('section', signedOff)
}

/**
 * Refuses a write to what the minutes as a whole were signed off with (the signatories, the closing
 * time) once any § is signed off or being signed. Returns nothing when no § is.
 */
export async function assertRecordOpen(trx: Trx, minutesId: number, part: SignedOffPart): Promise<void> {
  const refused = recordOpenRefusal(await listSignedOffSections(trx, { minutesId }), part)
  if (refused) throw refused
}

/** Why a write to the minutes as a whole is refused, given their locked §§; undefined when none is. */
export function recordOpenRefusal(
  signedOff: readonly LockedSection[],
  part: SignedOffPart,
): SignedOffRecordError | undefined {
  return signedOff.length > 0 ? refusal(part, signedOff) : undefined
}

/**
 * What the roll call says of one person at § `number`: whether they were there and in what
 * capacity. A signed-off § keeps this as it was; the roll call may change only what the §§ still
 * open show.
 */
export function attendanceAt(line: Attendance | undefined, number: number): string {
  if (!line) return 'not recorded'
  const there =
    line.present &&
    (line.arrivedAtSection === null || number >= line.arrivedAtSection) &&
    (line.leftAfterSection === null || number <= line.leftAfterSection)
  return JSON.stringify({
    role: line.role,
    partyId: line.partyId,
    title: line.title,
    there,
    remote: there && line.remote,
    servingForPersonId: there ? line.servingForPersonId : null,
  })
}

/**
 * Refuses a roll-call line that would change the attendance of a signed-off §: partly signed-off
 * minutes (omedelbar justering) take arrivals, departures and substitutes for the §§ still open,
 * as long as every signed-off § shows the same person as before.
 */
export async function assertAttendanceKept(
  trx: Trx,
  minutesId: number,
  before: Attendance | undefined,
  after: Attendance,
): Promise<void> {
  const refused = attendanceKeptRefusal(await listSignedOffSections(trx, { minutesId }), before, after)
  if (refused) throw refused
}

/** Why a roll-call line is refused, given the minutes' locked §§: it changes what one of them shows. */
export function attendanceKeptRefusal(
  signedOff: readonly LockedSection[],
  before: Attendance | undefined,
  after: Attendance,
): SignedOffRecordError | undefined {
  const changed = signedOff.filter((s) => attendanceAt(before, s.number) !== attendanceAt(after, s.number))
  return changed.length > 0 ? refusal('attendance', changed) : undefined
}
