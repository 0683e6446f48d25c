// The Document JSON printed by `paragraf parse` and served for published meetings (docs/document-json.md;
// the parser's additions: src/import/README.md).
// A public interface: keep the names. Fields the document does not state are left out.

export type DocumentKind = 'agenda' | 'minutes'
export type SourceFormat = 'portal-text' | 'markdown' | 'html' | 'pdf' | 'text'

export type AttendanceRole =
  | 'ordförande'
  | 'vice ordförande'
  | 'ledamot'
  | 'ersättare'
  | 'tjänstgörande ersättare'
  | 'tjänsteperson'
  | 'övrig'

export type StatementKind =
  | 'särskilt uttalande'
  | 'protokollsanteckning'
  | 'ersättaryttrande'
  | 'särskilt yttrande'
export type BallotVote = 'ja' | 'nej' | 'avstår'

export interface DocumentSource {
  file: string
  format: SourceFormat
}

export interface Meeting {
  date?: string
  start?: string
  end?: string
  location?: string
}

export interface SectionRange {
  first: number
  last: number
}

export interface SignOff {
  sections: number[]
  date?: string
}

export interface Attendee {
  name: string
  party?: string
  role: AttendanceRole
  title?: string
  present: boolean
  servingFor?: string
  /** Addition: the §§ the person served in, when the minutes limit it ("§§ 28–49, 51–52"). */
  sections?: number[]
  /** Addition: §§ the person did not serve in ("ej § 13"). */
  sectionsNotServed?: number[]
  /** Addition: §§ the person served in only in part ("ej del av § 53"). */
  sectionsPartlyServed?: number[]
}

/** A person or a group as printed: "Anna Berg m.fl. (S)", "(M)". */
export interface Actor {
  name?: string
  party?: string
  andOthers?: true
}

export interface Attachment {
  title: string
  href?: string
}

export interface Motion {
  by: Actor[]
  text: string
  points?: string[]
}

export interface Ballot {
  name: string
  party?: string
  vote: BallotVote
}

export interface Vote {
  question?: string
  yes?: number
  no?: number
  abstain?: number
  ballots?: Ballot[]
  /** Addition: a secret election between candidates, each candidate's votes in the order given. */
  candidates?: CandidateVotes[]
  /** Addition: with candidates, the blank ballots (also in abstain) … */
  blank?: number
  /** … and the candidate elected (yes: their votes; no: the others' together). */
  elected?: string
  result?: string
}

export interface CandidateVotes {
  name: string
  votes: number
}

export interface Dissent {
  by: Actor[]
  text: string
}

export interface Statement {
  kind: StatementKind
  by: Actor[]
  text: string
}

export interface Recusal {
  name: string
  party?: string
}

export interface Item {
  number?: string
  section?: number
  title?: string
  heading?: string
  registryNumbers?: string[]
  summary?: string
  proposal?: string[]
  decision?: string[]
  officerReportDate?: string
  /** Addition: the presenter (föredragande) an agenda names for the item. */
  presenter?: string
  attachments?: Attachment[]
  immediateSignOff?: true
  confidential?: true
  decisionProcedure?: string
  motions?: Motion[]
  votes?: Vote[]
  dissents?: Dissent[]
  statements?: Statement[]
  recusals?: Recusal[]
}

export interface DocumentJson {
  kind: DocumentKind
  source: DocumentSource
  organisation?: string
  committee?: string
  meeting?: Meeting
  sections?: SectionRange
  chair?: string
  secretary?: string
  signatories?: string[]
  signOffs?: SignOff[]
  noticePosted?: string
  noticeRemoved?: string
  appealDeadline?: string
  /** Addition: false when a portal page says "Inget protokoll har publicerats". */
  minutesPublished?: false
  attendance?: Attendee[]
  items: Item[]
  warnings: string[]
}
