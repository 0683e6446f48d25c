import type { AgendaEntry } from '../agenda/agenda.service.ts'

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
