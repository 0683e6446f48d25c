export type MinutesStatus = 'draft' | 'awaiting_sign_off' | 'signed_off'

/** The protokoll of one meeting. A draft until signed off; only then a public document (TF 2:10). */
export interface Minutes {
  id: number
  meetingId: number
  status: MinutesStatus
  chairPersonId: number | null
  secretaryPersonId: number | null
  signOffPlace: string | null
  signOffPlannedOn: string | null
  /** Where the signed-off minutes are kept, as the notice must say (KL 8:12). */
  keptAt: string | null
  publishedAt: string | null
  /** When the chair declared the meeting closed: dissents are announced before it (KL 4:27). */
  meetingClosedAt: string | null
  version: number
}

/** What became of the matter at this §. Tabled and referred-back matters go to a later meeting (B5). */
export type SectionOutcome = 'decided' | 'tabled' | 'referred_back' | 'noted'

/**
 * The words for a §'s outcome, once: `result` as OParl's AgendaItem.result and the document JSON
 * (lower case) say it; `sentence` as the printed protocol says it under the § (a decided or noted §
 * says its decision instead).
 */
export const sectionOutcomeWords: Record<SectionOutcome, { result: string; sentence?: string }> = {
  decided: { result: 'Beslutat' },
  noted: { result: 'Antecknat' },
  tabled: { result: 'Bordlagt', sentence: 'Ärendet bordlades.' },
  referred_back: { result: 'Återremitterat', sentence: 'Ärendet återremitterades.' },
}

/** One paragraf (§) of the minutes. */
export interface Section {
  id: number
  minutesId: number
  agendaItemId: number | null
  number: number
  /** The number as printed under the committee's scheme: "§ 5", "§ 63/20", "KS § 136". */
  label: string
  title: string
  summary: string | null
  /** The decision points (att-satser), in order. */
  decision: string[]
  decisionProcedure: string | null
  outcome: SectionOutcome
  confidential: boolean
  immediateSignOff: boolean
  version: number
}

/** A person or a whole party group standing behind a motion, dissent or statement, as printed. */
export interface Author {
  personId: number | null
  partyId: number | null
  /** "Anders Göransson m.fl. (S)". */
  andOthers: boolean
}

export type MotionKind = 'approve' | 'reject' | 'amend' | 'add' | 'refer_back' | 'table'

/** A yrkande made at the meeting and not withdrawn (KL 5:67 p. 2). */
export interface Motion {
  id: number
  sectionId: number
  position: number
  kind: MotionKind | null
  text: string
  points: string[]
  authors: Author[]
}

/** A reservation against the decision (KL 4:27). */
export interface Dissent {
  id: number
  sectionId: number
  position: number
  text: string | null
  authors: Author[]
}

/** A särskilt uttalande, protokollsanteckning, ersättaryttrande …: the kinds are local (M5). */
export interface Statement {
  id: number
  sectionId: number
  position: number
  kind: string
  text: string | null
  authors: Author[]
}

/** Jäv: the member may neither take part nor be present for the matter (KL 6:28). */
export interface Recusal {
  sectionId: number
  personId: number
  reason: string | null
}

/** Who served (tjänstgjorde) at a §: a member, or a substitute serving for an absent member. */
export interface Service {
  sectionId: number
  personId: number
  partyId: number | null
  servingForPersonId: number | null
  remote: boolean
}

export function isPoints(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}
