import type { SectionRecord } from '../minutes/minutes-record.ts'
import { findPersonalIdentityNumbers } from './personal-identity-number.ts'
import { PersonalIdentityNumbersFoundError, type PublicTextFinding } from './personal-identity-number-scan.ts'

// Signed-off §§ are a public document at once (TF 2:10) and go on the portal the moment the last
// signatory signs, so every text the public would see of them is scanned for personal identity
// numbers before anyone signs (P3; GDPR art. 87, OSL 21:7). A confidential § is shown only by its
// number and a neutral title (publicMinutesRecord), so its texts are not public and not scanned.

/** A personal identity number in a public text of a §: the § it is in, for a link to its editor. */
export interface SectionFinding extends PublicTextFinding {
  sectionId: number
  sectionNumber: number
}

/** Which public texts of which §§ hold a personal identity number; the places are in Swedish. */
export function scanSectionsForPersonalIdentityNumbers(sections: readonly SectionRecord[]): SectionFinding[] {
  const findings: SectionFinding[] = []
  for (const entry of sections) {
    const { section } = entry
    if (section.confidential) continue
    const scan = (place: string, text: string | null | undefined) => {
      for (const { line, column } of findPersonalIdentityNumbers(text ?? '')) {
        findings.push({
          place: `${section.label}, ${place}, rad ${line}`,
          sectionId: section.id,
          sectionNumber: section.number,
          line,
          column,
        })
      }
    }
    for (const [place, text] of publicTextsOf(entry)) scan(place, text)
  }
  return findings
}

/** Refuses with every place named, and never the number, when a public text of the §§ holds one. */
export function assertNoPersonalIdentityNumbersInSections(sections: readonly SectionRecord[]): void {
  const findings = scanSectionsForPersonalIdentityNumbers(sections)
  if (findings.length > 0) throw new PersonalIdentityNumbersFoundError<SectionFinding>(findings)
}

/** The texts of a non-confidential § the portal shows, in the order it shows them, named in Swedish. */
function publicTextsOf(entry: SectionRecord): Array<[string, string | null]> {
  const { section, motions, votes, dissents, statements, recusals, rectifications } = entry
  const texts: Array<[string, string | null]> = [
    ['rubrik', section.title],
    ['sammanfattning', section.summary],
  ]
  section.decision.forEach((point, i) => {
    texts.push([`beslut punkt ${i + 1}`, point])
  })
  motions.forEach((motion, i) => {
    texts.push([`yrkande ${i + 1}`, motion.text])
    motion.points.forEach((point, j) => {
      texts.push([`yrkande ${i + 1} punkt ${j + 1}`, point])
    })
  })
  texts.push(['beslutsordning', section.decisionProcedure])
  votes.forEach((vote, i) => {
    const label = `omröstning ${i + 1}`
    texts.push(
      [`${label}, fråga`, vote.question],
      [`${label}, ja-röst för`, vote.yesMeans],
      [`${label}, nej-röst för`, vote.noMeans],
      [`${label}, resultat`, vote.result],
    )
  })
  dissents.forEach((dissent, i) => {
    texts.push([`reservation ${i + 1}`, dissent.text])
  })
  // Statements are numbered within their kind, as the clerk sees them: "protokollsanteckning 2".
  const ofKind = new Map<string, number>()
  for (const statement of statements) {
    const n = (ofKind.get(statement.kind) ?? 0) + 1
    ofKind.set(statement.kind, n)
    texts.push([`${statement.kind} ${n}`, statement.text])
  }
  recusals.forEach((recusal, i) => {
    texts.push([`jäv ${i + 1}, skäl`, recusal.reason])
  })
  rectifications.forEach((rectification, i) => {
    texts.push([`rättelse ${i + 1}, skäl`, rectification.reason])
  })
  return texts
}
