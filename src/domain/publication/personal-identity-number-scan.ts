import type { AgendaEntry } from '../agenda/agenda.service.ts'
import { InvalidStateError } from '../shared/errors.ts'
import { findPersonalIdentityNumbers } from './personal-identity-number.ts'
import { publicAgenda } from './public-agenda.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    personal_identity_numbers_in_public_text: undefined
  }
}

// Before anything is published, every text the public would see is scanned for personal identity
// numbers (P3; GDPR art. 87, OSL 21:7). The scan reads the agenda through publicAgenda, so it looks
// at exactly what would be published: confidential items and documents are not public and not
// scanned; a confidential item's neutral title and its heading are.

/** One personal identity number in a public text, and where it is. */
export interface PublicTextFinding {
  /** Where, in Swedish, for the clerk: "Punkt 5, sammanfattning, rad 3". */
  place: string
  line: number
  column: number
  // The number itself is left out on purpose: findings end up in error messages and logs.
}

/** A finding in the agenda of a notice: the item and the document it is in, for links. */
export interface PersonalIdentityNumberFinding extends PublicTextFinding {
  agendaItemId: number | null
  documentId: number | null
}

/** A public text beside the agenda (the place of the meeting, the reason for a late notice). */
export interface PublicText {
  place: string
  text: string | null | undefined
}

/** Which public fields of which agenda items, and which public documents, hold a personal identity number. */
export function scanForPersonalIdentityNumbers(
  agenda: readonly AgendaEntry[],
  otherTexts: readonly PublicText[] = [],
): PersonalIdentityNumberFinding[] {
  const findings: PersonalIdentityNumberFinding[] = []
  const scan = (
    place: string,
    text: string | null | undefined,
    ids: { item?: number; document?: number },
  ) => {
    for (const { line, column } of findPersonalIdentityNumbers(text ?? '')) {
      findings.push({
        place: `${place}, rad ${line}`,
        agendaItemId: ids.item ?? null,
        documentId: ids.document ?? null,
        line,
        column,
      })
    }
  }
  for (const { item, attachments } of publicAgenda(agenda)) {
    const label = `Punkt ${item.number ?? item.position}`
    const ids = { item: item.id }
    scan(`${label}, avsnittsrubrik`, item.heading, ids)
    scan(`${label}, rubrik`, item.title, ids)
    scan(`${label}, sammanfattning`, item.summary, ids)
    item.proposal.forEach((point, i) => {
      scan(`${label}, förslag till beslut punkt ${i + 1}`, point, ids)
    })
    for (const document of attachments) {
      const documentIds = { item: item.id, document: document.id }
      scan(`${label}, bilagans namn ”${document.title}”`, document.title, documentIds)
      scan(`${label}, bilagan ”${document.title}”`, document.extractedText, documentIds)
    }
  }
  for (const { place, text } of otherTexts) scan(place, text, {})
  return findings
}

/** Publication refused: personal identity numbers in public texts. `findings` says where, for the form. */
export class PersonalIdentityNumbersFoundError<
  Finding extends PublicTextFinding = PersonalIdentityNumberFinding,
> extends InvalidStateError {
  constructor(readonly findings: readonly Finding[]) {
    super(
      'personal_identity_numbers_in_public_text',
      `personal identity numbers must not be published (P3, GDPR): ${findings.map((f) => f.place).join('; ')}`,
    )
  }
}

/** Throws PersonalIdentityNumbersFoundError listing every place, if the scan finds anything. */
export function assertNoPersonalIdentityNumbers(
  agenda: readonly AgendaEntry[],
  otherTexts: readonly PublicText[] = [],
): void {
  const findings = scanForPersonalIdentityNumbers(agenda, otherTexts)
  if (findings.length > 0) throw new PersonalIdentityNumbersFoundError(findings)
}
