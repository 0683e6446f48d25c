import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { recall } from '../src/import/corpus-score.ts'
import { recordedScore, scoreCorpus } from './support/corpus.ts'

// The importer on real published documents (test/fixtures/corpus): the share of hand-annotated facts
// it recovers must not fall below the figure recorded in score.json.
describe('the corpus of published documents', () => {
  it('scores at least the recorded recall, refusing no document with a cover page', async () => {
    const { documents, total } = await scoreCorpus()
    for (const d of documents) {
      const r = recall(d.score)
      console.log(`${d.name}: ${r.found}/${r.total}${d.refused ? ` (refused: ${d.refused})` : ''}`)
    }
    const all = recall(total)
    console.log(`total: ${all.found}/${all.total} = ${(100 * all.ratio).toFixed(1)} %`)
    assert.ok(documents.length >= 40, `${documents.length} documents`)
    const recorded = recordedScore().recall
    assert.ok(all.ratio >= recorded, `recall ${all.ratio.toFixed(4)} fell below the recorded ${recorded}`)
    assert.deepEqual(
      documents.filter((d) => d.refused).map((d) => d.name),
      [],
    )
  })
})
