import type { FastifyReply, FastifyRequest } from 'fastify'
import { getAgenda } from '../../../domain/agenda/agenda.service.ts'
import { agendaTemplateFor } from '../../../domain/agenda/agenda-template.ts'
import { getCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'
import { sendPage } from '../../views/render.tsx'
import { loadNextStep } from '../meetings/next-step.data.ts'
import { adminView, wasSaved } from '../shared/admin-request.ts'
import { emptyForm } from '../shared/form.view.tsx'
import { itemToForm } from './agenda.form.ts'
import { AgendaPage, type AgendaPageProps } from './agenda.page.tsx'
import { AgendaItemPage, type AgendaItemPageProps } from './agenda-item.page.tsx'

// Rendering the agenda editor and an item's page, shared by the agenda and document routes.

/**
 * A new item's form. A committee whose individual matters are secret (P2, OSL 26:1) has the
 * secretary choose public or secret for each item, with the ground filled in for a secret one.
 */
export async function newItemForm(request: FastifyRequest, committee: Committee) {
  const { individualMattersConfidential } = await getCommitteeSettings(request.db, committee.id)
  return emptyForm(
    individualMattersConfidential
      ? { confidentialChoice: 'required', confidentialityGround: 'OSL 26:1' }
      : {},
  )
}

export async function renderAgenda(
  request: FastifyRequest,
  reply: FastifyReply,
  committee: Committee,
  meeting: Meeting,
  props: Partial<AgendaPageProps>,
  status = 400,
) {
  const entries = await getAgenda(request.db, meeting.id)
  return sendPage(
    reply,
    <AgendaPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      entries={entries}
      next={await loadNextStep(request, committee, meeting, { agenda: entries })}
      template={agendaTemplateFor(committee.id)}
      addForm={props.addForm ?? (await newItemForm(request, committee))}
      saved={status === 200 && wasSaved(request) ? 'Dagordningen är sparad.' : undefined}
      {...props}
    />,
    status,
  )
}

export async function renderItem(
  request: FastifyRequest,
  reply: FastifyReply,
  committee: Committee,
  meeting: Meeting,
  itemId: number,
  props: Partial<AgendaItemPageProps>,
  status = 400,
) {
  const entries = await getAgenda(request.db, meeting.id)
  const index = entries.findIndex((e) => e.item.id === itemId)
  const entry = entries[index]
  if (!entry) throw new NotFoundError('agenda item', itemId)
  return sendPage(
    reply,
    <AgendaItemPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      entry={entry}
      place={index + 1}
      form={emptyForm(itemToForm(entry.item))}
      uploadForm={emptyForm({
        documentKind: 'bilaga',
        ...(entry.item.confidential
          ? { documentConfidential: 'ja', documentGround: entry.item.confidentialityGround ?? '' }
          : {}),
      })}
      saved={status === 200 && wasSaved(request) ? 'Punkten är sparad.' : undefined}
      {...props}
    />,
    status,
  )
}
