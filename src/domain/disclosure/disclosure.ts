// What the public may see of the record — the one rule, in plain TypeScript. The SQL predicates in
// disclosure.predicates.ts say the same for queries; disclosure-agreement.test.ts runs every
// combination of flags through both and asserts they agree. Every public channel (pages, change
// lists, search, feeds, iCal, document JSON, OParl, the export and the PDF) reads through these.
//
// - An agenda is public once its notice is out (KL 6:19; status past 'planned'), or once the
//   meeting was held without one (an imported protocol); a meeting cancelled before its notice
//   never had a public agenda.
// - A confidential agenda item (OSL) keeps its number and a neutral title, nothing else (P2).
// - A § is public once signed off (TF 2:10); unsigned §§ are never public. A signed-off § is
//   confidential when it or its agenda item is (OSL): the secrecy of a matter does not depend on
//   whether the clerk also ticked the §, or ticked the item only after the § was written. A
//   confidential § is shown by its number only.
// - A document is public when neither it nor its item is confidential and the agenda is public.
// - A change-history entry about a confidential item says only "Punkt N ändrades"; one about a
//   confidential document (or a document that cannot be told) is left out, as the document
//   itself is left out of the public agenda without a trace.
// - Personal identity numbers are masked in every public text (P3; see personal-identity-number.ts).

import type { Meeting } from '../meeting/meeting.ts'

/** The neutral title a confidential agenda item or § gets in public (B4, OSL). */
export const confidentialTitle = 'Ärende som omfattas av sekretess'

/** Whether a meeting's agenda is public: its notice (kallelse) is out, or it was held without one. */
export function agendaIsPublic(meeting: Pick<Meeting, 'status' | 'noticePublishedAt'>): boolean {
  if (meeting.status === 'planned') return false
  return meeting.status !== 'cancelled' || meeting.noticePublishedAt !== null
}

/** How much of a thing the public sees: nothing, its number under a neutral title, or all of it. */
export type Disclosure = 'withheld' | 'number_only' | 'in_full'

/** An agenda item in public: withheld until the notice is out, then by number only if confidential. */
export function agendaItemDisclosure(facts: {
  agendaPublic: boolean
  itemConfidential: boolean
}): Disclosure {
  if (!facts.agendaPublic) return 'withheld'
  return facts.itemConfidential ? 'number_only' : 'in_full'
}

/** Whether a § is secret: its own flag or its agenda item's (OSL). */
export function sectionIsConfidential(facts: { sectionConfidential: boolean; itemConfidential: boolean }) {
  return facts.sectionConfidential || facts.itemConfidential
}

/** A § in public: withheld until signed off (TF 2:10), then by number only if it or its item is secret. */
export function sectionDisclosure(facts: {
  signedOff: boolean
  sectionConfidential: boolean
  itemConfidential: boolean
}): Disclosure {
  if (!facts.signedOff) return 'withheld'
  return sectionIsConfidential(facts) ? 'number_only' : 'in_full'
}

/** Whether a document attached to an item may be listed and downloaded by anyone. */
export function documentIsPublic(facts: {
  agendaPublic: boolean
  itemConfidential: boolean
  documentConfidential: boolean
}): boolean {
  return facts.agendaPublic && !facts.itemConfidential && !facts.documentConfidential
}
