import type { StatementKind } from '../domain/publication/document-json.ts'

export type PartKind =
  | { kind: 'summary' }
  | { kind: 'decision' }
  | { kind: 'proposal' }
  | { kind: 'motions' }
  | { kind: 'procedure' }
  | { kind: 'vote' }
  | { kind: 'dissent' }
  | { kind: 'statement'; statement: StatementKind }
  | { kind: 'recusal' }
  | { kind: 'attachments' }
  | { kind: 'immediate' }
  | { kind: 'ignored' }

const LABELS: [RegExp, PartKind][] = [
  [
    /^(?:ärendet|ärendebeskrivning|sammanfattning(?: av ärendet)?|bakgrund|beskrivning av ärendet|ärendet i korthet|information|föredragning|inledning)$/,
    { kind: 'summary' },
  ],
  [
    /^(?:förslag till beslut|\p{L}+s förslag(?: till beslut)?|förslag|tjänsteutlåtandets förslag|föreslaget beslut)$/u,
    { kind: 'proposal' },
  ],
  [
    /^(?:beslut|beslutet|[\p{L}][\p{L}\- &]{0,50}s beslut|beslut i \p{L}+|[\p{L}][\p{L}\- &]{0,50}s förslag till \p{L}+|\p{L}+ (?:beslutar|beslöt|beslutade)(?: följande| att)?|förslag till \p{L}*fullmäktige|utskottets förslag till \p{L}+)$/u,
    { kind: 'decision' },
  ],
  [
    /^(?:yrkanden?|yrkanden och propositionsordning|förslag till beslut på sammanträdet|yrkande på sammanträdet)$/,
    { kind: 'motions' },
  ],
  [
    /^(?:beslutsordning|propositionsordning|beslutsgång|proposition|propositionsordning och beslut|handläggning)$/,
    { kind: 'procedure' },
  ],
  [
    /^(?:omröstning|votering|omröstningsresultat|voteringsresultat|omröstningslista|voteringslista|omröstning och resultat)$/,
    { kind: 'vote' },
  ],
  [/^(?:reservation(?:er)?|reservation och särskilda? (?:yttranden?|uttalanden?))$/, { kind: 'dissent' }],
  [
    /^(?:särskil(?:t|da) uttalanden?|gemensamt särskilt uttalande)$/,
    { kind: 'statement', statement: 'särskilt uttalande' },
  ],
  [/^(?:särskil(?:t|da) yttranden?)$/, { kind: 'statement', statement: 'särskilt yttrande' }],
  [
    /^(?:protokollsanteckning(?:ar)?|protokollsanteckning(?:ar)? från \p{L}+)$/u,
    { kind: 'statement', statement: 'protokollsanteckning' },
  ],
  [/^(?:ersättaryttranden?)$/, { kind: 'statement', statement: 'ersättaryttrande' }],
  [/^(?:jäv|anmält jäv|jäv anmäls)$/, { kind: 'recusal' }],
  [/^(?:bilagor|bilaga|beslutsunderlag|handlingar|underlag|handlingar i ärendet)$/, { kind: 'attachments' }],
  [/^(?:omedelbar justering|justeras omedelbart|paragrafen justeras omedelbart)$/, { kind: 'immediate' }],
  [
    /^(?:expedieras(?: till)?|beslutet skickas till|expediering|sändlista|för kännedom till|beslutet ska skickas till)$/,
    { kind: 'ignored' },
  ],
]

/** The part of a § that a label opens ("Beslutsordning", "Socialnämndens beslut"), if any. */
export function sectionLabel(text: string): PartKind | undefined {
  if (text.length > 70) return undefined
  const l = text.toLowerCase().replace(/\s*:$/, '').trim()
  for (const [re, part] of LABELS) if (re.test(l)) return part
  return undefined
}

/**
 * A label at the start of a line followed by its content: "Beslut: Nämnden beslutar …",
 * "Reservation Anna Berg (S) reserverar sig …" (text from PDFs, where labels share a line).
 */
export function inlineSectionLabel(
  text: string,
): { part: PartKind; label: string; rest: string } | undefined {
  const colon = text.indexOf(':')
  if (colon > 2 && colon < 60) {
    const part = sectionLabel(text.slice(0, colon))
    const rest = text.slice(colon + 1).trim()
    if (part && rest) return { part, label: text.slice(0, colon), rest }
  }
  return undefined
}
