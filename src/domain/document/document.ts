/** What a document is: the officer's report, an attachment, the protocol itself … */
export type DocumentKind =
  | 'tjansteutlatande'
  | 'bilaga'
  | 'protokoll'
  | 'kallelse'
  | 'skrivelse'
  | 'remiss'
  | 'ovrigt'

export const documentKindLabels: Record<DocumentKind, string> = {
  tjansteutlatande: 'Tjänsteutlåtande',
  bilaga: 'Bilaga',
  protokoll: 'Protokoll',
  kallelse: 'Kallelse',
  skrivelse: 'Skrivelse',
  remiss: 'Remiss',
  ovrigt: 'Handling',
}

/** A handling: a stored file, or a link to where the municipality published it. */
export interface Document {
  id: number
  organisationId: number
  title: string
  kind: DocumentKind
  storageKey: string | null
  sourceUrl: string | null
  sha512: string | null
  mimeType: string | null
  sizeBytes: number | null
  confidential: boolean
  confidentialityGround: string | null
  extractedText: string | null
  datedOn: string | null
  replacesDocumentId: number | null
}
