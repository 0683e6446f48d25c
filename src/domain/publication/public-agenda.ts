import type { AgendaEntry } from '../agenda/agenda.service.ts'
import type { AgendaItem, AgendaItemChange } from '../agenda/agenda-item.ts'
import { agendaItemDisclosure, confidentialTitle, documentIsPublic } from '../disclosure/disclosure.ts'
import { maskPersonalIdentityNumbers as mask } from './personal-identity-number.ts'

/** The neutral title a secret item gets on the public agenda (B4, OSL). */
export const confidentialItemTitle = confidentialTitle

/**
 * The agenda as the public may see it once its notice is out (P2), by the disclosure rule: a
 * confidential item keeps its number and a neutral title, nothing else; confidential documents are
 * left out; only changes made after the notice was published are shown, and of those none about a
 * confidential document (publicChanges).
 */
export function publicAgenda(entries: readonly AgendaEntry[]): AgendaEntry[] {
  return entries.map(({ item, attachments, changes }) => {
    const shownDocuments = attachments.filter((d) =>
      documentIsPublic({
        agendaPublic: true,
        itemConfidential: item.confidential,
        documentConfidential: d.confidential,
      }),
    )
    const publicChangesOfItem = publicChanges(item, changes, new Set(shownDocuments.map((d) => d.id)))
    if (agendaItemDisclosure({ agendaPublic: true, itemConfidential: item.confidential }) === 'number_only') {
      return {
        item: {
          ...item,
          matterId: null,
          title: confidentialItemTitle,
          summary: null,
          proposal: [],
          heading: item.heading,
          officerReportOn: null,
          confidentialityGround: item.confidentialityGround,
        },
        attachments: [],
        changes: publicChangesOfItem,
      }
    }
    return { item, attachments: shownDocuments, changes: publicChangesOfItem }
  })
}

/**
 * The public change history of an item (Paragraf's ground 8): only changes after the notice. Of a
 * confidential item every change says only "Punkt N ändrades". A change about a document is shown
 * only when the document itself is public; one about a confidential document — or one whose
 * document cannot be told — is left out, as the document is left out of the agenda without a trace
 * (OSL; P2). Its title would otherwise name what the secret document is about.
 */
function publicChanges(
  item: AgendaItem,
  changes: readonly AgendaItemChange[],
  publicDocumentIds: ReadonlySet<number>,
): AgendaItemChange[] {
  const afterNotice = changes.filter((c) => c.afterNotice)
  if (item.confidential) {
    return afterNotice.map((c) => ({
      ...c,
      description: `Punkt ${item.number ?? item.position} ändrades`,
      documentId: null,
    }))
  }
  return afterNotice.filter((c) => !isAboutDocument(c) || publicDocumentIds.has(c.documentId ?? -1))
}

const isAboutDocument = (change: AgendaItemChange) =>
  change.documentId !== null || change.kind === 'attachment_added' || change.kind === 'attachment_replaced'

/**
 * The public agenda as pages, feeds and the search index show it: a personal identity number left
 * in an item's text, a document's name or a change's description is masked (P3). Publishing a
 * notice refuses such texts, but an imported protocol brings its own agenda items. The scan reads
 * publicAgenda, unmasked.
 */
export function publishedAgenda(entries: readonly AgendaEntry[]): AgendaEntry[] {
  return publicAgenda(entries).map(({ item, attachments, changes }) => ({
    item: {
      ...item,
      heading: mask(item.heading),
      title: mask(item.title),
      summary: mask(item.summary),
      proposal: item.proposal.map(mask),
    },
    attachments: attachments.map((d) => ({ ...d, title: mask(d.title) })),
    changes: changes.map((c) => ({ ...c, description: mask(c.description) })),
  }))
}
