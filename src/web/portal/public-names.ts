import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import type { Names } from './minutes.view.tsx'

/** The names a meeting's public minutes refer to, with links to people's pages. */
export function namesOf(view: PublicMeeting): Names {
  return {
    person: (id) => (id ? (view.persons.get(id)?.name ?? 'Okänd') : 'Okänd'),
    personSlug: (id) => (id ? view.persons.get(id)?.slug : undefined),
    party: (id) => (id ? view.parties.get(id)?.abbreviation : undefined),
    registryNumber: (sectionId) => view.registryNumbers.ofSection.get(sectionId),
  }
}
