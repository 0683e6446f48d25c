// A seeded random source for `paragraf generate`: the same seed gives the same archive on every
// machine (Math.random cannot be seeded). sfc32 is small, fast and good enough for test data.

export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(list: readonly T[]): T
  /** An element drawn with Zipf-like weights: the first is the most frequent (zipf.ts). */
  zipf<T>(table: ZipfTable<T>): T
}

export function seededRandom(seed: string): Random {
  // Four 32-bit words of state from the seed (cyrb128), then sfc32.
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  let a = h1 >>> 0
  let b = h2 >>> 0
  let c = h3 >>> 0
  let d = h4 >>> 0
  const next = () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    zipf: (table) =>
      table.items[lowerBound(table.cumulative, next() * table.total)] as (typeof table.items)[number],
  }
}

/** Items with the weights 1/rank^exponent, ready for drawing. */
export interface ZipfTable<T> {
  items: readonly T[]
  cumulative: Float64Array
  total: number
}

export function zipfTable<T>(items: readonly T[], exponent = 1): ZipfTable<T> {
  const cumulative = new Float64Array(items.length)
  let total = 0
  for (let i = 0; i < items.length; i++) {
    total += 1 / (i + 1) ** exponent
    cumulative[i] = total
  }
  return { items, cumulative, total }
}

function lowerBound(cumulative: Float64Array, value: number): number {
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((cumulative[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}
