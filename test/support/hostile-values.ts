// Hostile values for the fuzz tests (test/hostile-*.test.ts): seeded, so a failure names its input.

export type Random = ReturnType<typeof generator>

/** mulberry32: a small, fast, seeded generator; the same seed gives the same inputs. */
export function generator(start: number) {
  let state = start >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T }
}

export const scriptMarker = '<script>fuzz(1)</script>'
export const handlerMarker = '<img src=x onerror=fuzz(2)>'

/** Values no one should send, each a kind of trouble. */
export const nasty: readonly string[] = [
  '',
  ' ',
  scriptMarker,
  handlerMarker,
  '"><svg onload=fuzz(3)>',
  'javascript:fuzz(4)',
  "' OR 1=1 --",
  "'; DROP TABLE committee; --",
  '" OR ""="',
  '%',
  '_',
  '\\',
  '*',
  '"',
  'NEAR(a b)',
  'a AND OR NOT b',
  '^a:b',
  '(((',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m',
  '\r\nSet-Cookie: x=1',
  '\uD800',
  '\uFFFE\uFFFF',
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301',
  '🏛️👩‍⚖️',
  'Å'.repeat(600),
  'x'.repeat(5_001),
  'ö'.repeat(40_000),
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
  '2026-13-45T99:99:99Z',
  '[]',
  '{"a":1}',
  'socialnamnden',
  '1.2.2-72/2022',
]

/** A value: a nasty one, a random string of code points from troublesome ranges, or both joined. */
export function hostileValue(random: Random): string {
  const roll = random.next()
  if (roll < 0.55) return random.pick(nasty)
  const ranges: Array<[number, number]> = [
    [0x00, 0x1f],
    [0x20, 0x7e],
    [0x80, 0xff],
    [0x300, 0x36f],
    [0x590, 0x6ff],
    [0xd800, 0xdfff],
    [0xfff0, 0xffff],
    [0x1f300, 0x1f6ff],
  ]
  const length = Math.floor(random.next() ** 3 * 3_000)
  let text = ''
  for (let i = 0; i < length; i++) {
    const [low, high] = random.pick(ranges)
    text += String.fromCodePoint(low + Math.floor(random.next() * (high - low + 1)))
  }
  return roll < 0.85 ? text : `${random.pick(nasty)}${text}${random.pick(nasty)}`
}

/** A query string with every name given, some names twice (an array to a parser). */
export function queryOf(fields: Record<string, string>, random: Random): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    params.append(name, value)
    if (random.next() < 0.1) params.append(name, value)
  }
  return params.toString()
}
