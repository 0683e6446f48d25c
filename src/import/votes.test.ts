import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Block } from './block.ts'
import { markdownToBlocks } from './markdown-blocks.ts'
import { parseDocument } from './parse-document.ts'
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
    assert.match(warnings[0] ?? '', /^line 11: en omröstningslista gick inte att läsa/)
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

// The omröstningslista as municipalities print it (kommunallagen 5 kap. 58 §, 6 kap. 33 §: an open
// vote records how each member voted): one row per member with Ja, Nej, Avstår and, often, a
// Frånvarande column; as a table, as rows with the vote spelt out, or as lists per choice.
describe('readVotes: the omröstningslista in its national shapes', () => {
  const brief = (blocks: Block[]) => {
    const [vote] = readVotes(blocks, () => {})
    return {
      counts: [vote?.yes, vote?.no, vote?.abstain],
      ballots: vote?.ballots?.map((b) => `${b.name}${b.party ? ` (${b.party})` : ''} ${b.vote}`),
    }
  }

  it('reads a table with Ja, Nej, Avstår and Frånvarande columns; the absent cast no ballot', () => {
    const blocks = markdownToBlocks(
      [
        '| Ledamot | Parti | Ja | Nej | Avstår | Frånvarande |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Anna Berg | S | X | | | |',
        '| Per Holm | M | | X | | |',
        '| Eva Lind | V | | | X | |',
        '| Olle Ek | C | | | | X |',
        '| Summa | | 1 | 1 | 1 | 1 |',
      ].join('\n'),
    )
    assert.deepEqual(brief(blocks), {
      counts: [1, 1, 1],
      ballots: ['Anna Berg (S) ja', 'Per Holm (M) nej', 'Eva Lind (V) avstår'],
    })
  })

  it('reads rows with the vote spelt out, "Frånvarande" casting none', () => {
    const blocks = textToBlocks([
      'Omröstningslista',
      'Anna Berg (S) Ja',
      'Per Holm (M) Nej',
      'Eva Lind (V) Avstår',
      'Olle Ek (C) Frånvarande',
    ])
    assert.deepEqual(brief(blocks), {
      counts: [1, 1, 1],
      ballots: ['Anna Berg (S) ja', 'Per Holm (M) nej', 'Eva Lind (V) avstår'],
    })
  })

  it('reads "Följande ledamöter röstar JA:" lists, on the same line or the lines after', () => {
    const blocks = textToBlocks([
      'Följande ledamöter röstar JA: Anna Berg (S), Per Holm (M)',
      'Följande ledamöter röstar NEJ:',
      'Eva Lind (V)',
      'Olle Ek (C)',
      'Följande ledamöter avstår från att rösta:',
      'Karin Ström (KD)',
      'Med 2 ja-röster mot 2 nej-röster och 1 som avstår beslutar nämnden enligt ordförandens utslagsröst.',
    ])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual(
      vote?.ballots?.map((b) => `${b.name} ${b.vote}`),
      ['Anna Berg ja', 'Per Holm ja', 'Eva Lind nej', 'Olle Ek nej', 'Karin Ström avstår'],
    )
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [2, 2, 1])
  })

  it('reads column positions with a Frånvarande column: a cross there is no ballot', () => {
    const blocks = textToBlocks([
      'Ledamot              Ja    Nej   Avstår   Frånvarande',
      'Anna Berg (S)        X',
      'Per Holm (M)               X',
      'Eva Ek (C)                                 X',
    ])
    assert.deepEqual(brief(blocks), { counts: [1, 1, 0], ballots: ['Anna Berg (S) ja', 'Per Holm (M) nej'] })
  })

  it('reads the Summa row of a list that also counts the absent', () => {
    const blocks = textToBlocks(['Ledamot Ja Nej Avstår Frånvarande', 'Summa 7 4 2 2'])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [7, 4, 2])
  })

  it('reads a list flattened onto one line with a Frånvarande column from its Summa row', () => {
    const blocks = textToBlocks([
      'Omröstningslista Ledamöter Ja Nej Avstår Frånvarande Anna Berg (S) X Per Holm (M) X Eva Lind (V) X Summa 6 5 1 3',
    ])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [6, 5, 1])
  })

  it('reads the counts printed as "Ja 7, Nej 4, Avstår 2"', () => {
    const blocks = textToBlocks(['Omröstningsresultat: Ja 7, Nej 4, Avstår 2'])
    const [vote] = readVotes(blocks, () => {})
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain], [7, 4, 2])
  })

  it('gives the § of a text protocol its vote from a list of members with their votes', async () => {
    const text = [
      'Plats och tid Rådhuset kl 18.00',
      'Utses att justera Eva Lind',
      '§ 12 Budget 2025',
      'Ordföranden ställer proposition på bifall och avslag och finner bifall. Omröstning begärs.',
      'Ja-röst för bifall, nej-röst för avslag.',
      'Omröstningslista',
      'Anna Berg (S) Ja',
      'Per Holm (M) Nej',
      'Eva Lind (V) Ja',
      'Olle Ek (C) Frånvarande',
      'Med 2 ja-röster mot 1 nej-röst beslutar fullmäktige enligt förslaget.',
      '§ 13 Information',
      'Fullmäktige noterar informationen.',
    ].join('\n')
    const outcome = await parseDocument({ bytes: new TextEncoder().encode(text), fileName: 'protokoll.txt' })
    assert.ok(outcome.ok)
    const vote = outcome.document.items.find((i) => i.section === 12)?.votes?.[0]
    assert.deepEqual([vote?.yes, vote?.no], [2, 1])
    assert.deepEqual(
      vote?.ballots?.map((b) => `${b.name} ${b.vote}`),
      ['Anna Berg ja', 'Per Holm nej', 'Eva Lind ja'],
    )
  })
})
