import { z } from 'zod'
import {
  fieldsForm,
  form,
  formWithKeys,
  line,
  noFields,
  noQuery,
  params,
  savedQuery,
  text,
} from '../shared/request.schema.ts'

// What the minutes' routes read: the overview, the roll call, a § and its forms, the vote page.

export const meetingParams = params('committee', 'meeting')
export const sectionParams = params('committee', 'meeting', 'number')
export const dissentParams = params('committee', 'meeting', 'number', 'dissentId')
export const pageQuery = savedQuery

/** The old …/moten/… addresses, redirected with their query as it came (read from the URL). */
export const oldAddressParams = params('committee', '*')
export const oldAddressQuery = noQuery
export const oldAddressBody = noFields

// The overview (minutes.routes.tsx)
export const addSectionForm = form({ agendaItemId: line, title: text })
export const meetingClosedForm = form({ time: line })
/** `justerare-<i>`: the i:th signatory's person. */
export const signatoriesForm = formWithKeys(
  { signOffPlannedOn: line, signOffPlace: line },
  /^justerare-\d{1,3}$/,
)
/** `p-<§ number>`: the §§ ticked for immediate sign-off. */
export const signOffForm = formWithKeys({ atgard: line }, /^p-\d{1,5}$/)

// The roll call (roll-call.routes.tsx): per person `narvaro-`, `ersattare-`, `ersattare-narvarande-`, `fran-`, `till-`.
export const rollCallForm = formWithKeys(
  { atgard: line, ovriga: text },
  /^(narvaro|ersattare|ersattare-narvarande|fran|till)-\d{1,9}$/,
)

// A § (section.routes.tsx)
export const sectionTextBody = fieldsForm(
  ['title', 'summary', 'decision', 'decisionProcedure', 'outcome', 'confidential', 'version'],
  ['title', 'summary', 'decision', 'decisionProcedure'],
)
export const disqualificationForm = fieldsForm(['personId', 'reason'], ['reason'])
/** `forslagsstallare-<personId>`: the motion's authors. */
export const motionForm = formWithKeys(
  { partyId: line, kind: line, text: text, points: text },
  /^forslagsstallare-\d{1,9}$/,
)
/** `antal-<choice>`: a secret vote's counts; `rost-<personId>`: each open ballot. */
export const voteForm = formWithKeys(
  { lot: line, kind: line, question: text, yesMeans: text, noMeans: text, result: line },
  /^(antal-(yes|no|abstain)|rost-\d{1,9})$/,
)
/** `reservant-<personId>`: who entered the dissent. */
export const dissentForm = formWithKeys({ text: text, anmaldFore: line }, /^reservant-\d{1,9}$/)
export const dissentReasonForm = form({ text: text })
export const statementForm = fieldsForm(['kind', 'text', 'personId'], ['text'])

// The vote page (vote-entry.routes.tsx): every field is `<way>-<field>`, the first of repeated ones read.
export const voteEntryForm = formWithKeys(
  {},
  /^(alla|grupper|sluten|val)(-[a-z0-9-]{1,60})?$/,
  z.union([text, z.array(text).max(1_000)]),
)
