import type { Queryable } from '../../db/database.ts'
import type { AgendaItemStatus } from '../agenda/agenda-item.ts'
import { documentIsPublic } from '../disclosure/disclosure.ts'
import { listAttachmentRows } from '../document/document.reads.ts'
import type { Document } from '../document/document.ts'
import type { Matter, MatterKind } from '../matter/matter.ts'
import type { SectionOutcome } from '../minutes/minutes.ts'
import { groupBy } from '../shared/group-by.ts'
import { readStringList } from '../shared/json-text.ts'
import { maskPersonalIdentityNumbers as mask } from './personal-identity-number.ts'
import {
  findMatterRowByRegistryNumber,
  listPublicMatterItemRows,
  listPublicSectionsOfItems,
} from './publication.repository.ts'

/** A public decision on the matter: a signed-off, non-confidential §. */
export interface MatterDecision {
  number: number
  label: string
  title: string
  decision: string[]
  outcome: SectionOutcome
  signedOffOn: string | null
}

/** One visit of the matter to a meeting: the agenda item, its public documents and the decision. */
export interface MatterStep {
  agendaItemId: number
  committeeName: string
  committeeSlug: string
  meetingSlug: string
  meetsOn: string
  number: string | null
  title: string | null
  summary: string | null
  proposal: string[]
  status: AgendaItemStatus
  attachments: Document[]
  decisions: MatterDecision[]
}

/**
 * A matter (ärende) as the public may follow it: every meeting and committee it passed, oldest
 * first, with public documents and signed-off decisions. Confidential items, documents and §§
 * never appear (OSL); a matter seen only in confidential items is reported as unknown. Four queries.
 */
export async function readMatterRecord(
  db: Queryable,
  registryNumber: string,
): Promise<{ matter: Matter; steps: MatterStep[] } | undefined> {
  const row = await findMatterRowByRegistryNumber(db, registryNumber)
  if (!row) return undefined
  const items = await listPublicMatterItemRows(db, row.id)
  if (items.length === 0) return undefined
  const ids = items.map((i) => i.agendaItemId)
  const [attachments, sections] = await Promise.all([
    listAttachmentRows(db, ids),
    listPublicSectionsOfItems(db, ids),
  ])
  const attachmentsOf = groupBy(
    // The items are public (listPublicMatterItemRows): what is left to the rule is each document's flag.
    attachments.filter((a) =>
      documentIsPublic({
        agendaPublic: true,
        itemConfidential: false,
        documentConfidential: a.document.confidential,
      }),
    ),
    (a) => a.agendaItemId,
    (a) => ({ ...a.document, title: mask(a.document.title) }),
  )
  const sectionsOf = groupBy(sections, (s) => s.agendaItemId)
  const matter: Matter = {
    id: row.id,
    organisationId: row.organisation_id,
    registryNumber: row.registry_number,
    title: mask(row.title),
    kind: row.kind as MatterKind | null,
  }
  return {
    matter,
    steps: items.map((item) => ({
      agendaItemId: item.agendaItemId,
      committeeName: item.committeeName,
      committeeSlug: item.committeeSlug,
      meetingSlug: item.meetingSlug,
      meetsOn: item.meetsOn,
      number: item.number,
      // Personal identity numbers left in imported texts are masked, as on the meeting page (P3).
      title: mask(item.title),
      summary: mask(item.summary),
      proposal: readStringList(item.proposal).map(mask),
      status: item.status as AgendaItemStatus,
      attachments: attachmentsOf.get(item.agendaItemId) ?? [],
      decisions: (sectionsOf.get(item.agendaItemId) ?? []).map((s) => ({
        number: s.number,
        label: mask(s.label),
        title: mask(s.title),
        decision: readStringList(s.decision).map(mask),
        outcome: s.outcome as SectionOutcome,
        signedOffOn: s.signedOffOn,
      })),
    })),
  }
}
