// When two printed names are one person (docs/person-matching.md). Published protocols carry names
// only, and the same member is spelt "Dan Guillou" in the attendance and "Daniel Guillou" in § 10,
// "María" on the cover and "Maria" in four §§. The rule is deliberately narrow: a variant is only
// ever matched against a short list of people with the same party, and a match must be unique.

/** A name as compared: diacritics, case, hyphens and repeated spaces do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐–]/g, ' ')
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

// Short forms of Swedish given names that protocols use for the same person. Only pairs seen in
// practice; a guess here would merge two people, so the table stays small and explicit.
const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['dan', 'daniel'],
  ['danne', 'daniel'],
  ['micke', 'mikael'],
  ['mike', 'mikael'],
  ['janne', 'jan'],
  ['lasse', 'lars'],
  ['pelle', 'per'],
  ['kalle', 'karl'],
  ['nisse', 'nils'],
  ['olle', 'olof'],
  ['ola', 'olof'],
  ['bosse', 'bo'],
  ['sussie', 'susanne'],
  ['sanna', 'susanna'],
  ['stina', 'kristina'],
  ['kicki', 'kristina'],
  ['maggan', 'margareta'],
  ['gunnel', 'gunilla'],
  ['tom', 'thomas'],
  ['tompa', 'thomas'],
  ['alex', 'alexander'],
  ['alex', 'alexandra'],
  ['chris', 'christoffer'],
  ['fredde', 'fredrik'],
  ['jocke', 'joakim'],
  ['hasse', 'hans'],
  ['benke', 'bengt'],
  ['kattis', 'katarina'],
  ['cattis', 'catarina'],
  ['lotta', 'charlotte'],
  ['lotten', 'charlotte'],
]

function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true
  return SHORT_FORMS.some(([short, full]) => (a === short && b === full) || (a === full && b === short))
}

/**
 * Whether two printed names can be the same person: equal but for diacritics, case or hyphens;
 * a given name and its short form (Dan, Daniel); or a middle name present in one and absent in the
 * other. The surname (the last word) must always be the same.
 */
export function isNameVariant(a: string, b: string): boolean {
  const x = nameKey(a).split(' ').filter(Boolean)
  const y = nameKey(b).split(' ').filter(Boolean)
  if (x.length < 2 || y.length < 2) return false
  if (x.join(' ') === y.join(' ')) return true
  if (x.at(-1) !== y.at(-1)) return false
  if (!sameGivenName(x[0] as string, y[0] as string)) return false
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  // Middle names: every word of the shorter name, in order, is a word of the longer one.
  let k = 1
  for (const word of short.slice(1, -1)) {
    while (k < long.length - 1 && long[k] !== word) k++
    if (k >= long.length - 1) return false
    k++
  }
  return true
}

export interface NameCandidate {
  name: string
  party?: string | undefined
}

/**
 * The one candidate a printed name refers to, when it is a variant of exactly one of them with the
 * same party (a party missing on either side does not block). Two candidates that both fit (two
 * Anderssons serving at the same meeting) are two people: then none is chosen.
 */
export function matchNameVariant<C extends NameCandidate>(
  printed: NameCandidate,
  candidates: readonly C[],
): C | undefined {
  const fitting = candidates.filter(
    (c) =>
      (!printed.party || !c.party || nameKey(printed.party) === nameKey(c.party)) &&
      isNameVariant(printed.name, c.name),
  )
  const distinct = new Map(fitting.map((c) => [`${nameKey(c.name)}|${nameKey(c.party ?? '')}`, c]))
  return distinct.size === 1 ? fitting[0] : undefined
}
