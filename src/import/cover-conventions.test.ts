import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import { readRunCover } from './cover-run.ts'
import { parseDocument } from './parse-document.ts'
import { readPeopleRun } from './people-run.ts'

// Cover-page conventions met in published protocols and agendas outside the corpus (invented
// documents in the national layout; the corpus in test/fixtures/corpus holds the real ones).

async function parse(text: string): Promise<DocumentJson> {
  const outcome = await parseDocument({ bytes: new TextEncoder().encode(text), fileName: 'protokoll.txt' })
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason)
  return outcome.document
}

describe('cover conventions', () => {
  it('reads a column of labels followed by their values in the same order', async () => {
    const doc = await parse(
      [
        'SAMMANTRÄDESPROTOKOLL',
        'Nämnd',
        'Sammanträdesdatum',
        'Plats och tid',
        'Socialnämnden',
        '2019-01-28',
        'Rådhuset, sal Europa, 09:00 – 14:55',
        'Utses att justera Eva Lind',
        'Paragrafer 12 – 14',
        '§ 12 Information',
        'Nämnden noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.committee, 'Socialnämnden')
    assert.equal(doc.meeting?.date, '2019-01-28')
    assert.equal(doc.meeting?.location, 'Rådhuset, sal Europa')
    assert.equal(doc.meeting?.start, '09:00')
  })

  it('reads signatures printed as "name, role" and the posting period as "Tid för anslag"', async () => {
    const doc = await parse(
      [
        'Plats och tid Rådhuset, 09:00',
        'Utses att justera Eva Lind',
        'Underskrifter',
        'Per Holm, ordförande',
        'Anna Berg, sekreterare',
        'Eva Lind, justerare',
        'ANSLAG/BEVIS',
        'Tid för anslag 2019-02-05 – 2019-02-27',
        '§ 12 Information',
        'Nämnden noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.chair, 'Per Holm')
    assert.equal(doc.secretary, 'Anna Berg')
    assert.ok(doc.signatories?.includes('Eva Lind'))
    assert.equal(doc.noticePosted, '2019-02-05')
    assert.equal(doc.noticeRemoved, '2019-02-27')
  })

  it('does not read the cross of an attendance table as the initial of the next name', () => {
    assert.deepEqual(
      readPeopleRun(
        'Ida Viberg (S)X Isabel Hildén (V)X Rino Hedblom (SD) X Eva-Mai Tynong (SD)X',
        'ledamot',
      ).map((p) => [p.name, p.party]),
      [
        ['Ida Viberg', 'S'],
        ['Isabel Hildén', 'V'],
        ['Rino Hedblom', 'SD'],
        ['Eva-Mai Tynong', 'SD'],
      ],
    )
  })
  it('reads a notice head printed as labels then values: time and place, chair, secretary', async () => {
    const doc = await parse(
      [
        '1 Förvaltningen KALLELSE/FÖREDRAGNINGSLISTA SOCIALNÄMNDEN Tid och plats: Ordförande: Sekreterare: Onsdagen den 25 maj 2016 kl. 8.15, Sal Borgmästaren, stadshuset Maria Forsberg Anne-Marie Mattsson Öppet sammanträde. ÄRENDEN 1. Genomgång av föregående protokoll 2. Information från förvaltningschefen 3. Rapport om särskilt boende 4. Ekonomisk uppföljning',
      ].join('\n'),
    )
    assert.equal(doc.kind, 'agenda')
    assert.equal(doc.committee, 'Socialnämnden')
    assert.equal(doc.meeting?.date, '2016-05-25')
    assert.equal(doc.meeting?.location, 'Sal Borgmästaren, stadshuset')
    assert.equal(doc.chair, 'Maria Forsberg')
    assert.equal(doc.secretary, 'Anne-Marie Mattsson')
  })

  it('takes the committee and date of minutes on a published page from its trail', async () => {
    const doc = await parse(
      [
        'Din position: Hem > Exempelby kommun > Kommunfullmäktige > Sammanträde 2011-03-01',
        '',
        'Plats',
        'Stadshuset',
        '',
        '§14 Frågestund',
        '',
        'Kommunstyrelsens ordförande besvarar två frågor.',
        '',
        '§15 Inlämnande av motioner',
        '',
        'Beslut',
        '',
        'Motionerna överlämnas till kommunstyrelsen för beredning.',
      ].join('\n'),
    )
    assert.equal(doc.kind, 'minutes')
    assert.equal(doc.committee, 'Kommunfullmäktige')
    assert.equal(doc.meeting?.date, '2011-03-01')
  })
  it('turns round a list printed surname first, and only such a list', () => {
    assert.deepEqual(
      readPeopleRun(
        'Rugsveen Astrid (M) Jakobsson Per (M) Mlynarczyk Aleksander (KD) Strand Eva (S) Berggren Helena (V)',
        'ledamot',
      ).map((p) => p.name),
      ['Astrid Rugsveen', 'Per Jakobsson', 'Aleksander Mlynarczyk', 'Eva Strand', 'Helena Berggren'],
    )
    assert.deepEqual(
      readPeopleRun('Anna Berg (S) Per Holm (M) Yanira Difonis (MP)', 'ledamot').map((p) => p.name),
      ['Anna Berg', 'Per Holm', 'Yanira Difonis'],
    )
  })
  it('reads a column of labels whose values all stand before the next role: place, members, officials', async () => {
    const doc = await parse(
      [
        '1 Kommunstyrelsens arbetsutskott 25 mars 2004 Plats och tid för sammanträdet Beslutande Övriga deltagare Utses att justera Justeringens plats och tid Bällstarummet, Kommunalhuset torsdagen den 25 mars 2004 kl Anna Berg (m), ordförande Per Holm (fp), vice ordförande Eva Lind (s) Olle Ek (s) Kommundirektör Kjell Johansson Kommunsekreterare Karin Ström Eva Lind (s) Kommunledningskontoret Sekreterare Karin Ström Paragrafer 1-2 Ordförande Anna Berg Justerande Eva Lind BEVIS Protokollet har anmälts',
        '2 Sida 2 (3) KSAU 1 Information Arbetsutskottet noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.meeting?.location, 'Bällstarummet, Kommunalhuset')
    assert.deepEqual(
      doc.attendance?.map((a) => `${a.name} ${a.party ?? '-'} ${a.role}`),
      [
        'Anna Berg M ordförande',
        'Per Holm FP vice ordförande',
        'Eva Lind S ledamot',
        'Olle Ek S ledamot',
        'Kjell Johansson - övrig',
        'Karin Ström - övrig',
      ],
    )
  })
  it('reads titles before names, degrees after them and a masked person’s affiliation as no one', () => {
    assert.deepEqual(
      readPeopleRun(
        'Upphandlingsledare Torbjörn Karlsson Teknisk chef Göran Landenius, ekonom Ing-Mari Olsson Lindquist Thomas Johansson, Ph.D, utredare XXXX, Piteå Hockey 11 XXXX, Nätverkstan Lina Sohlén, projektsamordnare Ingela Carlsson Justeringen har offentliggjorts',
        'tjänsteperson',
      ).map((p) => p.name),
      [
        'Torbjörn Karlsson',
        'Göran Landenius',
        'Ing-Mari Olsson Lindquist',
        'Thomas Johansson',
        'Lina Sohlén',
        'Ingela Carlsson',
      ],
    )
  })
  it('reads a column of roles beside the members and a secretary titled after the name', async () => {
    assert.deepEqual(
      readPeopleRun(
        'Alexis Mouschopanis (M) Rose-Marie Liljenby Andersson (S) Jan Idehed (C) Mikael Wickberg (M) Kjell Hjalmarsson (MP) ordförande 1:e vice ordförande 2:e vice ordförande',
        'ledamot',
      ).map((p) => `${p.name} ${p.role}`),
      [
        'Alexis Mouschopanis ordförande',
        'Rose-Marie Liljenby Andersson vice ordförande',
        'Jan Idehed vice ordförande',
        'Mikael Wickberg ledamot',
        'Kjell Hjalmarsson ledamot',
      ],
    )
    const doc = await parse(
      [
        '1 Tid och Plats Kl Sessionssalen Omfattning 74-75 Närvarande: Ordinarie ledamöter Anna Berg (M) Per Holm (S) Eva Lind (C) ordförande 1:e vice ordförande 2:e vice ordförande Övriga Alf Iwarson avdelningschef Lisbeth Rehnlund sekreterare',
        '2 74 Upprop och val av justeringsmän Att jämte ordföranden justera dagens protokoll utsågs Per Holm (S).',
        '3 75 Information Nämnden noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.chair, 'Anna Berg')
    assert.equal(doc.secretary, 'Lisbeth Rehnlund')
  })
  it('reads the justerare first among the values after "Utses att justera Justeringens plats och tid"', () => {
    const cover = readRunCover(
      'Plats och tid Kommunhuset kl Beslutande Per Holm (fp), ordförande Arne Jönsson (s) Anna Berg (m) Övriga deltagande Se 83 Utses att justera Justeringens plats och tid Arne Jönsson (s) Kommunförvaltningen, Underskrifter Sekreterare Paragrafer Mattias Hansson Ordförande Per Holm',
    )
    assert.deepEqual(cover.signatories, ['Arne Jönsson'])
  })
  it('reads a published page of numbered items with "Bilagor" links as a numbered agenda', async () => {
    const doc = await parse(
      [
        'Din position: Hem > Exempelby kommun > Kommunstyrelsen > Sammanträde 2018-10-02',
        '',
        'Plats',
        'Kommunhuset',
        '',
        '1 Kommundirektörens rapport oktober 2018',
        '',
        'Dnr 2018/KS 0001 001',
        '',
        'Bilagor',
        'Rapport.pdf',
        '',
        '2 Delårsrapport 2 2018',
        '',
        'Dnr 2018/KS 0290 10',
        '',
        'Bilagor',
        'Kommunledningsutskottet protokollsutdrag 2018-09-19 § 137.pdf',
      ].join('\n'),
    )
    assert.equal(doc.kind, 'agenda')
    assert.equal(doc.committee, 'Kommunstyrelsen')
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title, i.registryNumbers?.[0]]),
      [
        ['1', 'Kommundirektörens rapport oktober 2018', '2018/KS 0001 001'],
        ['2', 'Delårsrapport 2 2018', '2018/KS 0290 10'],
      ],
    )
  })
  it('refuses no cut-off cover: "Närvarande ledamöter", a notice titled below a site header, a trail, PROTOKOLL with Justerat', async () => {
    const outcomes = await Promise.all(
      [
        '1 Protokoll Mn 87/2014 Miljönämnden Datum: Klockan: 09:00-12:10 Plats: Sessionssalen Närvarande ledamöter Per-Erik Andersson (S) Lilla Alkman (KD)',
        'SOCIALNÄMNDEN\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload "SOCIALNÄMNDEN. Verksamheten vid arbetsmarknadsenheten AME information av enhetschef Per-Henrik Larsson"\n\nTranskript\n\n1 Kommunstyrelseförvaltningen KALLELSE/FÖREDRAGNINGSLISTA SOCIALNÄMNDEN Tid och plats: Ordförande:',
        'Din position: Hem > Exempelby kommun > Kommunfullmäktige > Sammanträde 2011-03-01\n\n1 Ordföranden hälsar välkommen.\n\n2 Förslag på justerare.',
        '1 PROTOKOLL 1 (14) Justerat tisdag den 17 februari 2015 Annika Sandström Mikael Sundesten 21 Inledning och justering m.m. Ordföranden förklarade sammanträdet öppnat.',
      ].map((text) => parseDocument({ bytes: new TextEncoder().encode(text), fileName: 'x.txt' })),
    )
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.document.kind : o.reason)),
      ['minutes', 'agenda', 'agenda', 'minutes'],
    )
  })
  it('takes chair and secretary from "name, role" when the cover names no one in the role', async () => {
    const doc = await parse(
      [
        '1 Protokoll Mn 87/2014 Miljönämnden Datum: Klockan: 09:00-12:10 Plats: Sessionssalen Närvarande ledamöter Per-Erik Andersson (S) Lilla Alkman (KD) Thomas Eriksson (MP)',
        '2 Johan Utter, sekreterare Justerat den 19 november Per-Erik Andersson (S), ordförande Lilla Alkman (KD), justerare',
        '3 Sida 3 (4) Mn 87 Information Nämnden noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.chair, 'Per-Erik Andersson')
    assert.equal(doc.secretary, 'Johan Utter')
  })
})
