import type { FastifyRequest } from 'fastify'
import { findCommitteeBySlug } from '../../../domain/committee/committee.reads.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import { listMemberships, listTerms } from '../../../domain/membership/membership.service.ts'
import { getOrganisation } from '../../../domain/organisation/organisation.reads.ts'
import { listParties, listPersons } from '../../../domain/person/person.reads.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'

export async function committeeFrom(
  request: FastifyRequest<{ Params: { committee: string } }>,
): Promise<Committee> {
  const committee = await findCommitteeBySlug(request.db, request.params.committee)
  if (!committee) throw new NotFoundError('committee', request.params.committee)
  return committee
}

/** Everything the committee's workspace page shows: seats in force today or later, and the choices of its forms. */
export async function loadCommitteeData(request: FastifyRequest, committee: Committee) {
  const [organisation, all, persons, parties, terms] = await Promise.all([
    getOrganisation(request.db, committee.organisationId),
    listMemberships(request.db, committee.id),
    listPersons(request.db, committee.organisationId),
    listParties(request.db, committee.organisationId),
    listTerms(request.db, committee.organisationId),
  ])
  const memberships = all.filter((m) => m.endsOn === null || m.endsOn >= request.today)
  return { organisation, memberships, persons, parties, terms }
}

export type CommitteeData = Awaited<ReturnType<typeof loadCommitteeData>>
