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
import { registerMatters } from '../domain/matter/matter.service.ts'
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
    const matterIds = await mattersOf(
      context,
      run.map((r) => r.item),
    )
    const added = await addAgendaItems(context.trx, context.actor, {
      meetingId: context.meeting.id,
      items: run.map((r, i) => {
        const matterId = matterIds[i]
        return matterId === undefined ? r.input : { ...r.input, matterId }
      }),
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
    // added, the run is written before a matter may be registered for the next one. The run's
    // matters are registered together when it is written (mattersOf).
    if (!written && item.registryNumbers?.length) await writeRun()
    const input = itemInput(item)
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

/**
 * Each item's matter: every registry number it gives is registered (registerMatters, all the
 * items' at once, in order), and the item belongs to the matter of the first.
 */
async function mattersOf(context: AgendaContext, items: readonly Item[]): Promise<Array<number | undefined>> {
  const inputs = items.flatMap((item) =>
    (item.registryNumbers ?? []).map((registryNumber) => ({
      organisationId: context.organisationId,
      registryNumber,
      ...(item.title ? { title: item.title } : {}),
    })),
  )
  const matters = await registerMatters(context.trx, context.actor, inputs)
  let next = 0
  return items.map((item) => {
    const first = matters[next]
    next += item.registryNumbers?.length ?? 0
    return item.registryNumbers?.length ? first?.id : undefined
  })
}

/** A new item as addAgendaItems takes it; its matter is added when it is written (mattersOf). */
function itemInput(item: Item): AgendaItemInput {
  return {
    ...(item.number ? { number: item.number } : {}),
    ...(item.title ? { title: item.title } : {}),
    ...(item.heading ? { heading: item.heading } : {}),
    ...(item.summary ? { summary: item.summary } : {}),
    ...(item.proposal ? { proposal: item.proposal } : {}),
    ...(item.officerReportDate && isIsoDate(item.officerReportDate)
      ? { officerReportOn: item.officerReportDate }
      : {}),
    ...(item.confidential ? { confidential: true, confidentialityGround: unstatedGround } : {}),
    ...(item.immediateSignOff ? { immediateSignOff: true } : {}),
  }
}

async function fillItem(context: AgendaContext, existing: AgendaItem, item: Item): Promise<AgendaItem> {
  const matterId = existing.matterId ?? (await mattersOf(context, [item]))[0]
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
