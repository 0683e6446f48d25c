import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readInlineSections } from './inline-sections.ts'
import { readNumberedRun } from './numbered-run.ts'

describe('readNumberedRun', () => {
  it('reads a table of contents run together, with Dnr and page numbers', () => {
    assert.deepEqual(
      readNumberedRun(
        'Kommunstyrelsens arbetsutskott Ärendelista 26 Dnr KS 2018/14 Information... 3 27 Dnr KS 2018/124 Årsredovisning för Kramfors kommun 2017... 4 28 Dnr KS 2018/117 Instruktion till ägarombud vid 2018 års bolagsstämmor... 9',
      ),
      [
        { number: '26', title: 'Information', dnr: 'KS 2018/14' },
        { number: '27', title: 'Årsredovisning för Kramfors kommun 2017', dnr: 'KS 2018/124' },
        { number: '28', title: 'Instruktion till ägarombud vid 2018 års bolagsstämmor', dnr: 'KS 2018/117' },
      ],
    )
  })

  it('reads an agenda with a Föredragande column, not taking a date for an item number', () => {
    assert.deepEqual(
      readNumberedRun(
        'Föredragningslista Ärende/Föredragande 1 Upprop Dnr 2 Godkännande av föredragningslistan och val av justerare 3 Arbetsutskottets protokoll 4 juni 2018 BUN 2018/41 4 Information GDPR Hans Magnusson 5 Lägesrapport om byggnationer på skolor Jesper Sundbärg',
      ),
      [
        { number: '1', title: 'Upprop' },
        { number: '2', title: 'Godkännande av föredragningslistan och val av justerare' },
        { number: '3', title: 'Arbetsutskottets protokoll 4 juni 2018', dnr: 'BUN 2018/41' },
        { number: '4', title: 'Information GDPR', presenter: 'Hans Magnusson' },
        { number: '5', title: 'Lägesrapport om byggnationer på skolor', presenter: 'Jesper Sundbärg' },
      ],
    )
  })

  it('gives nothing without a list label or with fewer than three numbers in a row', () => {
    assert.deepEqual(readNumberedRun('Beslutande 12 Anna Berg 13 Per Holm 14 Eva Lind'), [])
    assert.deepEqual(readNumberedRun('Innehållsförteckning 4 Budget 9 Taxor'), [])
  })
})

describe('readInlineSections', () => {
  it('reads § headings at the start of pages whose § sign was lost', () => {
    const text = [
      '1 Sammanträdesprotokoll Sida 1 (35) Plats och tid Sessionssalen',
      '2 Sammanträdesprotokoll 2 (35) Kommunstyrelsen KSAU 130/2014 Dnr 2014/ Ombudgetering 2014 Arbetsutskottets förslag',
      '3 Sida 3 (45) KS 131/2014 Tillkommande och utgående ärenden Tillkommande ärenden: - Åtgärder',
      '4 SAMMANTRÄDESPROTOKOLL Sida 4(14) 135 Information 1) ordförande informerade',
    ].join('\n')
    assert.deepEqual(readInlineSections(text), [
      { number: '130', title: 'Ombudgetering 2014 Arbetsutskottets förslag' },
      { number: '131', title: 'Tillkommande och utgående ärenden' },
      { number: '135', title: 'Information' },
    ])
  })

  it('reads headings after a dated page header, "Sida N av M", a two-word prefix and a bracketed Dnr', () => {
    const text = [
      '^> fl Kommunfullmäktige 2017-10-23 2 132 Återredovisningar av bolagen Beskrivning av ärendet',
      'O Kommunfullmäktige 2017-10-23 3 133 Delårsrapport 2017 (KS/2017:499) Kommunfullmäktiges beslut Delårsrapporten godkänns.',
      '4 Kommunstyrelsens arbetsutskott Sida 4 av 16 KS AU 145 Dnr: Fastställande av föredragningslista Arbetsutskottets beslut',
      '5 Kultur- och fritidsnämnden Kfn 146 Dnr Redovisning av demokratiprojekt Elever ur årskurs 3',
      '6 6 KUMLA KOMMUN Sammanträdesprotokoll Sammanträdesdatum Kommunfullmäktige Kf 147 Anmälda förhinder och upprop Förhinder har anmälts',
    ].join('\n')
    assert.deepEqual(readInlineSections(text), [
      { number: '132', title: 'Återredovisningar av bolagen' },
      { number: '133', title: 'Delårsrapport 2017', dnr: 'KS/2017:499' },
      { number: '145', title: 'Fastställande av föredragningslista' },
      { number: '146', title: 'Redovisning av demokratiprojekt' },
      { number: '147', title: 'Anmälda förhinder och upprop' },
    ])
  })

  it('keeps to the cover’s § range and ignores numbers in running text', () => {
    const text =
      '2 Kommunfullmäktige KF 170 FASTSTÄLLANDE AV DAGORDNING Dagordningen fastställs\n3 Budget 2024 omfattar 12 Miljoner'
    assert.deepEqual(readInlineSections(text, { first: 170, last: 190 }), [
      { number: '170', title: 'FASTSTÄLLANDE AV DAGORDNING' },
    ])
    assert.deepEqual(readInlineSections(text, { first: 1, last: 20 }), [])
  })
})
