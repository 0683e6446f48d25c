import type { DomainError } from '../domain/shared/errors.ts'

// What `paragraf import` says, in Swedish, when a published protocol breaks a rule the workspace
// keeps. The domain's messages are for developers; the import reports these, the record is still
// kept as printed where the use case allows it.

const messages: Array<[RegExp, string]> = [
  [
    /only a member serving at the § may make a motion/,
    'yrkandet kommer från någon som inte tjänstgjorde vid paragrafen',
  ],
  [
    /only a member who took part in the decision may dissent/,
    'reservationen kommer från någon som inte deltog i beslutet',
  ],
  [/voted for the decision cannot dissent/, 'den som reserverar sig röstade för beslutet (KL 4:27)'],
  [
    /only members serving at the § may vote/,
    'en röst kommer från någon som inte tjänstgjorde vid paragrafen',
  ],
  [/jäv may not vote|jäv may not serve/, 'någon med jäv röstar eller tjänstgör (KL 6:28)'],
  [/each member votes once/, 'någon röstar två gånger'],
  [/record who served at the § before its votes/, 'ingen är registrerad som tjänstgörande vid paragrafen'],
  [/open vote records how each member voted/, 'en öppen omröstning utan röster per ledamot'],
  [/counts are whole numbers/, 'rösttalen är inte heltal'],
  [/already has a seat on/, 'personen har redan en plats i nämnden den dagen'],
  [/exists in these minutes/, 'paragrafnumret finns redan i protokollet'],
  [/already in a sign-off/, 'paragraferna ingår redan i en justering'],
  [/appoint the signatories first/, 'protokollet anger inga justerare'],
  [
    /only a substitute serves for a member|nobody serves for themselves/,
    'tjänstgöringen för en ledamot går inte ihop',
  ],
  [/someone already serves for that member/, 'två tjänstgör för samma ledamot'],
  [/must be YYYY-MM-DD|is not a time/, 'ett datum eller en tid går inte att läsa'],
  [/the § needs a title/, 'paragrafen saknar rubrik'],
  [/needs its text|write the reason/, 'texten saknas'],
]

const byCode: Record<DomainError['code'], string> = {
  invalid_state: 'uppgiften strider mot en regel för protokollet',
  invalid_input: 'uppgiften är ofullständig eller går inte att läsa',
  not_found: 'det som uppgiften hänvisar till finns inte',
  conflict: 'uppgiften ändrades samtidigt av någon annan',
  forbidden: 'importen får inte ändra uppgiften',
}

/** A domain refusal as the import reports it, in Swedish. */
export function importWarning(error: DomainError): string {
  const known = messages.find(([pattern]) => pattern.test(error.message))
  return known ? known[1] : byCode[error.code]
}
