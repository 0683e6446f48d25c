import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Block } from './block.ts'
import { textToBlocks } from './text-blocks.ts'
import { readVotes } from './votes.ts'

describe('readVotes', () => {
  it('reads ballots by column position when a PDF keeps the layout', () => {
    const blocks = textToBlocks([
      'Ja-röst för förslaget, nej-röst för avslag.',
      'Ledamot              Ja    Nej   Avstår',
      'Anna Berg (S)        X',
      'Per Holm (M)               X',
      'Eva Ek (C)                       X',
    ])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual(
      vote?.ballots?.map((b) => b.vote),
      ['ja', 'nej', 'avstår'],
    )
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [1, 1, 1])
  })

  it('warns when the columns are lost', () => {
    const warnings: string[] = []
    const blocks: Block[] = [
      { text: 'Ledamot Ja Nej Avstår', line: 10, style: 'text' },
      { text: 'Anna Berg (S) X', line: 11, style: 'text' },
    ]
    const votes = readVotes(blocks, (line, msg) => warnings.push(`line ${line}: ${msg}`))
    assert.equal(votes.length, 0)
    assert.match(warnings[0] ?? '', /^line 11: a vote table could not be read/)
  })

  it('reads counts from a result sentence', () => {
    const blocks: Block[] = [
      {
        text: 'Med 8 ja-röster mot 5 nej-röster och 2 avstår beslutar nämnden enligt förslaget.',
        line: 1,
        style: 'text',
      },
    ]
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [8, 5, 2])
  })

  it('reads the counts of a vote list flattened onto one line from its Summa row', () => {
    const blocks = textToBlocks([
      'Omröstningslista Ledamöter Ja Nej Avstår Anna Berg (S) X Per Holm (M) X Eva Lind (V) X Summa 7 4 2',
    ])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [7, 4, 2])
  })

  it('reads "2 som avstår" in a result sentence', () => {
    const blocks = textToBlocks(['Omröstningen utfaller med 7 ja-röster, 4 nej-röster och 2 som avstår.'])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [7, 4, 2])
  })
})
