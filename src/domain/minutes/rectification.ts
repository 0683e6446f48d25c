/** What a rectification may change in a signed-off §: its written text, never who took part or voted. */
export interface SectionText {
  title: string
  summary: string | null
  decision: string[]
  decisionProcedure: string | null
}

/**
 * A recorded, visible correction of a signed-off § (rättelse): the minutes are a public document
 * from sign-off (TF 2:10), so a slip is corrected openly, never silently (FL 36 §).
 */
export interface Rectification {
  id: number
  sectionId: number
  reason: string
  before: SectionText
  after: SectionText
  rectifiedOn: string
  actor: string
}
