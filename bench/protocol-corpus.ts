// The corpus the import and export benchmarks store: protocols made from the fixtures (seed 002
// and two other councils' protocols), each copy moved to its own meeting day with its own registry
// numbers, as in a city's archive.
import { readFileSync } from 'node:fs'
import type { DocumentJson } from '../src/domain/publication/document-json.ts'
import { addDays } from '../src/domain/shared/calendar-date.ts'
import { parseDocument } from '../src/import/parse-document.ts'

const fixtures = [
  '002_02371675939a916f.txt',
  'kommunstyrelsen-2024-02-27.txt',
  'bygg-och-miljonamnden-2023-05-10.md',
]

/** The parsed fixtures the corpus is made from. */
export async function loadProtocolTemplates(): Promise<DocumentJson[]> {
  const templates: DocumentJson[] = []
  for (const name of fixtures) {
    const bytes = readFileSync(new URL(`../test/fixtures/documents/${name}`, import.meta.url))
    const outcome = await parseDocument({ bytes, fileName: name })
    if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`)
    templates.push(outcome.document)
  }
  return templates
}

/** Copy n of a template: its meeting n weeks on, its sign-offs and notice moved alike, its Dnr made unique. */
export function protocolVariant(templates: readonly DocumentJson[], n: number): DocumentJson {
  const template = templates[n % templates.length] as DocumentJson
  const shift = 7 * Math.floor(n / templates.length)
  const move = (date: string | undefined) => (date ? addDays(date, shift) : undefined)
  const copy = structuredClone(template)
  copy.meeting = { ...copy.meeting, ...(copy.meeting?.date ? { date: move(copy.meeting.date) } : {}) }
  copy.signOffs = copy.signOffs?.map((s) => ({ ...s, ...(s.date ? { date: move(s.date) } : {}) }))
  if (copy.noticePosted) copy.noticePosted = move(copy.noticePosted)
  delete copy.noticeRemoved
  delete copy.appealDeadline
  copy.items = copy.items.map((item) => ({
    ...item,
    registryNumbers: item.registryNumbers?.map((r) => `${r}-${n}`),
  }))
  return copy
}
