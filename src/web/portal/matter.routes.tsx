import type { FastifyInstance } from 'fastify'
import { normaliseRegistryNumber } from '../../domain/matter/matter.ts'
import { readMatterRecord } from '../../domain/publication/matter-record.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { MatterPage } from './matter.page.tsx'

/** A registry number from the address (the router has decoded %2F and %20), or undefined when implausible. */
export function registryNumberParam(value: string): string | undefined {
  const number = normaliseRegistryNumber(value)
  return number.length >= 1 && number.length <= 60 && ![...number].some((c) => c < ' ') ? number : undefined
}

export async function matterRoutes(app: FastifyInstance) {
  app.get<{ Params: { registryNumber: string } }>('/arenden/:registryNumber', async (request, reply) => {
    const registryNumber = registryNumberParam(request.params.registryNumber)
    const found = registryNumber ? await readMatterRecord(request.db, registryNumber) : undefined
    if (!found) throw new NotFoundError('matter', request.params.registryNumber)
    return sendPage(reply, <MatterPage matter={found.matter} steps={found.steps} />)
  })
}
