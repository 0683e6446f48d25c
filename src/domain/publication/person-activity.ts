import type { Queryable } from '../../db/database.ts'
import type { Person } from '../person/person.ts'
import { ballotChoiceLabels } from '../vote/vote.ts'
import { type PublicSectionRef, readPersonRecord } from './person-record.ts'

/** One thing a person did on the public record: a motion, dissent, statement or ballot at a § . */
export interface PersonActivity {
  /** Stable name: 'motion:12', 'dissent:3', 'statement:8', 'ballot:41'. */
  key: string
  kind: 'motion' | 'dissent' | 'statement' | 'ballot'
  /** "Yrkande", "Reservation", "Protokollsanteckning", "Röst". */
  heading: string
  /** What was said, or how the vote went; plain text, personnummer masked. */
  text: string
  section: PublicSectionRef
}

const capitalised = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)

/**
 * What a person did in signed-off, non-confidential §§ (TF 2:10, OSL), newest meeting first: the
 * first page of each list of their public record (readPersonRecord, which applies the disclosure
 * rules and masks personnummer), so at most a bounded number whatever the archive. Undefined for
 * an unknown person.
 */
export async function readPersonActivity(
  db: Queryable,
  slug: string,
): Promise<{ person: Person; activity: PersonActivity[] } | undefined> {
  const found = await readPersonRecord(db, slug, 1)
  if (!found) return undefined
  const { record } = found
  const activity: PersonActivity[] = [
    ...record.motions.map((m) => ({
      key: `motion:${m.id}`,
      kind: 'motion' as const,
      heading: 'Yrkande',
      text: m.text ?? '',
      section: m,
    })),
    ...record.dissents.map((d) => ({
      key: `dissent:${d.id}`,
      kind: 'dissent' as const,
      heading: 'Reservation',
      text: d.text ?? '',
      section: d,
    })),
    ...record.statements.map((s) => ({
      key: `statement:${s.id}`,
      kind: 'statement' as const,
      heading: s.kind ? capitalised(s.kind) : 'Uttalande',
      text: s.text ?? '',
      section: s,
    })),
    ...record.ballots.map((b) => ({
      key: `ballot:${b.id}`,
      kind: 'ballot' as const,
      heading: 'Röst',
      text: `${b.question} Röstade ${ballotChoiceLabels[b.choice]}; utfall ${b.yes} ja, ${b.no} nej, ${b.abstain} avstår.`,
      section: b,
    })),
  ]
  activity.sort(
    (a, b) =>
      b.section.meetsOn.localeCompare(a.section.meetsOn) ||
      a.section.sectionNumber - b.section.sectionNumber ||
      a.key.localeCompare(b.key),
  )
  return { person: found.person, activity }
}
