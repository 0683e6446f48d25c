import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { motionText, plainText, textBlocks, textNamesAuthors } from './text-structure.ts'

describe('textBlocks', () => {
  it('reads paragraphs, bullets, numbered and lettered lists in order', () => {
    const text =
      'Inledning.\n\n1. att bifalla\n2. att anföra:\n\nSkäl.\n\n- ett\n- två\n\nA. Protokoll\nB. Skrivelse'
    assert.deepEqual(textBlocks(text), [
      { kind: 'paragraph', text: 'Inledning.' },
      { kind: 'list', ordered: true, items: ['att bifalla', 'att anföra:'] },
      { kind: 'paragraph', text: 'Skäl.' },
      { kind: 'list', ordered: false, items: ['ett', 'två'] },
      { kind: 'list', ordered: true, counter: 'A', items: ['Protokoll', 'Skrivelse'] },
    ])
  })

  it('keeps a paragraph before its bullets, and reads plain text as before', () => {
    assert.deepEqual(textBlocks('… för nämndens räkning:\n- teckna avtal\n- häva avtal'), [
      { kind: 'paragraph', text: '… för nämndens räkning:' },
      { kind: 'list', ordered: false, items: ['teckna avtal', 'häva avtal'] },
    ])
    assert.deepEqual(textBlocks('Ett stycke.\n\nEtt till.'), [
      { kind: 'paragraph', text: 'Ett stycke.' },
      { kind: 'paragraph', text: 'Ett till.' },
    ])
  })

  it('takes a single letter at the start of a sentence for prose, not a list', () => {
    assert.deepEqual(textBlocks('A. Berg föredrog ärendet.'), [
      { kind: 'paragraph', text: 'A. Berg föredrog ärendet.' },
    ])
  })

  it('gives plain text with the markers back', () => {
    assert.equal(plainText(textBlocks('A. ett\nB. två\n\n- tre')), 'A. ett\nB. två\n\n• tre')
  })
})

describe('motionText', () => {
  it('keeps points printed in the text where they are, and adds points entered apart as a list', () => {
    assert.equal(motionText('X yrkade\n\n1. att bifalla', ['att bifalla']), 'X yrkade\n\n1. att bifalla')
    assert.equal(
      motionText('Avslag.', ['att avslå', 'att återremittera']),
      'Avslag.\n\n1. att avslå\n2. att återremittera',
    )
  })
})

describe('textNamesAuthors', () => {
  it('sees the authors named at the start of a printed text, whatever the accents', () => {
    assert.ok(
      textNamesAuthors('Jan Jönsson (L) och Maria Paniagua Dachner (C) reserverade sig', [
        'María Paniagua Dachner',
      ]),
    )
    assert.equal(textNamesAuthors('Vi anser att beslutet är fel.', ['Anna Berg']), false)
  })
})
