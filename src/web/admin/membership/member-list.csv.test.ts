import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseMemberList } from './member-list.csv.ts'

describe('parseMemberList', () => {
  it('reads semicolons, quotes, a BOM, any column order and case, and skips empty lines', () => {
    const text =
      '\uFEFFNamn;Roll;Parti;Från;Till;Ersättarordning\r\n"Ojanne, Alexander";Ordförande;S;2023-01-01;2026-12-31;\r\n\r\nEmil Adén;ersättare;S;2023-01-01;;1\r\n'
    const { entries, problems } = parseMemberList(text)
    assert.deepEqual(problems, [])
    assert.deepEqual(
      entries.map((e) => [e.line, e.name, e.role, e.party, e.endsOn, e.substituteOrder]),
      [
        [2, 'Ojanne, Alexander', 'chair', 'S', '2026-12-31', null],
        [4, 'Emil Adén', 'substitute', 'S', null, 1],
      ],
    )
  })

  it('reads commas and "vice ordförande" with odd spacing', () => {
    const { entries } = parseMemberList('namn,parti,roll,från\nKarin Ek,M,Vice  Ordförande,2023-01-01')
    assert.equal(entries[0]?.role, 'vice_chair')
  })

  it('reports every bad line with its number and returns nothing', () => {
    const text =
      'namn;parti;roll;från;till;ersättarordning\nA;S;ledamot;2023-01-01;;\n;S;kung;2023-13-01;;\nB;S;ledamot;2023-01-01;2022-01-01;2'
    const { entries, problems } = parseMemberList(text)
    assert.deepEqual(entries, [])
    assert.deepEqual(
      problems.map((p) => p.line),
      [3, 4],
    )
    assert.match(problems[0]!.message, /namn saknas; rollen "kung" är okänd/)
    assert.match(problems[1]!.message, /till ligger före från; ersättarordning gäller bara ersättare/)
  })

  it('names a missing column of the header', () => {
    const { problems } = parseMemberList('namn;parti\nA;S')
    assert.match(problems[0]!.message, /saknar kolumnen roll, från/)
  })
})
