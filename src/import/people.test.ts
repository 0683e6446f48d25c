import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseAttendee } from './attendance.ts'
import { actorsIn, parsePerson } from './people.ts'

describe('actorsIn', () => {
  const cases: [string, unknown[]][] = [
    [
      'Anders Göransson m.fl. (S), Daniel Guillou (MP)',
      [
        { name: 'Anders Göransson', party: 'S', andOthers: true },
        { name: 'Daniel Guillou', party: 'MP' },
      ],
    ],
    ['Jan Jönsson (L) och (M)', [{ name: 'Jan Jönsson', party: 'L' }, { party: 'M' }]],
    ['Ordföranden Jan Jönsson (L)', [{ name: 'Jan Jönsson', party: 'L' }]],
    ['Anna Rantala Bonnier (F!)', [{ name: 'Anna Rantala Bonnier', party: 'F!' }]],
    ['Ledamöterna för (S, V och MP)', [{ party: 'S' }, { party: 'V' }, { party: 'MP' }]],
    ['Moderaterna och Liberalerna', [{ party: 'M' }, { party: 'L' }]],
    ['enligt lag (1993:387)', []],
  ]
  for (const [text, actors] of cases) it(`reads "${text}"`, () => assert.deepEqual(actorsIn(text), actors))
})

describe('parsePerson', () => {
  it('splits name, party and the rest', () => {
    assert.deepEqual(parsePerson('Emil Adén (S) tjänstgör för Alexander Ojanne (S)'), {
      name: 'Emil Adén',
      party: 'S',
      rest: ' tjänstgör för Alexander Ojanne (S)',
      before: '',
    })
    assert.equal(parsePerson('Kvartal (1993:387)'), undefined)
  })
})

describe('parseAttendee', () => {
  const cases: [string, Parameters<typeof parseAttendee>[1], unknown][] = [
    [
      'Alexander Ojanne (S), ordf.',
      'ledamot',
      { name: 'Alexander Ojanne', party: 'S', role: 'ordförande', present: true },
    ],
    [
      'Per Holm (M), 1:e vice ordförande',
      'ledamot',
      { name: 'Per Holm', party: 'M', role: 'vice ordförande', present: true },
    ],
    [
      'Karin Lund (C), ersättare för Olle Strand (C)',
      'ledamot',
      {
        name: 'Karin Lund',
        party: 'C',
        role: 'tjänstgörande ersättare',
        present: true,
        servingFor: 'Olle Strand',
      },
    ],
    [
      'Hassan Rahimi (V) §§ 28–30, 51–52',
      'ledamot',
      {
        name: 'Hassan Rahimi',
        party: 'V',
        role: 'ledamot',
        present: true,
        sections: [28, 29, 30, 51, 52],
      },
    ],
    [
      'Maja Forsell (M) ej § 13',
      'ledamot',
      { name: 'Maja Forsell', party: 'M', role: 'ledamot', present: true, sectionsNotServed: [13] },
    ],
    [
      'Eva Granlund (L), ej del av 53',
      'ledamot',
      {
        name: 'Eva Granlund',
        party: 'L',
        role: 'ledamot',
        present: true,
        sectionsPartlyServed: [53],
      },
    ],
    [
      'Maria Karlsson t.f. avdelningschef',
      'tjänsteperson',
      {
        name: 'Maria Karlsson',
        role: 'tjänsteperson',
        present: true,
        title: 't.f. avdelningschef',
      },
    ],
  ]
  for (const [text, group, attendee] of cases) {
    it(`reads "${text}"`, () => assert.deepEqual(parseAttendee(text, group, false), attendee))
  }
})
