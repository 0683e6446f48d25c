import { DomainError, type RefusalReason } from '../domain/shared/errors.ts'

// What `paragraf import` says, in Swedish, when a published protocol breaks a rule the workspace
// keeps. The domain's messages are for developers; the import reports these, the record is still
// kept as printed where the use case allows it.

// Keyed by the refusal's reason (declared beside its rule): the import's own words, shorter than
// the workspace's sentence and about the printed protocol rather than the clerk's form.
const messages: Partial<Record<RefusalReason, string>> = {
  motion_by_non_serving: 'yrkandet kommer från någon som inte tjänstgjorde vid paragrafen',
  dissent_by_non_participant: 'reservationen kommer från någon som inte deltog i beslutet',
  dissent_by_supporter: 'den som reserverar sig röstade för beslutet (KL 4:27)',
  vote_by_non_serving: 'en röst kommer från någon som inte tjänstgjorde vid paragrafen',
  recused_may_not_take_part: 'någon med jäv röstar eller tjänstgör (KL 6:28)',
  vote_twice: 'någon röstar två gånger',
  service_missing_before_vote: 'ingen är registrerad som tjänstgörande vid paragrafen',
  open_vote_ballots_missing: 'en öppen omröstning utan röster per ledamot',
  counts_invalid: 'rösttalen är inte heltal',
  seat_overlaps: 'personen har redan en plats i nämnden den dagen',
  section_number_taken: 'paragrafnumret finns redan i protokollet',
  sections_in_sign_off: 'paragraferna ingår redan i en justering',
  signatories_missing: 'protokollet anger inga justerare',
  only_substitute_serves_for_member: 'tjänstgöringen för en ledamot går inte ihop',
  serving_for_self: 'tjänstgöringen för en ledamot går inte ihop',
  two_substitutes_for_member: 'två tjänstgör för samma ledamot',
  date_malformed: 'ett datum eller en tid går inte att läsa',
  time_malformed: 'ett datum eller en tid går inte att läsa',
  closing_time_malformed: 'ett datum eller en tid går inte att läsa',
  section_title_missing: 'paragrafen saknar rubrik',
  motion_text_missing: 'texten saknas',
  dissent_reason_missing: 'texten saknas',
}

const byCode: Record<DomainError['code'], string> = {
  invalid_state: 'uppgiften strider mot en regel för protokollet',
  invalid_input: 'uppgiften är ofullständig eller går inte att läsa',
  not_found: 'det som uppgiften hänvisar till finns inte',
  conflict: 'uppgiften ändrades samtidigt av någon annan',
  forbidden: 'importen får inte ändra uppgiften',
}

/** A domain refusal as the import reports it, in Swedish. */
export function importWarning(error: DomainError): string {
  return messages[error.reason] ?? byCode[error.code]
}

/**
 * A rule the published record breaks is reported, not fatal: the rest of the document still counts.
 * Told to the context's warnings, or to a function that keeps them in the order of the protocol.
 */
export function asWarning(
  context: { warn: (message: string) => void } | ((message: string) => void),
  where: string,
) {
  const warn = typeof context === 'function' ? context : context.warn
  return (error: unknown): undefined => {
    if (!(error instanceof DomainError)) throw error
    warn(`${where}: ${importWarning(error)}`)
    return undefined
  }
}
