import { type Random, seededRandom, type ZipfTable, zipfTable } from './random.ts'
import {
  compoundHeads,
  compoundTails,
  districtNames,
  nouns,
  pastVerbs,
  prepositions,
  presentVerbs,
  proposalVerbs,
  stockSentences,
  subjects,
} from './vocabulary.ts'

// The texts of generated records: titles, summaries, proposals, decisions and officers' reports in
// the phrasing of Swedish protocols. The topics are drawn from nouns and compounds with Zipf-like
// frequencies, so the search index holds a few very common words and a long tail of rare ones.

/** Every topic word, most frequent first: the nouns, then the compounds in a fixed mixed order. */
function topicWords(): string[] {
  const compounds = compoundHeads.flatMap((head) =>
    compoundTails.filter((tail) => head !== tail && head !== `${tail}s`).map((tail) => head + tail),
  )
  // The compounds' ranks are fixed by a seed of their own, the same for every archive.
  const order = seededRandom('vocabulary')
  for (let i = compounds.length - 1; i > 0; i--) {
    const j = Math.floor(order.next() * (i + 1))
    ;[compounds[i], compounds[j]] = [compounds[j] as string, compounds[i] as string]
  }
  return [...new Set([...nouns, ...compounds])]
}

const topics: ZipfTable<string> = zipfTable(topicWords(), 1)
/** The number of distinct topic words and phrases the texts are drawn from. */
export const topicCount = topics.items.length

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export class SwedishText {
  constructor(private readonly random: Random) {}

  topic(): string {
    return this.random.zipf(topics)
  }

  private phrase(): string {
    const r = this.random
    return r.chance(0.4) ? `${this.topic()} ${r.pick(prepositions)} ${this.topic()}` : this.topic()
  }

  place(): string {
    return this.random.pick(districtNames)
  }

  /** The title of an agenda item and its §. */
  itemTitle(year: number, place: string): string {
    const r = this.random
    switch (r.int(0, 13)) {
      case 0:
        return `${capitalise(this.topic())} ${year}`
      case 1:
        return `Yttrande över remiss om ${this.phrase()}`
      case 2:
        return `Medborgarförslag om ${this.topic()} i ${this.place()}`
      case 3:
        return `Detaljplan för ${place} ${r.int(1, 40)}:${r.int(1, 300)}`
      case 4:
        return `Upphandling av ${this.topic()}`
      case 5:
        return `Revidering av ${this.topic()}`
      case 6:
        return `Uppföljning av ${this.topic()} ${year}`
      case 7:
        return `Delårsrapport ${r.pick(['januari–april', 'januari–augusti'])} ${year}`
      case 8:
        return `Svar på motion om ${this.phrase()}`
      case 9:
        return `Bygglov för ${this.topic()}, ${place} ${r.int(1, 40)}:${r.int(1, 300)}`
      case 10:
        return `Ansökan om ${this.topic()}`
      case 11:
        return `Information om ${this.phrase()}`
      case 12:
        return `Riktlinjer för ${this.topic()}`
      default:
        return capitalise(this.phrase())
    }
  }

  sentence(): string {
    const r = this.random
    switch (r.int(0, 5)) {
      case 0:
        return `${r.pick(subjects)} ${r.pick(pastVerbs)} ${this.phrase()}.`
      case 1:
        return `${r.pick(subjects)} ${r.pick(presentVerbs)} ${this.phrase()} ${r.pick(prepositions)} ${this.place()}.`
      case 2:
        return `Kostnaden för ${this.topic()} beräknas till ${r.int(1, 95)},${r.int(0, 9)} miljoner kronor.`
      case 3:
        return `Förslaget innebär att ${this.topic()} och ${this.topic()} samordnas under ${r.int(2019, 2030)}.`
      case 4:
        return r.pick(stockSentences)
      default:
        return `Syftet är att stärka ${this.phrase()}.`
    }
  }

  paragraph(sentences: number): string {
    const out: string[] = []
    for (let i = 0; i < sentences; i++) out.push(this.sentence())
    return out.join(' ')
  }

  /** The proposal of an agenda item or the decision of a §: "att …" clauses. */
  proposal(body: string, count: number): string[] {
    const r = this.random
    const out: string[] = []
    for (let i = 0; i < count; i++)
      out.push(`att ${r.pick(proposalVerbs)} ${i === 0 ? body.toLowerCase() : this.phrase()}`)
    return out
  }

  /** An officer's report (tjänsteutlåtande) of some hundred words, with its headings. */
  report(title: string): string {
    const r = this.random
    return [
      'Sammanfattning',
      this.paragraph(r.int(2, 4)),
      'Bakgrund',
      this.paragraph(r.int(3, 6)),
      'Förvaltningens bedömning',
      this.paragraph(r.int(3, 6)),
      `Förvaltningen föreslår att nämnden beslutar i enlighet med förslaget om ${title.toLowerCase()}.`,
    ].join('\n')
  }
}
