import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  addScores,
  emptyScore,
  type Facts,
  type Score,
  scoreDocument,
} from '../../src/import/corpus-score.ts'
import { parseDocument } from '../../src/import/parse-document.ts'

export const corpusDir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

export interface DocumentScore {
  name: string
  refused?: string
  score: Score
}

/** Parses every corpus document with the function `paragraf parse` uses and scores it. */
export async function scoreCorpus(): Promise<{ documents: DocumentScore[]; total: Score }> {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort()
  const documents: DocumentScore[] = []
  const total = emptyScore()
  for (const name of names) {
    const facts = JSON.parse(readFileSync(path.join(corpusDir, `${name}.facts.json`), 'utf8')) as Facts
    const bytes = readFileSync(path.join(corpusDir, `${name}.txt`))
    const outcome = await parseDocument({ bytes, fileName: `${name}.txt` })
    const score = scoreDocument(facts, outcome.ok ? outcome.document : undefined)
    addScores(total, score)
    documents.push(outcome.ok ? { name, score } : { name, refused: outcome.reason, score })
  }
  return { documents, total }
}

export function recordedScore(): { recall: number } {
  return JSON.parse(readFileSync(path.join(corpusDir, 'score.json'), 'utf8')) as { recall: number }
}
