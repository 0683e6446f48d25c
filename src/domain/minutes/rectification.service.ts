import type { Trx } from '../../db/database.ts'
import { type Actor, describeActor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { sealRectification } from '../sign-off/record-seal.service.ts'
import { listSectionsInSignOffs } from '../sign-off/sign-off.reads.ts'
import { getSection, updateSectionRow } from './minutes.repository.ts'
import { insertRectification } from './rectification.repository.ts'
import type { Rectification, SectionText } from './rectification.ts'
import { auditSection } from './section.service.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    rectification_reason_missing: undefined
    section_not_signed_off: undefined
    section_title_missing: undefined
    rectification_changes_nothing: undefined
  }
}

/**
 * Corrects an obvious slip in a signed-off § (a typing or counting error, FL 36 §) openly: the
 * change, its reason, the day and who made it are kept and shown beside the §. A § that is not
 * signed off is simply edited instead.
 */
export async function rectifySection(
  trx: Trx,
  actor: Actor,
  input: {
    sectionId: number
    version: number
    reason: string
    rectifiedOn: string
    text: Partial<SectionText>
  },
): Promise<Rectification> {
  const reason = input.reason.trim()
  if (!reason)
    throw new InvalidInputError(
      'rectification_reason_missing',
      'state what was wrong and why it is corrected',
      'reason',
    )
  if (!isIsoDate(input.rectifiedOn))
    throw new InvalidInputError('date_malformed', 'the date must be YYYY-MM-DD', 'rectifiedOn')
  const section = await getSection(trx, input.sectionId)
  const signOffs = await listSectionsInSignOffs(trx, [section.id])
  if (!signOffs.some((s) => s.status === 'signed_off')) {
    throw new InvalidStateError(
      'section_not_signed_off',
      `${section.label} is not signed off: edit it instead`,
    )
  }
  const before: SectionText = {
    title: section.title,
    summary: section.summary,
    decision: section.decision,
    decisionProcedure: section.decisionProcedure,
  }
  const after: SectionText = { ...before, ...input.text }
  if (!after.title.trim())
    throw new InvalidInputError('section_title_missing', 'the § needs a title', 'title')
  if (JSON.stringify(before) === JSON.stringify(after))
    throw new InvalidInputError('rectification_changes_nothing', 'the correction changes nothing', 'text')
  await updateSectionRow(trx, { ...section, version: input.version }, after)
  const rectification = await insertRectification(trx, {
    sectionId: section.id,
    reason,
    before,
    after,
    rectifiedOn: input.rectifiedOn,
    actor: describeActor(actor),
  })
  // Tamper evidence: the open correction is sealed and chained in the committee's series.
  const seal = await sealRectification(trx, rectification)
  await auditSection(trx, actor, 'section.rectified', section.id, {
    before,
    after: { ...after, seal: seal.hash },
  })
  return rectification
}

export { listRectifications } from './rectification.repository.ts'
