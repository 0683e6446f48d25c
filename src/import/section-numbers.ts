const MAX_EXPANDED = 2000

/**
 * The § numbers of a list as printed: "§§ 1-17", "28–49, 51–52", "71, 73 och 75" → every number.
 * Ranges are expanded (at most 2,000 numbers, so a misprint cannot blow up).
 */
export function parseSectionList(text: string): number[] {
  const out: number[] = []
  const seen = new Set<number>()
  const add = (n: number) => {
    if (!seen.has(n) && out.length < MAX_EXPANDED) {
      seen.add(n)
      out.push(n)
    }
  }
  const cleaned = text.slice(0, 2000).replace(/(\d)\s*\/\s*\d{2,4}\b/g, '$1')
  for (const m of cleaned.matchAll(/(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?/g)) {
    const a = Number(m[1])
    const b = m[2] ? Number(m[2]) : a
    if (b >= a && b - a < MAX_EXPANDED) for (let n = a; n <= b; n++) add(n)
    else add(a)
  }
  return out
}
