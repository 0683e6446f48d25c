import type { DocumentJson, Item } from '../../src/domain/publication/document-json.ts'

// A protocol signed off and published elsewhere, with personal identity numbers in its texts: the
// import takes it as it stands, and no public page, feed, export or API may show a number (P3).

/** A valid personnummer (Luhn) of nobody in the test data. */
export const testIdentityNumber = '811218-9876'

/** Any personnummer as a published text would hold it, with or without the century. */
export const anyIdentityNumber = /\b(\d{2})?\d{6}[-+]\d{4}\b/

/** The committee's minutes of 5 March 2024 with these §§, signed off and announced on 8 March. */
export function protocolWithIdentityNumbers(committee: string, items: Item[]): DocumentJson {
  const slug = committee.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/å/g, 'a')
  return {
    kind: 'minutes',
    source: { file: `protokoll-${slug}.txt`, format: 'text' },
    committee,
    meeting: { date: '2024-03-05', start: '18:00', location: 'Stadshuset' },
    items,
    signOffs: [{ sections: items.map((i) => i.section as number), date: '2024-03-08' }],
    noticePosted: '2024-03-08',
    warnings: [],
  }
}
