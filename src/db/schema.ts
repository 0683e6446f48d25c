import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

// The tables as Kysely sees them. Repositories turn these rows into domain objects; nothing
// outside src/db and the *.repository.ts files should need these types.

/** A boolean column: PostgreSQL returns true/false, SQLite 1/0, so readers must use Boolean(). */
export type Flag = ColumnType<boolean | number, boolean | undefined, boolean>
/** A timestamp as an ISO 8601 string in UTC on both databases (see dialect.ts). */
export type Timestamp = ColumnType<string, string | undefined, string>
/** A JSON array or object stored as text, parsed by the repository. */
export type JsonText = ColumnType<string, string | undefined, string>

interface Row {
  id: Generated<number>
  created_at: Timestamp
}

export interface OrganisationTable extends Row {
  name: string
  slug: string
  kind: string
  settings: JsonText
  updated_at: Timestamp
  /** Its administrators must sign in with a second factor (TOTP) besides the password (0027). */
  administrators_need_totp: Flag
}

export interface CommitteeTable extends Row {
  organisation_id: number
  parent_id: number | null
  name: string
  slug: string
  kind: string
  seats: number | null
  settings: JsonText
  updated_at: Timestamp
}

export interface TermTable extends Row {
  organisation_id: number
  name: string
  starts_on: string
  ends_on: string
}

export interface PartyTable extends Row {
  organisation_id: number
  abbreviation: string
  name: string | null
}

export interface PersonTable extends Row {
  organisation_id: number
  name: string
  slug: string
  title: string | null
  /** Where the person gets notices (kallelser); never public. */
  email: string | null
  /** The personnummer as a salted hash (0020), to check an e-legitimation at sign-off; never in clear. */
  identity_number_hash: ColumnType<string | null, string | null | undefined, string | null>
}

export interface MembershipTable extends Row {
  committee_id: number
  person_id: number
  term_id: number | null
  party_id: number | null
  role: string
  substitute_order: number | null
  starts_on: string
  ends_on: string | null
}

export interface MeetingTable extends Row {
  committee_id: number
  slug: string
  meets_on: string
  start_time: string | null
  end_time: string | null
  location: string | null
  status: string
  cancellation_reason: string | null
  notice_published_at: string | null
  version: Generated<number>
  updated_at: Timestamp
}

export interface MatterTable extends Row {
  organisation_id: number
  registry_number: string
  title: string | null
  kind: string | null
  updated_at: Timestamp
}

export interface AgendaItemTable extends Row {
  meeting_id: number
  matter_id: number | null
  number: string | null
  position: number
  heading: string | null
  title: string | null
  summary: string | null
  proposal: JsonText
  officer_report_on: string | null
  confidential: Flag
  confidentiality_ground: string | null
  immediate_sign_off: Flag
  status: string
  version: Generated<number>
  updated_at: Timestamp
}

export interface AgendaItemChangeTable extends Row {
  agenda_item_id: number
  kind: string
  description: string
  after_notice: Flag
  /** The document an attachment change is about (0019); null for other changes. */
  document_id: number | null
}

export interface DocumentTable extends Row {
  organisation_id: number
  title: string
  kind: string
  storage_key: string | null
  source_url: string | null
  sha512: string | null
  mime_type: string | null
  size_bytes: number | null
  confidential: Flag
  confidentiality_ground: string | null
  extracted_text: string | null
  dated_on: string | null
  replaces_document_id: number | null
}

export interface AttachmentTable extends Row {
  agenda_item_id: number
  document_id: number
  position: number
}

export interface AttendanceTable extends Row {
  meeting_id: number
  person_id: number
  party_id: number | null
  role: string
  title: string | null
  present: Flag
  remote: Flag
  serving_for_person_id: number | null
  arrived_at_section: number | null
  left_after_section: number | null
}

export interface MinutesTable extends Row {
  meeting_id: number
  status: string
  chair_person_id: number | null
  secretary_person_id: number | null
  sign_off_place: string | null
  sign_off_planned_on: string | null
  kept_at: string | null
  published_at: string | null
  meeting_closed_at: string | null
  version: Generated<number>
  updated_at: Timestamp
}

export interface SignatoryTable extends Row {
  minutes_id: number
  person_id: number
  position: number
}

export interface SectionTable extends Row {
  minutes_id: number
  agenda_item_id: number | null
  number: number
  label: string
  title: string
  /** Null while the § reads its agenda item's summary (summary_from_item, 0040). */
  summary: string | null
  /** The § keeps no summary of its own: it is its agenda item's (0040; a trigger copies it before the item's changes). */
  summary_from_item: Flag
  decision: JsonText
  decision_procedure: string | null
  outcome: string
  confidential: Flag
  immediate_sign_off: Flag
  version: Generated<number>
  updated_at: Timestamp
}

/**
 * Who served at a §: no time of its own (0041: it is written before the § is signed off), keyed by
 * § and person; `position` is the order they were recorded in at the § (0042).
 */
export interface SectionServiceTable {
  section_id: number
  person_id: number
  party_id: number | null
  serving_for_person_id: number | null
  remote: Flag
  position: number
}

export interface RecusalTable extends Row {
  section_id: number
  person_id: number
  reason: string | null
}

export interface MotionTable extends Row {
  section_id: number
  position: number
  kind: string | null
  text: string
  points: JsonText
}

export interface VoteTable extends Row {
  section_id: number
  position: number
  kind: string
  question: string
  yes_means: string | null
  no_means: string | null
  yes_count: number
  no_count: number
  abstain_count: number
  outcome: string
  decided_by: string
  result: string | null
}

/** A candidate of a secret election between more than two, with their votes (0028). */
export interface VoteCandidateTable {
  id: Generated<number>
  vote_id: number
  position: number
  name: string
  votes: number
}

/** A row written once with its parent, and read only with it: no time of its own (0042). */
interface Keyed {
  id: Generated<number>
}

export interface BallotTable extends Keyed {
  vote_id: number
  person_id: number
  party_id: number | null
  choice: string
}

export interface DissentTable extends Row {
  section_id: number
  position: number
  text: string | null
}

export interface StatementTable extends Row {
  section_id: number
  position: number
  kind: string
  text: string | null
}

interface AuthorColumns extends Keyed {
  position: number
  person_id: number | null
  party_id: number | null
  and_others: Flag
}
export interface MotionAuthorTable extends AuthorColumns {
  motion_id: number
}
export interface DissentAuthorTable extends AuthorColumns {
  dissent_id: number
}
export interface StatementAuthorTable extends AuthorColumns {
  statement_id: number
}

export interface SignOffTable extends Row {
  minutes_id: number
  signed_off_on: string | null
  immediate: Flag
  status: string
  /** The scanned signed cover of a paper sign-off (0020), an archival document. */
  paper_document_id: ColumnType<number | null, number | null | undefined, number | null>
}

/** A signatory's comment on a § of the draft, to the secretary (never published). */
export interface SignatoryCommentTable extends Row {
  section_id: number
  sign_off_id: number
  person_id: number
  text: string
}

/** A signing with an e-legitimation under way, between the broker's redirect and its answer (0023). */
export interface SigningFlowTable {
  state: string
  sign_off_id: number
  person_id: number
  user_id: number
  verifier: string
  nonce: string
  expires_at: string
}

export interface SignOffSectionTable extends Keyed {
  sign_off_id: number
  section_id: number
}

export interface SignatureTable extends Row {
  sign_off_id: number
  person_id: number
  signed_at: string
  /** How it was signed (0020): password, oidc or paper. */
  method: ColumnType<string, string | undefined, string>
  /** JSON: an e-legitimation's issuer, claims (personnummer hashed) and times; null for a password. */
  evidence: ColumnType<string | null, string | null | undefined, string | null>
}

export interface NoticeTable extends Row {
  organisation_id: number
  kind: string
  meeting_id: number | null
  sign_off_id: number | null
  title: string
  kept_at: string | null
  posted_on: string
  removed_on: string
  last_appeal_day: string | null
  delegated_decision_id: Generated<number | null>
}

export interface DelegatedDecisionTable extends Row {
  committee_id: number
  matter_id: number | null
  title: string
  decision_maker: string
  delegation_point: string
  decided_on: string
  reported_in_agenda_item_id: number | null
  urgent: Flag
}

export interface RectificationTable extends Row {
  section_id: number
  reason: string
  before: string
  after: string
  rectified_on: string
  actor: string
}

/** The seal of a sign-off or a rectification: a SHA-256 chained in the committee's series (0016). */
export interface RecordSealTable extends Row {
  committee_id: number
  position: number
  minutes_id: number
  sign_off_id: number | null
  rectification_id: number | null
  public_digest: string
  salt: string
  sealed_digest: string
  previous_hash: string | null
  hash: string
}

export interface AppealTable extends Row {
  section_id: number
  received_on: string
  court: string
  case_number: string | null
}

/** A mail waiting to be sent, or sent (see migrations/0004-notice-mail.ts). */
export interface MailOutboxTable extends Row {
  to_address: string
  subject: string
  body_text: string
  meeting_id: number | null
  sent_at: string | null
  attempts: Generated<number>
  last_error: string | null
  next_attempt_at: string | null
  /** Extra mail headers as a JSON object (List-Unsubscribe, RFC 8058), or null. */
  headers: string | null
}

/** A sign-off reminder sent: at most one per minutes, stage and address (see migrations/0007-sign-off-reminders.ts). */
export interface SignOffReminderTable extends Row {
  minutes_id: number
  stage: string
  recipient: string
  sent_on: string
}

/** An address following a committee, a matter or the notice board (see migrations/0010-subscriptions.ts). */
export interface SubscriptionTable extends Row {
  email: string
  target_kind: string
  committee_id: number | null
  registry_number: string | null
  target_key: string
  confirm_token_hash: string | null
  confirm_requested_at: string
  confirmed_at: string | null
  unsubscribe_token: string
  /** A person followed (migrations/0026-alert-targets.ts). */
  person_id: number | null
  /** A saved search followed, as JSON (migrations/0026-alert-targets.ts). */
  search_query: string | null
}

/** An item mailed to a subscription: at most once each. */
export interface SubscriptionDeliveryTable extends Row {
  subscription_id: number
  item_key: string
}

/** A subscription request, by hashes only, for the rate limit. */
export interface SubscriptionRequestTable extends Row {
  email_hash: string
  ip_hash: string
  mailed: Flag
  requested_at: string
}

/** A visitor's feedback on accessibility, kept until 12 months after it is handled (see migrations/0008-accessibility-feedback.ts). */
export interface AccessibilityFeedbackTable extends Row {
  organisation_id: number
  page: string | null
  message: string
  sender_name: string | null
  reply_address: string | null
  received_at: Timestamp
  handled_at: string | null
  handled_by: string | null
  handling_note: string | null
}

export interface AuditEventTable extends Row {
  organisation_id: number | null
  actor: string
  action: string
  object_type: string
  object_id: number
  before: string | null
  after: string | null
}

/**
 * One public agenda item, signed-off § or attachment, as search sees it (see migrations/0002-search.ts).
 * On PostgreSQL the `*_words` columns hold the analysed words, with a generated `search_vector`; on
 * SQLite they are empty (0030) and the words are in the FTS5 tables search_fts (stems) and
 * search_entry_words, with the vocabulary in search_word, used only through raw SQL in domain/search.
 */
export interface SearchEntryTable {
  id: Generated<number>
  /** PostgreSQL only: SQLite dropped it (0031), nothing reads it. */
  created_at: Timestamp
  kind: string
  object_id: number
  meeting_id: number
  committee_id: number
  year: number
  meets_on: string
  published_on: string | null
  label: string | null
  anchor: string | null
  section_number: number | null
  title: string
  body: string
  title_words: string
  body_words: string
  /** SQLite (0031): the search_text row holding the text, deflated; `body` is then empty. No column on PostgreSQL. */
  text_id: number | null
}

/** SQLite (0031): the texts of some entries of one meeting, deflate-raw of JSON from "kind:objectId" to text. */
export interface SearchTextTable {
  id: Generated<number>
  text: Buffer
}

export interface UserAccountTable extends Row {
  /** Always lower case. */
  email: string
  name: string
  /** argon2id, in the PHC string format. */
  password_hash: string
  person_id: number | null
  disabled: Flag
  password_changed_at: Timestamp
  /** The organisation whose administrator opened the account; null from the command line. */
  organisation_id: number | null
  last_signed_in_at: string | null
  /** A handed-out password: every workspace page leads to changing it (0027). */
  must_change_password: Flag
  /** TOTP (RFC 6238) as a second factor: the base32 secret, once confirmed with a code. */
  totp_secret: string | null
  /** A secret shown for enrolment and not yet confirmed with a code. */
  totp_pending_secret: string | null
  totp_enabled_at: string | null
  /** The last time step (30 s) whose code was accepted: no code counts twice. */
  totp_last_step: number | null
}

/** A sign-in through the organisation's identity provider under way (0027). */
export interface SignInFlowTable {
  state: string
  verifier: string
  nonce: string
  return_to: string
  expires_at: string
}

/** A sign-in whose password was right, waiting for its second factor (0027). */
export interface SignInChallengeTable {
  /** SHA-256 (hex) of the token in the cookie. */
  id: string
  user_id: number
  return_to: string
  expires_at: string
}

export interface RoleGrantTable extends Row {
  user_id: number
  role: string
  organisation_id: number
  /** null: the whole organisation. */
  committee_id: number | null
}

export interface SessionTable {
  /** SHA-256 (hex) of the token in the cookie. */
  id: string
  user_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
  /** How the user signed in: password, password+totp or oidc (0028). */
  method: Generated<string>
}

export interface LoginAttemptTable {
  id: Generated<number>
  created_at: Timestamp
  email: string
  ip: string
  at: string
  succeeded: Flag
}

export interface SearchEntryPartyTable {
  search_entry_id: number
  party: string
}

/** What the public sees of one object, decided when it last changed (migration 0024). */
export interface PublicObjectTable {
  kind: string
  object_id: number
  organisation_id: number
  scope: string
  public: Flag
  /** SHA-256 of the public form, its 32 bytes (0039); null while it is not public. */
  digest: Buffer | null
  first_public_at: string
  modified_at: string
  seq: number
}

/** The public form of an object as it was decided (0033): deflated JSON, for kinds whose reads are heavy. */
export interface PublicFormTable {
  kind: string
  object_id: number
  /** The version of the code that took the form (keptFormVersion): another version is not served. */
  version: number
  /** The first day the form is the day's form (an appeal period runs out before it); null: any day. */
  steady_from: string | null
  form: Buffer
}

/** A person's or party's act in a public §, keyed as their record is ordered (0035). */
export interface PublicActivityTable {
  kind: 'motion' | 'dissent' | 'statement' | 'ballot'
  /** The author row (motion_author, dissent_author, statement_author) or the ballot. */
  ref_id: number
  meeting_id: number
  person_id: number | null
  party_id: number | null
  meets_on: string
  section_number: number
  position: number
}

/** A seat held, or a substitute's service, at a meeting with public minutes (0035). */
export interface PublicAttendanceTable {
  meeting_id: number
  kind: 'seat' | 'served'
  person_id: number
  party_id: number | null
  present: number
}

/** A person's or party's attendance over all public minutes, kept as the minutes change (0035). */
export interface PublicAttendanceTotalTable {
  owner: 'person' | 'party'
  owner_id: number
  meetings: number
  present: number
  served: number
}

/** The public change log: an object appeared, changed or vanished, in commit order. */
export interface PublicChangeTable {
  seq: Generated<number>
  kind: string
  object_id: number
  organisation_id: number
  action: 'appeared' | 'changed' | 'vanished'
  changed_at: string
}

/** A URL an organisation's administrator registered for the public change log (migration 0025). */
export interface WebhookTable {
  id: Generated<number>
  organisation_id: number
  url: string
  secret: string
  created_at: Timestamp
  created_by: string
  after_seq: number
}

/** One change of the log on its way to one webhook: pending, delivered, or dead (migration 0025). */
export interface WebhookDeliveryTable {
  id: Generated<number>
  webhook_id: number
  seq: number
  body: string
  created_at: Timestamp
  state: Generated<'pending' | 'delivered' | 'dead'>
  attempts: Generated<number>
  next_attempt_at: string | null
  delivered_at: string | null
  last_attempt_at: string | null
  last_status: number | null
  last_error: string | null
}

export interface Database {
  organisation: OrganisationTable
  committee: CommitteeTable
  term: TermTable
  party: PartyTable
  person: PersonTable
  membership: MembershipTable
  meeting: MeetingTable
  matter: MatterTable
  agenda_item: AgendaItemTable
  agenda_item_change: AgendaItemChangeTable
  document: DocumentTable
  attachment: AttachmentTable
  attendance: AttendanceTable
  minutes: MinutesTable
  signatory: SignatoryTable
  section: SectionTable
  section_service: SectionServiceTable
  recusal: RecusalTable
  motion: MotionTable
  motion_author: MotionAuthorTable
  vote: VoteTable
  ballot: BallotTable
  vote_candidate: VoteCandidateTable
  dissent: DissentTable
  dissent_author: DissentAuthorTable
  statement: StatementTable
  statement_author: StatementAuthorTable
  sign_off: SignOffTable
  sign_off_section: SignOffSectionTable
  signature: SignatureTable
  signatory_comment: SignatoryCommentTable
  signing_flow: SigningFlowTable
  sign_in_flow: SignInFlowTable
  sign_in_challenge: SignInChallengeTable
  notice: NoticeTable
  audit_event: AuditEventTable
  mail_outbox: MailOutboxTable
  sign_off_reminder: SignOffReminderTable
  subscription: SubscriptionTable
  subscription_delivery: SubscriptionDeliveryTable
  subscription_request: SubscriptionRequestTable
  accessibility_feedback: AccessibilityFeedbackTable
  delegated_decision: DelegatedDecisionTable
  rectification: RectificationTable
  record_seal: RecordSealTable
  appeal: AppealTable
  search_entry: SearchEntryTable
  search_entry_party: SearchEntryPartyTable
  search_text: SearchTextTable
  user_account: UserAccountTable
  role_grant: RoleGrantTable
  session: SessionTable
  login_attempt: LoginAttemptTable
  public_object: PublicObjectTable
  public_change: PublicChangeTable
  public_form: PublicFormTable
  public_activity: PublicActivityTable
  public_attendance: PublicAttendanceTable
  public_attendance_total: PublicAttendanceTotalTable
  webhook: WebhookTable
  webhook_delivery: WebhookDeliveryTable
}

export type Selected<T extends keyof Database> = Selectable<Database[T]>
export type NewRow<T extends keyof Database> = Insertable<Database[T]>
