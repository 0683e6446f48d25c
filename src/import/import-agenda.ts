import type { Trx } from '../db/database.ts'
import {
  type AgendaEntry,
  type AgendaItemInput,
  addAgendaItems,
  attachDocument,
  getAgenda,
  updateAgendaItem,
} from '../domain/agenda/agenda.service.ts'
import type { AgendaItem } from '../domain/agenda/agenda-item.ts'
import { registerDocument } from '../domain/document/document.service.ts'
import { registerMatter } from '../domain/matter/matter.service.ts'
import type { Meeting } from '../domain/meeting/meeting.ts'
import type { Item } from '../domain/publication/document-json.ts'
import type { Actor } from '../domain/shared/actor.ts'
import { isIsoDate } from '../domain/shared/calendar-date.ts'

/** The ground recorded for an item the document marks secret without saying why. */
export const unstatedGround = 'Sekretess enligt OSL (grunden anges inte i den publicerade handlingen)'

export interface AgendaContext {
  trx: Trx
  actor: Actor
  organisationId: number
  meeting: Meeting
}

/**
 * Puts the document's items on the meeting's agenda. An item already there (same number, else same
 * title or text) keeps what it has and gains what it lacked, so importing again changes nothing.
 * Returns the agenda item of each document item, in order. The new items are added together
 * (addAgendaItems), each run of them up to an item with attachments or one matching an item there.
 */
export async function importAgendaItems(
  context: AgendaContext,
  items: readonly Item[],
): Promise<AgendaItem[]> {
  const agenda = await getAgenda(context.trx, context.meeting.id)
  const result: AgendaItem[] = []
  // New items not yet written, each with the entry that stands for it on the agenda meanwhile.
  let written = false
  let run: Array<{ index: number; item: Item; entry: AgendaEntry; input: AgendaItemInput }> = []
  const writeRun = async () => {
    if (run.length === 0) return
    written = true
    const added = await addAgendaItems(context.trx, context.actor, {
      meetingId: context.meeting.id,
      items: run.map((r) => r.input),
    })
    for (const [i, r] of run.entries()) {
      const agendaItem = added[i] as AgendaItem
      r.entry.item = agendaItem
      result[r.index] = agendaItem
    }
    // Only the run's last item can have attachments (they end a run).
    for (const [i, r] of run.entries())
      await importAttachments(context, undefined, added[i] as AgendaItem, r.item)
    run = []
  }
  for (const [index, item] of items.entries()) {
    const entry = findEntry(agenda, item)
    if (entry) {
      // What it matched may be in the run: written first, as one item after the other would be.
      await writeRun()
      const agendaItem = await fillItem(context, entry.item, item)
      await importAttachments(context, entry, agendaItem, item)
      result[index] = agendaItem
      continue
    }
    // The import's audit row names what it created in the order first created: until an item was
    // added, the run is written before a matter may be registered for the next one.
    if (!written && item.registryNumbers?.length) await writeRun()
    const input = await itemInput(context, item)
    const placeholder = {
      ...input,
      number: input.number ?? null,
      title: input.title ?? null,
      summary: input.summary ?? null,
    }
    const pending: AgendaEntry = { item: placeholder as unknown as AgendaItem, attachments: [], changes: [] }
    agenda.push(pending)
    run.push({ index, item, entry: pending, input })
    // Attachments are noted in the agenda's change history after the item, as one by one.
    if (item.attachments?.length) await writeRun()
  }
  await writeRun()
  return result
}

function findEntry(agenda: readonly AgendaEntry[], item: Item): AgendaEntry | undefined {
  const same = (a: string | null | undefined, b: string | undefined) =>
    Boolean(a && b && a.trim() === b.trim())
  return (
    (item.number ? agenda.find((e) => same(e.item.number, item.number)) : undefined) ??
    (item.title ? agenda.find((e) => same(e.item.title, item.title)) : undefined) ??
    (item.summary ? agenda.find((e) => same(e.item.summary, item.summary)) : undefined)
  )
}

async function matterOf(context: AgendaContext, item: Item): Promise<number | undefined> {
  let first: number | undefined
  for (const registryNumber of item.registryNumbers ?? []) {
    const matter = await registerMatter(context.trx, context.actor, {
      organisationId: context.organisationId,
      registryNumber,
      ...(item.title ? { title: item.title } : {}),
    })
    first ??= matter.id
  }
  return first
}

/** A new item as addAgendaItems takes it, its matter registered by the first registry number. */
async function itemInput(context: AgendaContext, item: Item): Promise<AgendaItemInput> {
  const matterId = await matterOf(context, item)
  return {
    ...(item.number ? { number: item.number } : {}),
    ...(item.title ? { title: item.title } : {}),
    ...(item.heading ? { heading: item.heading } : {}),
    ...(item.summary ? { summary: item.summary } : {}),
    ...(item.proposal ? { proposal: item.proposal } : {}),
    ...(matterId !== undefined ? { matterId } : {}),
    ...(item.officerReportDate && isIsoDate(item.officerReportDate)
      ? { officerReportOn: item.officerReportDate }
      : {}),
    ...(item.confidential ? { confidential: true, confidentialityGround: unstatedGround } : {}),
    ...(item.immediateSignOff ? { immediateSignOff: true } : {}),
  }
}

async function fillItem(context: AgendaContext, existing: AgendaItem, item: Item): Promise<AgendaItem> {
  const matterId = existing.matterId ?? (await matterOf(context, item))
  const fill = {
    ...(!existing.title && item.title ? { title: item.title } : {}),
    ...(!existing.summary && item.summary ? { summary: item.summary } : {}),
    ...(!existing.heading && item.heading ? { heading: item.heading } : {}),
    ...(existing.proposal.length === 0 && item.proposal?.length ? { proposal: item.proposal } : {}),
    ...(existing.matterId === null && matterId !== undefined ? { matterId } : {}),
  }
  if (Object.keys(fill).length === 0) return existing
  return updateAgendaItem(context.trx, context.actor, {
    agendaItemId: existing.id,
    version: existing.version,
    ...fill,
  })
}

/** Links to the documents as the municipality published them; one already attached is not added again. */
async function importAttachments(
  context: AgendaContext,
  entry: AgendaEntry | undefined,
  agendaItem: AgendaItem,
  item: Item,
) {
  for (const attachment of item.attachments ?? []) {
    const known = entry?.attachments.some(
      (d) => d.title === attachment.title && (d.sourceUrl ?? undefined) === attachment.href,
    )
    if (known) continue
    const document = await registerDocument(context.trx, context.actor, {
      organisationId: context.organisationId,
      title: attachment.title,
      kind: 'bilaga',
      ...(attachment.href ? { sourceUrl: attachment.href } : {}),
      ...(agendaItem.confidential ? { confidential: true, confidentialityGround: unstatedGround } : {}),
    })
    await attachDocument(context.trx, context.actor, { agendaItemId: agendaItem.id, documentId: document.id })
  }
}
