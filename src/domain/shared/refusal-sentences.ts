import type { DomainError, RefusalReason, RefusalReasons } from './errors.ts'

// The one Swedish sentence per refusal reason: what the workspace shows beside the refused form,
// what the API's error says, and what the command line prints. Each reason is declared beside its
// rule (RefusalReasons in shared/errors.ts); this table is typed so that it does not compile
// without a sentence for every one.

type Sentence<R extends RefusalReason> = RefusalReasons[R] extends undefined
  ? string
  : string | ((details: NonNullable<RefusalReasons[R]>) => string)

const conflictWhat = (what: string) =>
  what.startsWith('§')
    ? 'paragrafen'
    : what === 'the meeting'
      ? 'sammanträdet'
      : what === 'the minutes'
        ? 'protokollet'
        : what.startsWith('agenda item')
          ? 'punkten'
          : 'uppgiften'

const signedOffParts: Record<RefusalReasons['signed_off_record']['part'], string> = {
  section: 'Paragrafen och det som är antecknat under den kan inte längre ändras här.',
  attendance: 'Närvaron och tjänstgöringen som gällde där kan inte längre ändras.',
  signatories: 'Justerarna kan inte längre bytas.',
  closing_time: 'Tiden då sammanträdet avslutades kan inte längre ändras.',
  numbering:
    'En ny paragraf kan bara läggas till efter de justerade, i ett protokoll som inte är justerat i sin helhet.',
}

/** Tells the clerk which §§ are justerade and that only a recorded rättelse changes them. */
function signedOffRecord({ part, labels, signing }: RefusalReasons['signed_off_record']): string {
  const which = labels.length > 3 ? `${labels[0]} till ${labels.at(-1)}` : labels.join(', ')
  // KL 5:69: what the first signatory signed is what the last signs.
  if (signing)
    return `${which} har redan skrivits under av en justerare. ${signedOffParts[part]} Alla justerare ska skriva under samma text: en ändring görs som en rättelse när justeringen är klar.`
  return `${which} är ${labels.length === 1 ? 'justerad' : 'justerade'}. ${signedOffParts[part]} Ett justerat protokoll ändras bara genom en rättelse, som redovisas öppet vid paragrafen.`
}

const notTheSignatory = 'E-legitimationen tillhör inte den utsedda justeraren.'

export const refusalSentences: { [R in RefusalReason]: Sentence<R> } = {
  // shared
  not_found: 'Det du söker finns inte.',
  conflict: ({ what }) => `Någon annan har ändrat ${conflictWhat(what)} medan du skrev.`,
  not_allowed: 'Du har inte behörighet att se eller ändra det här.',
  not_signed_in: 'Logga in för att använda arbetsytan.',
  damaged_data: 'En uppgift i databasen går inte att läsa. Felet är loggat.',
  date_malformed: 'Skriv datumet som ÅÅÅÅ-MM-DD.',
  time_malformed: 'Skriv klockslaget som TT:MM.',
  field_missing: 'Fyll i fältet.',
  email_malformed: 'Skriv en e-postadress som namn@kommun.se.',
  nul_character: 'Texten innehåller ett otillåtet tecken (NUL).',

  // the workspace (web/admin)
  csrf_token_invalid: 'Formuläret har gått ut. Ladda om sidan och skicka det igen.',
  form_takes_no_file: 'Formuläret tar inte emot någon fil.',
  // The field is named to developers (the message, the API's details), not here: its name in the
  // form is no word of the page. Nothing was saved, and the browser's back button keeps the text.
  request_field_malformed:
    'Ett fält i formuläret kunde inte läsas: det ska vara en text. Inget sparades – skicka formuläret från sidan igen.',
  request_field_too_long: ({ most }) =>
    `En text i formuläret är för lång för sitt fält: högst ${most.toLocaleString('sv-SE')} tecken. Inget sparades – gå tillbaka och korta texten.`,
  roll_call_missing: 'Spara närvaron först: protokollet öppnas med den.',
  notice_closed: 'Kallelsen till sammanträdet är redan publicerad, eller sammanträdet har redan hållits.',
  nothing_to_report: 'Det finns inga oanmälda delegationsbeslut att anmäla till det sammanträdet.',
  identity_provider_missing: 'Inloggning med organisationens konto är inte inställd (LOGIN_OIDC_ISSUER).',
  signing_broker_missing: 'Justering med e-legitimation är inte inställd (SIGNING_OIDC_ISSUER).',
  signing_flow_expired: 'E-legitimationen tog för lång tid eller startades inte här. Börja om.',
  signing_by_other_account: 'Ett annat konto påbörjade den här justeringen.',

  // accounts and sign-in
  account_name_length: 'Namnet ska vara 1–200 tecken.',
  email_has_account: 'Det finns redan ett konto med den e-postadressen.',
  current_password_wrong: 'Det nuvarande lösenordet stämmer inte.',
  new_password_is_current: 'Det nya lösenordet är detsamma som det nuvarande.',
  password_changed_meanwhile: 'Lösenordet ändrades under tiden. Försök igen.',
  password_too_short: 'Lösenordet är för kort: minst 12 tecken.',
  password_too_long: 'Lösenordet är för långt.',
  unknown_role: 'Välj en av rollerna i listan.',
  administrator_not_per_committee: 'En administratör gäller hela organisationen, inte en nämnd.',
  committee_of_other_organisation: 'Nämnden hör till en annan organisation.',
  person_of_other_organisation: 'Personen hör till en annan organisation.',
  last_administrator:
    'Organisationen måste ha minst en aktiv administratör. Ge någon annan rollen administratör först.',
  own_account: 'Ditt eget konto kan inte ändras så här. Be en annan administratör.',
  person_taken: 'Personen är redan kopplad till ett annat konto.',
  other_organisation:
    'Kontot används också i en annan organisation. Där behöver dess administratör göra ändringen.',
  wrong_credentials: 'Lösenordet stämmer inte.',
  throttled: 'För många felaktiga försök. Vänta en stund och försök igen.',
  wrong_code: 'Koden stämmer inte, eller har redan använts. Vänta på nästa kod i appen och försök igen.',
  expired: 'Inloggningen tog för lång tid. Börja om.',
  no_verified_email:
    'Inloggningen gav ingen bekräftad e-postadress. Be den som sköter organisationens inloggning att skicka en bekräftad e-postadress (e-post och email_verified).',
  disabled: 'Ditt konto i Paragraf är inaktiverat. Kontakta din administratör.',
  totp_already_on: 'Tvåstegsverifiering är redan påslagen.',
  totp_enrolment_missing: 'Börja om med att lägga till kontot i autentiseringsappen.',
  totp_code_mismatch: 'Koden stämmer inte. Skriv koden som appen visar nu.',
  totp_required: 'Organisationen kräver tvåstegsverifiering av sina administratörer.',
  totp_code_wrong: 'Koden stämmer inte, eller har redan använts.',

  // organisation, committees, people, seats
  organisation_name_missing: 'Skriv organisationens namn.',
  organisation_exists: 'Det finns redan en organisation med det namnet.',
  setting_invalid: 'En inställning har ett värde som inte går att använda.',
  committee_name_missing: 'Skriv nämndens namn.',
  committee_seats_invalid: 'Antalet ledamöter ska vara ett heltal från 1 till 101.',
  utskott_parent_missing: 'Ett utskott hör till en nämnd: välj den.',
  person_name_missing: 'Skriv personens namn.',
  party_exists: 'Partiet finns redan.',
  party_abbreviation_invalid: 'Partiförkortningen ska vara 1–20 tecken.',
  merge_with_self: 'Välj två olika personer.',
  merge_across_organisations: 'Personerna hör till olika organisationer.',
  merge_two_at_once: ({ table }) =>
    table === 'attendance'
      ? 'De två var närvarande vid samma sammanträde och är alltså två olika personer.'
      : 'De två förekommer i samma paragraf, omröstning eller justering och är alltså två olika personer.',
  merge_signed_off_person:
    'Personen som skulle tas bort förekommer i ett justerat protokoll, som inte får ändras. Behåll den personen i stället.',
  merge_two_accounts: 'Båda har ett användarkonto. Ta bort kopplingen för det ena kontot först.',
  term_ends_before_start: 'Mandatperioden slutar innan den börjar.',
  term_exists: 'Det finns redan en mandatperiod med det namnet.',
  membership_ends_before_start: 'Uppdraget slutar innan det börjar.',
  seat_overlaps: 'Personen har redan en plats i nämnden under den tiden.',
  substitute_order_repeats: 'En ersättare står två gånger i ordningen.',
  substitute_order_not_substitute: 'Ordningen tar bara upp nämndens ersättare.',
  member_list_empty: 'Ledamotslistan är tom.',
  member_list_lines_refused: 'Några rader i ledamotslistan kunde inte sparas. Ingenting sparades.',

  // meetings, agendas, documents, matters
  meeting_not_movable: 'Sammanträdet kan inte flyttas i det här läget.',
  meeting_status_change_refused: 'Sammanträdet kan inte byta till det läget.',
  cancel_reason_missing: 'Skriv varför sammanträdet ställs in. Skälet visas för allmänheten.',
  meeting_not_cancellable: 'Sammanträdet kan inte ställas in i det här läget.',
  meeting_ends_before_start: 'Sammanträdet slutar innan det börjar.',
  series_interval_invalid: 'Ange antalet veckor mellan sammanträdena som ett heltal.',
  series_count_invalid: 'Ange hur många sammanträden serien har.',
  notice_not_publishable: 'Kallelsen kan inte publiceras i det här läget.',
  meeting_day_passed: 'Sammanträdesdagen har redan passerat.',
  notice_late_reason_missing:
    'Kallelsen publiceras efter sista dagen i nämndens kallelsetid: skriv varför den kommer sent.',
  agenda_closed: 'Föredragningslistan kan inte längre ändras.',
  agenda_item_title_missing: 'Skriv punktens rubrik eller en sammanfattning.',
  confidentiality_ground_missing: 'Ange sekretessgrunden, till exempel OSL 26:1.',
  matter_of_other_organisation: 'Ärendet hör till en annan organisation.',
  document_of_other_organisation: 'Handlingen hör till en annan organisation.',
  standard_items_missing: 'Välj minst en stående punkt.',
  document_title_missing: 'Skriv handlingens rubrik.',
  document_digest_malformed: 'Kontrollsumman (SHA-512) ska vara 128 hexadecimala tecken.',
  document_version_replaced: 'Versionen är redan ersatt. Ersätt den senaste versionen.',
  upload_too_large: 'Filen är större än vad som får laddas upp.',
  upload_empty: 'Filen är tom.',
  upload_type_not_allowed:
    'Filtypen är inte tillåten. Ladda upp PDF, Word (DOCX), ODT, Excel (XLSX), PNG eller JPEG.',
  upload_type_mismatch: 'Filens innehåll stämmer inte med dess filtyp eller filnamn.',
  upload_infected: 'Virusskanningen hittade skadlig kod i filen. Den har inte sparats.',
  registry_number_length: 'Diarienumret ska vara 1–60 tecken.',
  registry_number_format: 'Diarienumret följer inte organisationens format.',

  // minutes
  cancelled_meeting_no_minutes: 'Ett inställt sammanträde har inget protokoll.',
  minutes_exist: 'Sammanträdet har redan ett protokoll.',
  signatory_count: 'Välj så många justerare som nämnden har bestämt.',
  sign_off_deadline:
    'Protokollet ska justeras inom 14 dagar efter sammanträdet (KL 5:69). Välj en dag fram till fristen.',
  closing_time_malformed: 'Ange klockslaget som TT:MM.',
  only_substitute_serves_for_member: 'Bara en ersättare kan tjänstgöra för en ledamot.',
  serving_for_self: 'Ingen kan tjänstgöra för sig själv.',
  serving_substitute_absent: 'En ersättare som tjänstgör är närvarande: kryssa i närvaron.',
  left_does_not_return:
    'Den som har lämnat sammanträdet av annat skäl än jäv får inte tjänstgöra igen samma dag (KL 5:20).',
  section_number_out_of_range: 'Ange paragrafens nummer, ett heltal från 1 till 99 999.',
  remote_not_allowed: 'Nämnden tillåter inte deltagande på distans (KL 6:24).',
  two_substitutes_for_member: 'Två ersättare kan inte tjänstgöra för samma ledamot.',
  section_title_missing: 'Paragrafen behöver en rubrik.',
  immediate_sign_off_not_allowed: 'Nämnden justerar inte enskilda paragrafer omedelbart.',
  section_number_invalid: 'Paragrafnumret är ett heltal från 1.',
  section_number_taken: 'Paragrafnumret finns redan i protokollet.',
  recused_may_not_take_part: 'Den som har anmält jäv får inte delta i ärendet (KL 6:28).',
  no_quorum:
    'Nämnden är inte beslutför vid paragrafen: mer än hälften av ledamöterna måste tjänstgöra (KL 6:27).',
  motion_text_missing: 'Skriv yrkandets text.',
  motion_by_non_serving:
    'Bara ledamöter och ersättare som tjänstgör vid paragrafen kan yrka. Tjänstepersoner och andra närvarande får yttra sig men inte besluta.',
  dissent_after_close:
    'Sammanträdet är avslutat. En reservation måste ha anmälts innan sammanträdet avslutades (KL 4:27); kryssa i att den anmäldes då om så var fallet.',
  dissent_by_non_participant: 'Bara den som deltog i beslutet kan reservera sig (KL 4:27).',
  dissent_by_supporter: 'Den som röstade för beslutet kan inte reservera sig mot det (KL 4:27).',
  dissent_reason_overdue: 'Tiden för att lämna in en skriftlig reservation har gått ut.',
  dissent_reason_missing: 'Skriv reservationens motivering.',
  statement_kind_not_recorded: 'Nämnden tar inte emot den sortens uttalanden.',
  substitute_opinions_not_recorded: 'Nämnden antecknar inte ersättaryttranden.',
  author_missing: 'Välj vem som står bakom: en ledamot eller ett parti.',
  rectification_reason_missing: 'Skriv vad som var fel och varför det rättas.',
  rectification_changes_nothing: 'Rättelsen ändrar ingenting.',
  section_not_signed_off: 'Paragrafen är inte justerad än.',
  signed_off_record: signedOffRecord,
  comment_missing: 'Skriv din synpunkt på paragrafen.',
  comment_too_long: 'Synpunkten får vara högst 4 000 tecken.',
  section_not_in_sign_off: 'Paragrafen ingår inte i den här justeringen.',
  comment_after_sign_off: 'Paragraferna är redan justerade: ändringar görs genom rättelse.',
  comment_by_non_signatory: 'Bara de utsedda justerarna lämnar synpunkter på utkastet.',

  personal_identity_numbers_in_public_text:
    'Texten innehåller personnummer, som inte får publiceras. Ta bort dem eller sekretessmarkera texten först.',

  // votes
  vote_question_missing: 'Skriv vad omröstningen gäller.',
  ballots_and_counts: 'Ange antingen hur var och en röstade eller, vid sluten omröstning, antalen.',
  open_vote_ballots_missing:
    'Ange hur varje tjänstgörande ledamot röstade: ja, nej eller avstår (KL 5:67 p. 5).',
  counts_invalid: 'Ange antalet ja- och nej-röster som heltal.',
  ballots_missing: 'Ange hur var och en röstade eller, vid sluten omröstning, antalen.',
  service_missing_before_vote: 'Ange först vilka som tjänstgör vid paragrafen (närvaro).',
  ballot_choice_invalid: 'En röst är ja, nej eller avstår.',
  vote_twice: 'Varje ledamot röstar en gång (KL 4:24).',
  vote_by_non_serving: 'Bara ledamöter och ersättare som tjänstgör vid paragrafen får rösta.',
  counts_exceed_voters: 'Fler röster än ledamöter som röstar vid paragrafen: kontrollera antalen (KL 4:24).',
  party_group_choice_missing: 'Ange hur partigruppen röstade: ja, nej eller avstår.',
  chair_vote_not_cast: 'Ordförandens röst finns inte bland rösterna.',
  tie_needs_casting_vote:
    'Lika röstetal: ordföranden har utslagsröst och måste rösta ja eller nej (KL 4:25, 5:56).',
  tie_needs_lot: 'Lika röstetal vid val eller anställning: ange lottens utfall (KL 5:56).',
  candidates_too_few: 'Ange minst två kandidater med namn och antal röster.',
  candidate_name_missing: 'Skriv namnet på varje kandidat som har fått röster.',
  candidate_named_twice: 'Varje kandidat anges en gång.',
  candidate_votes_invalid: 'Skriv antalet röster för varje kandidat som ett heltal från 0.',
  blank_ballots_invalid: 'Skriv antalet blanka röster som ett heltal från 0.',
  lot_not_among_tied: 'Lotten dras mellan de kandidater som fick flest och lika många röster (KL 5:56).',

  // sign-off
  signatories_missing: 'Utse justerarna först.',
  signing_by_non_signatory: 'Bara de utsedda justerarna kan justera protokollet.',
  signed_already: 'Du har redan justerat de här paragraferna.',
  signed_off_already: 'Paragraferna är redan justerade.',
  sign_off_sections_missing: 'Välj vilka paragrafer som ska justeras.',
  section_not_in_minutes: 'Paragrafen finns inte i protokollet.',
  sections_in_sign_off: 'Någon av paragraferna ingår redan i en justering.',
  sign_off_missing: 'Justeringen finns inte.',
  signing_method_not_password: 'Nämnden justerar inte med lösenord: se nämndens justeringssätt.',
  signing_method_not_oidc: 'Nämnden justerar inte med e-legitimation.',
  signing_method_not_paper: 'Nämnden justerar inte på papper.',
  paper_sign_off_in_future: 'Dagen för justeringen kan inte ligga efter i dag.',
  sign_off_before_meeting: 'Protokollet kan inte justeras före sammanträdet.',
  identity_number_malformed: 'Personnumret ska skrivas med tolv siffror, ÅÅÅÅMMDD-NNNN.',
  no_identity_number_kept: notTheSignatory,
  no_claim: notTheSignatory,
  other_person: notTheSignatory,

  // the notice board and delegated decisions
  appeal_before_sign_off: 'Paragrafen är inte justerad än.',
  notice_before_sign_off: 'Bara justerade protokoll anslås (KL 8:12).',
  notice_before_sign_off_day: 'Anslaget kan inte sättas upp före justeringen.',
  notice_posting_overdue: 'Anslaget ska sättas upp senast två dagar efter justeringen (KL 8:12).',
  meeting_notice_after_meeting: 'Sammanträdet ska anslås innan det hålls.',
  delegated_decision_reported: 'Beslutet är anmält till nämnden och anslås med protokollet.',
  urgent_decision_reported_at_meeting:
    'Ett brådskande beslut av ordföranden anmäls vid nämndens nästa sammanträde (KL 6:40).',
  delegated_decision_has_notice: 'Beslutet har redan ett anslag.',
  delegated_decision_notice_before_decision: 'Beslutet kan inte anslås före beslutsdagen.',

  // accessibility feedback
  feedback_message_missing: 'Skriv ditt meddelande.',
  feedback_too_long: 'Texten är för lång.',
  feedback_note_missing: 'Skriv vad som gjordes.',
  feedback_note_too_long: 'Anteckningen är för lång.',
  feedback_handled_already: 'Återkopplingen är redan hanterad.',

  // webhooks
  webhook_url_missing: 'Skriv adressen som ändringarna ska skickas till.',
  webhook_url_too_long: 'Adressen får vara högst 2 000 tecken.',
  webhook_url_invalid: 'Skriv en fullständig adress som börjar med https://.',
  webhook_url_not_https:
    'Adressen måste börja med https://. Vanlig http går bara till den här datorn (localhost).',
  webhook_url_credentials:
    'Adressen får inte innehålla användarnamn eller lösenord; mottagaren kontrollerar signaturen i stället.',
  webhook_delivery_not_dead: 'Leveransen finns inte bland de misslyckade.',

  // paragraf import
  import_organisation_missing: 'dokumentet anger ingen organisation: ange den med --organisation',
  import_committee_unknown: ({ committee, organisation }) =>
    `det finns ingen nämnd ${committee} i ${organisation}`,
  import_committee_missing: 'dokumentet anger ingen nämnd: ange den med --committee',
  import_meeting_date_differs: ({ stated, given }) =>
    `enligt dokumentet hölls sammanträdet ${stated}, inte ${given}`,
  import_meeting_date_missing: 'dokumentet anger inget sammanträdesdatum: ange det med --meeting-date',
  import_meeting_date_malformed: 'sammanträdesdatumet skrivs ÅÅÅÅ-MM-DD',
}

/** The Swedish sentence for a domain error's reason (with its details, where the sentence has some). */
export function refusalSentence(error: DomainError): string {
  const sentence = refusalSentences[error.reason] as string | ((details: unknown) => string)
  if (typeof sentence === 'string') return sentence
  return error.details === undefined ? genericSentences[error.code] : sentence(error.details)
}

const genericSentences: Record<DomainError['code'], string> = {
  not_found: 'Det du söker finns inte.',
  forbidden: 'Du har inte behörighet att se eller ändra det här.',
  invalid_input: 'Det går inte att spara så. Kontrollera uppgifterna.',
  invalid_state: 'Det går inte att spara så. Kontrollera uppgifterna.',
  conflict: 'Någon annan har ändrat medan du skrev. Ladda om sidan och försök igen.',
}
