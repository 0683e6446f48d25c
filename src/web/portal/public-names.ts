import { outlineNamesOf } from '../../domain/publication/minutes-outline.ts'
import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import type { Names } from './minutes.view.tsx'

/** The names a meeting's public minutes refer to, with links to people's pages. */
export function namesOf(view: PublicMeeting): Names {
  return {
    ...outlineNamesOf(view),
    personSlug: (id) => (id ? view.persons.get(id)?.slug : undefined),
  }
}
