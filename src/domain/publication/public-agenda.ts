import type { AgendaEntry } from '../agenda/agenda.service.ts'
import { maskPersonalIdentityNumbers as mask } from './personal-identity-number.ts'

/** The neutral title a secret item gets on the public agenda (B4, OSL). */
export const confidentialItemTitle = 'Ärende som omfattas av sekretess'

/**
 * The agenda as the public may see it (P2): a confidential item keeps its number and a neutral
 * title, nothing else; confidential documents are left out; only changes made after the notice
 * was published are shown.
 */
export function publicAgenda(entries: readonly AgendaEntry[]): AgendaEntry[] {
  return entries.map(({ item, attachments, changes }) => {
    const publicChanges = changes.filter((c) => c.afterNotice)
    if (item.confidential) {
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
        changes: publicChanges.map((c) => ({
          ...c,
          description: `Punkt ${item.number ?? item.position} ändrades`,
        })),
      }
    }
    return { item, attachments: attachments.filter((d) => !d.confidential), changes: publicChanges }
  })
}

/**
 * The public agenda as pages, feeds and the search index show it: a personal identity number left
 * in an item's text or a document's name is masked (P3). Publishing a notice refuses such texts, but
 * an imported protocol brings its own agenda items. The scan reads publicAgenda, unmasked.
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
    changes,
  }))
}
