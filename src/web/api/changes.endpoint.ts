import { z } from 'zod'
import { listPublicChanges } from '../../domain/public-record/public-record.repository.ts'
import { publicKinds } from '../../domain/public-record/public-record.ts'
import { oparlAddressOf } from '../../domain/publication/oparl/oparl-tombstones.ts'
import { linksOf } from '../oparl/oparl-response.ts'
import { endpoint } from './api-endpoint.ts'
import { limitParam, pageLinksOf } from './api-links.ts'
import { named, pageLinks } from './api-schemas.ts'

// The public change log as a feed (docs/api.md, "Ändringar"): every object the portal publishes
// that appeared, changed or vanished, in the order the changes were committed. A mirror keeps the
// last `seq` it read and asks for what came after; it reads each object at its OParl address,
// where one that vanished answers as a tombstone. An entry names no content: what became secret
// is only "vanished".

const changeSchema = named(
  'Change',
  z.object({
    seq: z.number().int().positive().describe('Ändringens löpnummer: ordningen ändringarna gjordes i.'),
    kind: z.enum(publicKinds).describe('Slaget av objekt, som i OParl-adressen.'),
    id: z.number().int().describe('Objektets nummer.'),
    object: z.string().describe('Objektets adress i OParl-API:t.'),
    action: z
      .enum(['appeared', 'changed', 'vanished'])
      .describe(
        'appeared: blev offentligt; changed: det offentliga ändrades; vanished: inte längre offentligt.',
      ),
    changedAt: z.string().describe('När ändringen gjordes (ISO 8601, UTC).'),
    body: z.number().int().describe('Organisationen (OParl Body) objektet hör till.'),
  }),
  'En ändring i det som portalen publicerar.',
)

const changeListSchema = named(
  'ChangeList',
  z.object({
    data: z.array(changeSchema),
    lastSeq: z
      .number()
      .int()
      .describe('Den sista ändringens löpnummer på sidan, eller after när sidan är tom.'),
    links: pageLinks,
  }),
)

export const listChangesEndpoint = endpoint({
  operationId: 'listChanges',
  path: '/changes',
  tag: 'Ändringar',
  summary: 'Varje ändring av det som portalen publicerar, i ordning: fortsätt från det senaste löpnumret.',
  query: z.object({
    after: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(0)
      .describe('Visa ändringar efter detta löpnummer (0: från början).'),
    body: z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1)
      .optional()
      .describe('Bara en organisations ändringar.'),
    limit: limitParam,
  }),
  response: changeListSchema,
  async handle(request, { query }) {
    const links = linksOf(request)
    const changes = await listPublicChanges(request.db, {
      after: query.after,
      limit: query.limit,
      ...(query.body ? { organisationId: query.body } : {}),
    })
    const last = changes.at(-1)?.seq
    return {
      data: changes.map((c) => ({
        seq: c.seq,
        kind: c.kind,
        id: c.objectId,
        object: oparlAddressOf(links, c.kind, c.objectId),
        action: c.action,
        changedAt: c.changedAt,
        body: c.organisationId,
      })),
      lastSeq: last ?? query.after,
      // A full page may have more after it; a short one is the end for now (ask again later).
      links: pageLinksOf(request, changes.length === query.limit && last ? { after: last } : undefined),
    }
  },
})
