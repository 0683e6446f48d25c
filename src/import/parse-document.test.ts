import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { DocumentJson, Item } from '../domain/publication/document-json.ts'
import { textBlocks } from '../domain/publication/text-structure.ts'
import { parseDocument } from './parse-document.ts'

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../../test/fixtures/documents/${name}`, import.meta.url))
}

async function parse(name: string, bytes = fixture(name)): Promise<DocumentJson> {
  const outcome = await parseDocument({ bytes, fileName: `/some/dir/${name}` })
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason)
  return outcome.document
}

function section(doc: DocumentJson, n: number): Item {
  const item = doc.items.find((i) => i.section === n)
  assert.ok(item, `§ ${n}`)
  return item
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i)

describe('parseDocument: seed 002, a Markdown protocol of Socialnämnden', async () => {
  const doc = await parse('002_02371675939a916f.txt')

  it('reads the meeting from the cover', () => {
    assert.equal(doc.kind, 'minutes')
    assert.deepEqual(doc.source, { file: '002_02371675939a916f.txt', format: 'markdown' })
    assert.equal(doc.committee, 'Socialnämnden')
    assert.equal(doc.organisation, undefined, 'the protocol does not name the city')
    assert.deepEqual(doc.meeting, {
      date: '2022-12-14',
      start: '17:00',
      end: '17:15',
      location: 'Socialförvaltningen, Storforsplan 36, Farsta, lokal Storfors',
    })
    assert.deepEqual(doc.sections, { first: 1, last: 19 })
    assert.deepEqual(
      doc.items.map((i) => i.section),
      range(1, 19),
    )
  })

  it('reads chair, secretary, signatories and both sign-offs', () => {
    assert.equal(doc.chair, 'Jan Jönsson')
    assert.equal(doc.secretary, 'Magnus Hillborg')
    assert.deepEqual(doc.signatories, ['Jan Jönsson', 'Anders Göransson'])
    assert.deepEqual(doc.signOffs, [
      { sections: [18, 19], date: '2022-12-14' },
      { sections: range(1, 17), date: '2022-12-19' },
    ])
  })

  it('reads attendance: struck-through members are absent, serving substitutes serve for them', () => {
    const person = (name: string) => doc.attendance?.find((a) => a.name === name)
    assert.deepEqual(person('Alexander Ojanne'), {
      name: 'Alexander Ojanne',
      party: 'S',
      role: 'ordförande',
      present: false,
    })
    assert.equal(person('Jan Jönsson')?.role, 'vice ordförande')
    const serving = doc.attendance?.filter((a) => a.role === 'tjänstgörande ersättare') ?? []
    assert.equal(serving.length, 6)
    assert.deepEqual(person('Emil Adén'), {
      name: 'Emil Adén',
      party: 'S',
      role: 'tjänstgörande ersättare',
      present: true,
      servingFor: 'Alexander Ojanne',
    })
    assert.equal(person('Merit Lindberg')?.servingFor, 'Michaela Hollis')
    assert.equal(person('Greta Eulau')?.present, false)
    assert.equal(person('Anna Rantala Bonnier')?.party, 'F!')
    assert.deepEqual(person('Maria Karlsson'), {
      name: 'Maria Karlsson',
      role: 'tjänsteperson',
      title: 't.f. avdelningschef',
      present: true,
    })
    assert.equal(doc.attendance?.filter((a) => a.name === 'Emil Adén').length, 1, 'listed once')
  })

  it('reads § 5: registry number, two decision points, officer report date, procedure', () => {
    const s5 = section(doc, 5)
    assert.equal(s5.title, 'Månadsrapport november 2022')
    assert.deepEqual(s5.registryNumbers, ['1.2.2-72/2022'])
    assert.deepEqual(s5.decision, [
      'Socialnämnden godkänner rapporten.',
      'Förvaltningschefen ges i uppdrag besluta om bidrag till Sociala Missionen för projektet ”Att höra till – samordnade insatser för äldre i utsatthet” förutsatt att godkänd ansökan inkommer.',
    ])
    assert.equal(s5.officerReportDate, '2022-12-07')
    assert.equal(s5.decisionProcedure, 'Nämnden ställde sig bakom förvaltningens förslag.')
    assert.match(s5.summary ?? '', /^Prognosen baseras på utfallet per 31 oktober/)
  })

  it('reads § 6: a title over two lines and a särskilt uttalande by Gabriel Kroon (SD)', () => {
    const s6 = section(doc, 6)
    assert.equal(
      s6.title,
      'Avtal om samverkan för insatser till avhoppare mellan Stockholm, Göteborg och Malmö',
    )
    assert.equal(s6.statements?.length, 1)
    assert.equal(s6.statements?.[0]?.kind, 'särskilt uttalande')
    assert.deepEqual(s6.statements?.[0]?.by, [{ name: 'Gabriel Kroon', party: 'SD' }])
    assert.match(s6.statements?.[0]?.text ?? '', /^Sverigedemokraterna anser.*\n\nProjektet bör utvärderas/s)
  })

  it('reads § 10: two motions, the second with three points, and a dissent by L, M and C', () => {
    const s10 = section(doc, 10)
    assert.equal(s10.motions?.length, 2)
    assert.deepEqual(
      s10.motions?.[0]?.by.map((a) => a.party),
      ['S', 'V', 'MP', 'SD'],
    )
    assert.deepEqual(s10.motions?.[0]?.by[0], { name: 'Anders Göransson', party: 'S', andOthers: true })
    assert.deepEqual(
      s10.motions?.[1]?.by.map((a) => a.party),
      ['L', 'M', 'C'],
    )
    assert.equal(s10.motions?.[1]?.points?.length, 3)
    assert.equal(s10.motions?.[1]?.points?.[0], 'att i huvudsak bifalla förvaltningens förslag till beslut.')
    assert.equal(s10.dissents?.length, 1)
    assert.deepEqual(
      s10.dissents?.[0]?.by.map((a) => a.party),
      ['L', 'M', 'C'],
    )
  })

  it('keeps § 10 as printed: the numbered points of the motion, then the paragraphs after "3. att därutöver anföra:"', () => {
    const motion = section(doc, 10).motions?.[1]
    const blocks = textBlocks(motion?.text ?? '')
    assert.deepEqual(
      blocks.map((b) =>
        b.kind === 'list' ? `${b.ordered ? 'ol' : 'ul'}:${b.items.length}` : b.text.slice(0, 24),
      ),
      [
        'Jan Jönsson (L), Ole-Jör',
        'ol:3',
        'Av förvaltningens tjänst',
        'Vi ställer oss dock tvek',
        'påtalat att Kommunfullmä',
        'Vi menar att det framgår',
      ],
    )
    const list = blocks[1]
    assert.equal(list?.kind === 'list' && list.items[2], 'att därutöver anföra:')
  })

  it('keeps bullet lists in § 15 and § 18 as lists', () => {
    const statement = section(doc, 15).statements?.[1]?.text ?? ''
    const bullets = textBlocks(statement).find((b) => b.kind === 'list')
    assert.equal(bullets?.kind === 'list' && !bullets.ordered && bullets.items.length, 4)
    const point = textBlocks(section(doc, 18).decision?.[1] ?? '')
    assert.deepEqual(
      point.map((b) => b.kind),
      ['paragraph', 'list'],
    )
  })

  it('reads § 15: two särskilda uttalanden and an ersättaryttrande by Anna Rantala Bonnier (F!)', () => {
    const kinds = section(doc, 15).statements?.map((s) => s.kind)
    assert.deepEqual(kinds, ['särskilt uttalande', 'särskilt uttalande', 'ersättaryttrande'])
    assert.deepEqual(section(doc, 15).statements?.[2]?.by, [{ name: 'Anna Rantala Bonnier', party: 'F!' }])
  })

  it('keeps the six report items A–F of § 16 as one lettered list and its decision apart', () => {
    const s16 = section(doc, 16)
    const blocks = textBlocks(s16.summary ?? '')
    assert.equal(blocks.length, 1)
    assert.deepEqual(blocks[0] && { ...blocks[0], items: [] }, {
      kind: 'list',
      ordered: true,
      counter: 'A',
      items: [],
    })
    assert.deepEqual(
      s16.summary?.split('\n').map((l) => l.slice(0, 2)),
      ['A.', 'B.', 'C.', 'D.', 'E.', 'F.'],
    )
    assert.deepEqual(s16.decision, ['Nämnden lägger anmälningssärendena till handlingarna.'])
    assert.equal(s16.registryNumbers, undefined, 'report items carry their own dnr, not the §’s')
  })

  it('marks §§ 18 and 19 for immediate sign-off and joins nested points', () => {
    assert.deepEqual(
      doc.items.filter((i) => i.immediateSignOff).map((i) => i.section),
      [18, 19],
    )
    assert.equal(
      section(doc, 18).title,
      'Upphandlingsdokument för upphandling av sjuksköterskeinsatser på jourtid',
    )
    assert.equal(section(doc, 19).decision?.length, 4)
    assert.match(section(doc, 19).decision?.[1] ?? '', /räkning:\n- teckna avtal\n- häva/)
  })

  it('finds thirteen distinct registry numbers in §§ 5–19', () => {
    const numbers = new Set(doc.items.flatMap((i) => i.registryNumbers ?? []))
    assert.equal(numbers.size, 13)
    assert.ok(numbers.has('3..2.2-590/2022'), 'kept as printed')
  })

  it('gives no warnings and leaves out what is not stated', () => {
    assert.deepEqual(doc.warnings, [])
    assert.equal(section(doc, 1).registryNumbers, undefined)
    assert.ok(!JSON.stringify(doc).includes('""'), 'no empty strings')
  })
})

describe('parseDocument: portal pages copied from a browser', () => {
  it('reads seed 001: items 1–16, 18 and 19, the described ones numbered 5–15', async () => {
    const doc = await parse('001_20ab8816d6ccb0bd.txt')
    assert.equal(doc.kind, 'agenda')
    assert.equal(doc.source.format, 'portal-text')
    assert.deepEqual(
      doc.items.map((i) => i.number),
      [...range(1, 16), 18, 19].map(String),
    )
    const described = doc.items.filter((i) => i.summary)
    assert.equal(described.length, 11)
    assert.deepEqual(
      described.map((i) => i.number),
      range(5, 15).map(String),
    )
    assert.ok(described.every((i) => i.attachments?.[0]?.title === 'Bilagor' && i.title === undefined))
    assert.deepEqual(doc.items[0], { number: '1', title: 'Godkännande av dagordning' })
    assert.deepEqual(doc.items[4]?.registryNumbers, ['2023/310'])
    assert.equal(doc.items[6]?.registryNumbers, undefined, '(2023:26) is not a registry number')
    assert.ok(!JSON.stringify(doc).includes('cookies'))
    assert.equal(doc.minutesPublished, undefined)
  })

  it('reads seed 000: four standard items, 22 described items, two closing items; no minutes', async () => {
    const doc = await parse('000_7ac823c5cdfc07f6.txt')
    assert.equal(doc.minutesPublished, false)
    assert.equal(doc.items.length, 28)
    assert.deepEqual(
      doc.items.slice(0, 4).map((i) => i.title),
      [
        'Val av justerare och tid för justering',
        'Godkännande av dagordning',
        'Förvaltningen informerar',
        'Nämndens frågor till förvaltningen',
      ],
    )
    const described = doc.items.slice(4, 26)
    assert.ok(described.every((i) => i.summary))
    assert.ok(described.slice(0, 21).every((i) => i.attachments?.length === 1))
    assert.match(
      described[21]?.summary ?? '',
      /^Under våren 2025 föreslog förvaltningen.*Aspuddens akut- och planeringsboende/,
    )
    assert.equal(described[21]?.attachments, undefined)
    assert.deepEqual(
      doc.items.slice(26).map((i) => i.title),
      ['Anmälan av protokoll och samverkan', 'Redovisning av delegeringsbeslut'],
    )
    assert.ok(
      doc.items.every((i) => i.number === undefined),
      'the page prints no numbers',
    )
  })

  it('reads the same kind of page as HTML', async () => {
    const doc = await parse('portal-socialnamnden-2024-03-19.html')
    assert.equal(doc.source.format, 'html')
    assert.equal(doc.committee, 'Socialnämnden')
    assert.deepEqual(doc.meeting, { date: '2024-03-19', start: '18:00', location: 'Stadshuset, Nämndrummet' })
    assert.deepEqual(
      doc.items.map((i) => i.number),
      ['1', '2', '3', '4', '5'],
    )
    assert.deepEqual(doc.items[2]?.attachments, [{ title: 'Bilagor', href: '/files/4711' }])
    assert.deepEqual(doc.items[2]?.registryNumbers, ['2024/118'])
  })
})

describe('parseDocument: protocol conventions from across Sweden', () => {
  it('reads PDF text with KS § numbering, a cover page, ANSLAG/BEVIS, votes and page noise', async () => {
    const doc = await parse('kommunstyrelsen-2024-02-27.txt')
    assert.equal(doc.source.format, 'text')
    assert.equal(doc.organisation, 'Exempelby kommun')
    assert.equal(doc.committee, 'Kommunstyrelsen')
    assert.deepEqual(doc.meeting, {
      date: '2024-02-27',
      start: '13:00',
      end: '16:30',
      location: 'Kommunhuset, sammanträdesrum Älven',
    })
    assert.deepEqual(
      doc.items.map((i) => i.number),
      ['KS 71', 'KS 72', 'KS 73', 'KS 74', 'KS 75', 'KS 76'],
    )
    assert.equal(doc.chair, 'Anna Berglund')
    assert.equal(doc.secretary, 'Elin Dahlgren')
    assert.deepEqual(doc.signatories, ['Anna Berglund', 'Per Holmén'])
    assert.deepEqual(doc.signOffs, [
      { sections: [76], date: '2024-02-27' },
      { sections: [71, 72, 73, 74, 75], date: '2024-03-04' },
    ])
    assert.equal(doc.noticePosted, '2024-03-05')
    assert.equal(doc.noticeRemoved, '2024-03-27')
    assert.equal(doc.appealDeadline, '2024-03-26')
    const person = (name: string) => doc.attendance?.find((a) => a.name === name)
    assert.equal(person('Karin Lundkvist')?.servingFor, 'Olle Strandberg')
    assert.deepEqual(person('Hassan Rahimi')?.sections, [71, 72, 73, 74, 76])
    assert.deepEqual(person('Maja Forsell')?.sectionsNotServed, [73])
    assert.deepEqual(person('Eva Granlund')?.sectionsPartlyServed, [75])
    assert.equal(person('Jonas Åberg')?.role, 'ersättare')
    assert.deepEqual(section(doc, 71).decision, ['att utse Per Holmén (M) att justera dagens protokoll.'])
    const s72 = section(doc, 72)
    assert.match(s72.summary ?? '', /Prognosen visar/, 'hyphenation joined')
    assert.deepEqual(
      s72.decision?.[1],
      'att uppdra åt kommundirektören att återkomma med en åtgärdsplan senast i april 2024.',
    )
    assert.ok(!JSON.stringify(doc).includes('Utdragsbestyrkande'), 'page furniture removed')
    const vote = section(doc, 73).votes?.[0]
    assert.equal(vote?.yes, 6)
    assert.equal(vote?.no, 1)
    assert.equal(vote?.abstain, 1)
    assert.equal(vote?.ballots?.length, 8)
    assert.deepEqual(vote?.ballots?.[6], { name: 'Tomas Wiklander', party: 'SD', vote: 'nej' })
    assert.match(vote?.question ?? '', /^Följande voteringsproposition godkänns: Ja-röst .* yrkande\.$/)
    assert.deepEqual(section(doc, 73).decision, ['att avslå motionen.'])
    assert.deepEqual(section(doc, 73).dissents?.[0]?.by, [{ name: 'Tomas Wiklander', party: 'SD' }])
    assert.deepEqual(section(doc, 74).recusals, [{ name: 'Maja Forsell', party: 'M' }])
    assert.equal(section(doc, 74).statements?.[0]?.kind, 'protokollsanteckning')
    assert.equal(section(doc, 75).statements?.[0]?.kind, 'särskilt yttrande')
    assert.equal(section(doc, 76).immediateSignOff, true)
    assert.deepEqual(doc.warnings, [])
  })

  it('reads Markdown with "§ 60/23" numbering, a vote table, secrecy and omedelbar justering', async () => {
    const doc = await parse('bygg-och-miljonamnden-2023-05-10.md')
    assert.equal(doc.committee, 'Bygg- och miljönämnden')
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.section]),
      [
        ['60/23', 60],
        ['61/23', 61],
        ['62/23', 62],
        ['63/23', 63],
        ['64/23', 64],
      ],
    )
    const s61 = section(doc, 61)
    assert.equal(s61.proposal?.length, 2)
    assert.equal(s61.votes?.[0]?.question, 'Ja-röst för förvaltningens förslag, nej-röst för avslag.')
    assert.deepEqual(
      s61.votes?.[0]?.ballots?.map((b) => b.vote),
      ['ja', 'ja', 'ja', 'nej', 'avstår'],
    )
    assert.deepEqual([s61.votes?.[0]?.yes, s61.votes?.[0]?.no, s61.votes?.[0]?.abstain], [3, 1, 1])
    assert.equal(section(doc, 62).confidential, true)
    assert.equal(section(doc, 63).officerReportDate, '2023-04-20')
    assert.equal(section(doc, 63).statements?.[0]?.kind, 'ersättaryttrande')
    assert.equal(section(doc, 64).immediateSignOff, true)
    assert.deepEqual(doc.signOffs?.[0], { sections: [64], date: '2023-05-10' })
    assert.deepEqual(doc.attendance?.find((a) => a.name === 'Bertil Nyqvist')?.sectionsNotServed, [62])
    assert.equal(doc.attendance?.find((a) => a.name === 'Ahmed Yilmaz')?.present, false)
  })

  it('reads an HTML protocol: del for absent members, an HTML vote table, headings per §', async () => {
    const doc = await parse('barn-och-utbildningsnamnden-2024-04-16.html')
    assert.equal(doc.source.format, 'html')
    assert.equal(doc.committee, 'Barn- och utbildningsnämnden')
    assert.equal(doc.attendance?.find((a) => a.name === 'Nora Lind')?.present, false)
    assert.equal(doc.attendance?.find((a) => a.name === 'Albin Kvist')?.servingFor, 'Nora Lind')
    const vote = section(doc, 21).votes?.[0]
    assert.deepEqual(
      vote?.ballots?.map((b) => b.vote),
      ['ja', 'nej', 'ja', 'nej', 'ja'],
    )
    assert.deepEqual([vote?.yes, vote?.no], [3, 2])
    assert.equal(section(doc, 21).dissents?.[0]?.by.length, 2)
    assert.deepEqual(doc.signOffs, [{ sections: [21, 22, 23], date: '2024-04-22' }])
    assert.ok(!JSON.stringify(doc).includes('cookies'))
  })

  it('reads a PDF: text extracted with unpdf, running headers and footers removed', async () => {
    const doc = await parse('kommunfullmaktige-2024-06-17.pdf')
    assert.equal(doc.source.format, 'pdf')
    assert.equal(doc.committee, 'Kommunfullmäktige')
    assert.equal(doc.organisation, 'Exempelby kommun')
    assert.deepEqual(doc.meeting?.date, '2024-06-17')
    assert.deepEqual(doc.signatories, ['Göran Lilja', 'Rune Axelsson', 'Birgitta Modin'])
    assert.equal(doc.appealDeadline, '2024-07-16')
    assert.match(section(doc, 63).summary ?? '', /14,2 miljoner kronor/)
    assert.deepEqual(section(doc, 64).decision, [
      'att bevilja kommunstyrelsen och dess ledamöter ansvarsfrihet för 2023.',
    ])
    assert.deepEqual(section(doc, 64).recusals, [{ name: 'Rune Axelsson', party: 'S' }])
    const vote = section(doc, 65).votes?.[0]
    assert.deepEqual(
      vote?.ballots?.map((b) => `${b.name}:${b.vote}`),
      ['Göran Lilja:ja', 'Rune Axelsson:ja', 'Birgitta Modin:ja', 'Lena Sundqvist:nej', 'Omar Said:nej'],
    )
    assert.deepEqual([vote?.yes, vote?.no], [3, 2])
    assert.deepEqual(doc.signOffs?.[0], { sections: [66], date: '2024-06-17' })
  })

  it('reads a text agenda (kallelse) with numbered items and a numbering gap', async () => {
    const doc = await parse('kallelse-kultur-och-fritidsnamnden-2024-09-10.txt')
    assert.equal(doc.kind, 'agenda')
    assert.equal(doc.committee, 'Kultur- och fritidsnämnden')
    assert.deepEqual(
      doc.items.map((i) => i.number),
      ['1', '2', '3', '4', '6'],
    )
    assert.deepEqual(doc.items[2]?.registryNumbers, ['KFN 2024/88'])
    assert.deepEqual(doc.items[3]?.proposal, ['att anta förvaltningens förslag till nya öppettider.'])
  })
})

describe('parseDocument: encodings and bad input', () => {
  const text = readFileSync(
    new URL('../../test/fixtures/documents/002_02371675939a916f.txt', import.meta.url),
    'utf8',
  )

  const variants: [string, Uint8Array][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    [
      'Windows-1252',
      Buffer.from(text.replace(/[^\t\n\u0020-\u00ff–”’]/g, '?').replace(/[–”’]/g, '-'), 'latin1'),
    ],
    ['CRLF line endings', Buffer.from(text.replace(/\n/g, '\r\n'))],
  ]
  for (const [name, bytes] of variants) {
    it(`reads seed 002 as ${name}`, async () => {
      const doc = await parse('002.txt', bytes)
      assert.equal(doc.committee, 'Socialnämnden')
      assert.equal(doc.chair, 'Jan Jönsson')
      assert.equal(doc.items.length, 19)
      assert.equal(doc.attendance?.find((a) => a.name === 'Emil Adén')?.servingFor, 'Alexander Ojanne')
    })
  }

  const refusals: [string, Uint8Array][] = [
    ['an empty file', new Uint8Array()],
    ['binary junk', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
    [
      'text that is no meeting document',
      Buffer.from('Hej!\nDet här är en inköpslista: mjölk, bröd och smör.\n'),
    ],
    ['a broken PDF', Buffer.from('%PDF-1.4\nnot really a pdf')],
  ]
  for (const [name, bytes] of refusals) {
    it(`refuses ${name} with a one-line reason`, async () => {
      const outcome = await parseDocument({ bytes, fileName: 'x.bin' })
      assert.equal(outcome.ok, false)
      assert.ok(!outcome.ok && outcome.reason.length > 0 && !outcome.reason.includes('\n'))
      // In Swedish, like the rest of the command.
      assert.doesNotMatch(outcome.reason, /\b(?:the|not|could|found|file|empty|neither|whose)\b/i)
    })
  }

  it('reads a document cut off mid-word, with a warning', async () => {
    const cut = text.slice(0, text.indexOf('förenliga med upphandlingslagstiftningen') + 12)
    const doc = await parse('cut.txt', Buffer.from(cut))
    assert.equal(doc.items.length, 18)
    assert.equal(doc.chair, 'Jan Jönsson')
    assert.ok(
      doc.warnings.some((w) => /^rad \d+: /.test(w)),
      doc.warnings.join('; '),
    )
  })
})
