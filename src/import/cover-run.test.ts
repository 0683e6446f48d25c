import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readRunCover } from './cover-run.ts'
import { readPeopleRun } from './people-run.ts'

const brief = (people: ReturnType<typeof readPeopleRun>) =>
  people.map((p) => [p.name, p.party ?? null, p.role, p.servingFor ?? null])

describe('readPeopleRun', () => {
  it('reads names with parties after them and their qualifiers', () => {
    assert.deepEqual(
      brief(
        readPeopleRun(
          'Monica Samuelsson (S) tjg för Paula Örn (S) Dennis Ljunggren (S) Mikael Berglund (M), ordförande Rose-Marie Fihn (L) §§ 134-143',
          'ledamot',
        ),
      ),
      [
        ['Monica Samuelsson', 'S', 'tjänstgörande ersättare', 'Paula Örn'],
        ['Dennis Ljunggren', 'S', 'ledamot', null],
        ['Mikael Berglund', 'M', 'ordförande', null],
        ['Rose-Marie Fihn', 'L', 'ledamot', null],
      ],
    )
  })

  it('reads a bare "för" between two people as serving for the second', () => {
    assert.deepEqual(
      brief(
        readPeopleRun(
          'Lars-Olof Eliasson Jan-Olof Dahlin Jan-Olof Andersson för Kurt Edlund Bo Danielsson för MonaLisa Norrman',
          'ledamot',
        ),
      ),
      [
        ['Lars-Olof Eliasson', null, 'ledamot', null],
        ['Jan-Olof Dahlin', null, 'ledamot', null],
        ['Jan-Olof Andersson', null, 'tjänstgörande ersättare', 'Kurt Edlund'],
        ['Bo Danielsson', null, 'tjänstgörande ersättare', 'MonaLisa Norrman'],
      ],
    )
  })

  it('reads "ej tjänstgörande ersättare" as a substitute present but not serving', () => {
    assert.deepEqual(
      brief(
        readPeopleRun(
          'Maud Jonsson (FP) Jörgen Brink (C), ej tjänstgörande ersättare Karl-Erik Swärd (V)',
          'ledamot',
        ),
      ),
      [
        ['Maud Jonsson', 'FP', 'ledamot', null],
        ['Jörgen Brink', 'C', 'ersättare', null],
        ['Karl-Erik Swärd', 'V', 'ledamot', null],
      ],
    )
  })

  it('reads "Varav sekretess" as a label and a "företrädare" as someone present, not a member', () => {
    assert.deepEqual(brief(readPeopleRun('Maria Hjärtmyr Varav sekretess', 'ledamot')), [
      ['Maria Hjärtmyr', null, 'ledamot', null],
    ])
    assert.deepEqual(brief(readPeopleRun('Bengt Eriksson, personalföreträdare', 'ledamot')), [
      ['Bengt Eriksson', null, 'tjänsteperson', null],
    ])
  })

  it('reads parties between commas, in lower case and before the names', () => {
    assert.deepEqual(
      brief(
        readPeopleRun('Jannike Hillding, M, Ordförande Astrid Lönn Jern, C, 1:e vice ordförande', 'ledamot'),
      ),
      [
        ['Jannike Hillding', 'M', 'ordförande', null],
        ['Astrid Lönn Jern', 'C', 'vice ordförande', null],
      ],
    )
    assert.deepEqual(
      brief(readPeopleRun('Birgitta Bolin, s, ersätter Åke Nyhlén, s Inger Persson, s', 'ledamot')),
      [
        ['Birgitta Bolin', 'S', 'tjänstgörande ersättare', 'Åke Nyhlén'],
        ['Inger Persson', 'S', 'ledamot', null],
      ],
    )
    assert.deepEqual(brief(readPeopleRun('M Bengt Ferm C Ragnar Nilsson FP Ing-Britt Spetz', 'ledamot')), [
      ['Bengt Ferm', 'M', 'ledamot', null],
      ['Ragnar Nilsson', 'C', 'ledamot', null],
      ['Ing-Britt Spetz', 'FP', 'ledamot', null],
    ])
  })

  it('tells names apart without separators by their given names', () => {
    const names = readPeopleRun(
      'Annika Wibrell, ordf. Rickard Norberg Ulf Hansson Gunder Lindgren Bo Lennart Danielsson',
      'ledamot',
    )
    assert.deepEqual(
      names.map((p) => p.name),
      ['Annika Wibrell', 'Rickard Norberg', 'Ulf Hansson', 'Gunder Lindgren', 'Bo Lennart Danielsson'],
    )
  })

  it('skips titles and a place before the people', () => {
    const people = readPeopleRun(
      'Föreläsningssalen, Sigfridsområdet, Växjö Suzanne Frank (m), ordf Kommundirektör Jan Fransson, kommunsekreterare Linda Mattila',
      'ledamot',
    )
    assert.deepEqual(
      people.map((p) => p.name),
      ['Suzanne Frank', 'Jan Fransson', 'Linda Mattila'],
    )
  })
})

describe('readRunCover', () => {
  it('reads a cover flattened onto one line with the labels before their values', () => {
    const cover = readRunCover(
      'Plats och tid Sessionssalen, Gamla kommunalhuset, kl Beslutande Lennart Haraldsson, ordförande Sverre Moum Odet Klaff, ersättare för Elisabeth Edlund Thomas Lidberg Ej tjänstgörande Kerstin Gustavsson Övriga deltagande Anita Sjösvärd, kommunsekreterare Utses att justera Thomas Lidberg Justeringens plats och tid Underskrifter Sekreterare Ordförande Justerande Anita Sjösvärd Lennart Haraldsson Thomas Lidberg ANSLAG/BEVIS Protokollet är justerat. Organ Åtvidabergs kommunstyrelse Datum för anslags uppsättande 2013-01-15 Datum för anslags nedtagning 2013-02-06',
    )
    assert.equal(cover.isCover, true)
    assert.equal(cover.meeting.location, 'Sessionssalen, Gamla kommunalhuset')
    assert.equal(cover.secretary, 'Anita Sjösvärd')
    assert.equal(cover.chair, 'Lennart Haraldsson')
    assert.deepEqual(cover.signatories, ['Thomas Lidberg'])
    assert.equal(cover.committee, 'Kommunstyrelsen')
    assert.equal(cover.noticePosted, '2013-01-15')
    assert.equal(cover.noticeRemoved, '2013-02-06')
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Lennart Haraldsson', 'ordförande'],
        ['Sverre Moum', 'ledamot'],
        ['Odet Klaff', 'tjänstgörande ersättare'],
        ['Thomas Lidberg', 'ledamot'],
        ['Kerstin Gustavsson', 'ersättare'],
        ['Anita Sjösvärd', 'övrig'],
      ],
    )
  })

  it('reads signatures named before their roles, the § range and the last day to appeal', () => {
    const cover = readRunCover(
      'Plats och tid: A-salen Medborgarhuset Alafors, klockan 15:00-20:00. Paragrafer: 88-110 Underskrifter: Cecilia Stedt, Sekreterare Klas Nordh, Ordförande Boel Holgersson, Justerare Paula Örn, Justerare ANSLAG/BEVIS Protokollet anslås Anslaget till och med 2018-04-25 Sista datum för överklagande 2018-04-24',
    )
    assert.equal(cover.meeting.start, '15:00')
    assert.equal(cover.secretary, 'Cecilia Stedt')
    assert.equal(cover.chair, 'Klas Nordh')
    assert.deepEqual(cover.signatories, ['Boel Holgersson', 'Paula Örn'])
    assert.deepEqual(cover.sections, { first: 88, last: 110 })
    assert.equal(cover.noticeRemoved, '2018-04-25')
    assert.equal(cover.appealDeadline, '2018-04-24')
  })

  it('takes the place and time from the first value after a column of labels', () => {
    const cover = readRunCover(
      'Plats och tid Beslutande Gällivare Folkets Hus, Gällivare Måndagen den 3 mars 2014, kl Enligt bifogad sammanträdeslista Utses att justera Fredric Olofsson och Margareta Henricsson',
    )
    assert.equal(cover.meeting.date, '2014-03-03')
    assert.equal(cover.meeting.location, 'Gällivare Folkets Hus, Gällivare')
    assert.deepEqual(cover.signatories, ['Fredric Olofsson', 'Margareta Henricsson'])
  })
})

describe('readRunCover signatures', () => {
  it('starts at the signatures before the ANSLAG/BEVIS box, not at an "Underskrift" inside it', () => {
    const cover = readRunCover(
      'Tid och plats Stadshuset, Sessionssalen Kl Beslutande Se förteckning bilaga 1 Övriga närvarande Ulla Andersson, sekr Tid och plats för justering Torsdagen den 19 december kl Paragrafer Sekreterare. Ulla Andersson Ordförande.. Olov Säfström Justerande.. Gösta Davidsson Viveca Dalhammar ANSLAG/BEVIS Kommunfullmäktiges protokoll är justerat. Underskrift..',
    )
    assert.equal(cover.secretary, 'Ulla Andersson')
    assert.equal(cover.chair, 'Olov Säfström')
    assert.deepEqual(cover.signatories, ['Gösta Davidsson', 'Viveca Dalhammar'])
    assert.equal(cover.committee, 'Kommunfullmäktige')
  })

  it('reads the three roles in order when no label introduces them, and "(m) Ordförande" as a chair', () => {
    const cover = readRunCover(
      'Plats och tid Bohusrummet, Beslutande Anders Holmensköld (m) Ordförande Miguel Odhner (s) Vice ordförande Ersättare Hans Henrikson (mp) Sekreterare Sarah Hansson Paragraf , Ordförande Anders Holmensköld (m) Paragraf , Justerande Miguel Odhner (s) Bevis/Anslag Organ Kommunstyrelsen',
    )
    assert.equal(cover.secretary, 'Sarah Hansson')
    assert.equal(cover.chair, 'Anders Holmensköld')
    assert.deepEqual(cover.signatories, ['Miguel Odhner'])
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Anders Holmensköld', 'ordförande'],
        ['Miguel Odhner', 'vice ordförande'],
        ['Hans Henrikson', 'ersättare'],
      ],
    )
  })
})

describe('readRunCover attendance in a column of labels', () => {
  it('gives the members’ role to the values after "Beslutande Ej beslutande Övriga deltagare"', () => {
    const cover = readRunCover(
      'Plats och tid för sammanträdet Beslutande Ej beslutande Övriga deltagare Ånge kommunkontor, rum Flataklocken, tisdag den 23 maj 2006, kl Sten-Ove Danielsson, s, ordförande Inga-Britt Söderberg, s Birgitta Bolin, s, ersätter Åke Nyhlén, s Göran Fjellström, kommunchef Justeringens plats och tid',
    )
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.party ?? null, a.role]),
      [
        ['Sten-Ove Danielsson', 'S', 'ordförande'],
        ['Inga-Britt Söderberg', 'S', 'ledamot'],
        ['Birgitta Bolin', 'S', 'tjänstgörande ersättare'],
        ['Göran Fjellström', null, 'tjänsteperson'],
      ],
    )
  })

  it('reads "femte ers för majoriteten" as a substitute serving for no one', () => {
    const people = readPeopleRun(
      'Kjell Jormfeldt (mp) tj ers för Rolf Sällryd Ragnar Lindberg (s) femte ers för majoriteten Gerd Lansler (kd)',
      'ledamot',
    )
    assert.deepEqual(brief(people), [
      ['Kjell Jormfeldt', 'MP', 'tjänstgörande ersättare', 'Rolf Sällryd'],
      ['Ragnar Lindberg', 'S', 'ersättare', null],
      ['Gerd Lansler', 'KD', 'ledamot', null],
    ])
  })

  it('reads "(M), Ordförande" in the members\' list as the chair\'s role, not as a signature label', () => {
    const cover = readRunCover(
      'Tid och plats H-salen, kl Beslutande Ledamöter Benny Johansson (M), Ordförande Bengt-Göran Sandell (S) Tobias Adersjö (MP) Övriga närvarande Utses att justera Bengt-Göran Sandell',
    )
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.party, a.role]),
      [
        ['Benny Johansson', 'M', 'ordförande'],
        ['Bengt-Göran Sandell', 'S', 'ledamot'],
        ['Tobias Adersjö', 'MP', 'ledamot'],
      ],
    )
  })

  it('reads the signatures after "Underskrifter", not from a "Justerare" label of the column before it', () => {
    const cover = readRunCover(
      'Tid och plats H-salen Beslutande Benny Johansson (M) Övriga närvarande Ersättare Tjänstepersoner Justering Justerare Plats och tid Ulla Svensson (M) Carina Elmefall, kanslichef Bengt-Göran Sandell Kommunkansliet Justerade paragrafer Underskrifter Sekreterare Fredrik Pettersson Ordförande Benny Johansson Justerare Bengt-Göran Sandell 1 (20) Bevis om anslag',
    )
    assert.equal(cover.secretary, 'Fredrik Pettersson')
    assert.equal(cover.chair, 'Benny Johansson')
    assert.deepEqual(cover.signatories, ['Bengt-Göran Sandell'])
  })

  it('reads "ande" before a name as "Beslutande" whose first syllable text extraction lost', () => {
    const cover = readRunCover(
      'Plats och tid Sammanträdesrum Högby, stadshuset, klockan 13:30-14:45 ande Kristin Kellander (L),ordförande Rainer Fredriksson (S) Fredrik Bertilsson (SD), ersätter Sara Åberg (SD) Ersättare Kent Kärrlander (S) Utses att justera Jenni Bäck (M)',
    )
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Kristin Kellander', 'ordförande'],
        ['Rainer Fredriksson', 'ledamot'],
        ['Fredrik Bertilsson', 'tjänstgörande ersättare'],
        ['Kent Kärrlander', 'ersättare'],
      ],
    )
  })

  it('reads an attendance table whose column heads (Närv., Frånv, Tjänstgörande ersättare, Paragraf) came before the names', () => {
    const cover = readRunCover(
      'Plats och tid Hemlingbystugan, kl Paragraf Närvarande Se sidan 2 Justeringens plats och tid Gefle vapen, Sekreterare Camilla Williamsson Ordförande Lars-Göran Ståhl (S) Birgittha Bjerkén (M) Anslag/Bevis Protokollet är justerat. 2 (21) Ledamöter Närv. Frånv Tjänstgörande ersättare Paragraf Lars-Göran Ståhl (S) ordf Mona Kolarby (S) Ersättare Närv. Frånv Leyla Tarhan (S) Övriga Kajsa Ravin, Förvaltningschef',
    )
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Lars-Göran Ståhl', 'ordförande'],
        ['Mona Kolarby', 'ledamot'],
        ['Leyla Tarhan', 'ersättare'],
        ['Kajsa Ravin', 'övrig'],
      ],
    )
    // The justerande's label was lost; the name after the chair's is the justerande's.
    assert.equal(cover.chair, 'Lars-Göran Ståhl')
    assert.deepEqual(cover.signatories, ['Birgittha Bjerkén'])
  })

  it('reads the place after a time whose digits were lost, "Ordinarie ledamöter" and "Omfattning"', () => {
    const cover = readRunCover(
      'Tid och Plats Kl Tekniska nämndens Sessionssal Omfattning 74-93 Närvarande: Ordinarie ledamöter Alexis Mouschopanis (M) Jan Idehed (C) Ersättare Thomas Elg (KD)',
    )
    assert.equal(cover.meeting.location, 'Tekniska nämndens Sessionssal')
    assert.deepEqual(cover.sections, { first: 74, last: 93 })
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Alexis Mouschopanis', 'ledamot'],
        ['Jan Idehed', 'ledamot'],
        ['Thomas Elg', 'ersättare'],
      ],
    )
  })

  it('splits the values of a column of labels: members up to the last serving substitute, then substitutes, then officials', () => {
    const cover = readRunCover(
      'Plats och tid Styrelserummet, Regionkontoret kl. 10:15-15:00 Beslutande ledamöter Ej tjänstgörande ersättare Övriga närvarande Eva Lindberg (S) (ordförande) Tommy Berger (S) Annika Huber (S) ersätter Jan Lahenkorva (S) Marcus Gard (S) Linda Elgestad (M) Ann Vestholm Johan Färnstrand Underskrifter Sekreterare Ann Vestholm',
    )
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Eva Lindberg', 'ordförande'],
        ['Tommy Berger', 'ledamot'],
        ['Annika Huber', 'tjänstgörande ersättare'],
        ['Marcus Gard', 'ersättare'],
        ['Linda Elgestad', 'ersättare'],
        ['Ann Vestholm', 'övrig'],
        ['Johan Färnstrand', 'övrig'],
      ],
    )
  })

  it('reads "Övriga närvarande ej tjänstgörande ersättare" as substitutes not serving', () => {
    const cover = readRunCover(
      'Tid och plats Torsdagen den 12 februari 2009 kl Ernemar, Oskarshamn Närvarande Ledamöter Lars Aronsson (s) Övriga närvarande ej tjänstgörande ersättare Monica Johansson (s) Svetlana Andelova (v) Underskrifter Sekreterare Ingela Carlsson',
    )
    assert.deepEqual(
      cover.attendance.map((a) => [a.name, a.role]),
      [
        ['Lars Aronsson', 'ledamot'],
        ['Monica Johansson', 'ersättare'],
        ['Svetlana Andelova', 'ersättare'],
      ],
    )
  })
})
