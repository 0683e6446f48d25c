// Prints the importer's score on the corpus of real documents (test/fixtures/corpus) as a Markdown
// table: recall per document and per kind of fact. `node --import tsx scripts/corpus-score.ts`
import { FACT_KINDS, recall } from '../src/import/corpus-score.ts'
import { scoreCorpus } from '../test/support/corpus.ts'

const percent = (found: number, total: number) =>
  total === 0 ? '–' : `${Math.round((100 * found) / total)} %`

const { documents, total } = await scoreCorpus()
console.log('| Document | Facts | Found | Recall |')
console.log('| --- | ---: | ---: | ---: |')
for (const d of documents) {
  const r = recall(d.score)
  console.log(
    `| ${d.name}${d.refused ? ' (refused)' : ''} | ${r.total} | ${r.found} | ${percent(r.found, r.total)} |`,
  )
}
const all = recall(total)
console.log(
  `| **All ${documents.length} documents** | ${all.total} | ${all.found} | ${percent(all.found, all.total)} |`,
)
console.log('\n| Fact | Facts | Found | Recall |')
console.log('| --- | ---: | ---: | ---: |')
for (const k of FACT_KINDS) {
  const t = total[k]
  if (t.total > 0) console.log(`| ${k} | ${t.total} | ${t.found} | ${percent(t.found, t.total)} |`)
}
