const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
}

const DATE =
  /\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})(?::e|:a)?\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(\d{4})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/gi

/** Every date in the text, as YYYY-MM-DD, in order: "2022-12-14", "14 december 2022", "14.12.2022". */
export function findDates(text: string): string[] {
  const out: string[] = []
  if (text.length > 20000) text = text.slice(0, 20000)
  for (const m of text.matchAll(DATE)) {
    let y: number
    let mo: number
    let d: number
    if (m[1]) {
      y = Number(m[1])
      mo = Number(m[2])
      d = Number(m[3])
    } else if (m[4]) {
      y = Number(m[6])
      mo = MONTHS[(m[5] ?? '').toLowerCase()] ?? 0
      d = Number(m[4])
    } else {
      y = Number(m[9])
      mo = Number(m[8])
      d = Number(m[7])
    }
    const iso = isoDate(y, mo, d)
    if (iso) out.push(iso)
  }
  return out
}

/** The first date in the text, or undefined. */
export function findDate(text: string): string | undefined {
  return findDates(text)[0]
}

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1) return undefined
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const TIME = /\b([01]?\d|2[0-3])[.:]([0-5]\d)\b/g

/**
 * Start and end of a meeting from "Kl.17:00 – 17:15", "kl. 13.00–16.30, ajournering 14.30–14.45":
 * the first time and the last time given after "kl"/"klockan" (or in a line that is only times).
 */
export function findTimes(text: string): { start?: string; end?: string } {
  const at = /\bkl(?:ockan|\.)?/i.exec(text)
  const scope = (at ? text.slice(at.index) : text).slice(0, 300)
  const times = [...scope.matchAll(TIME)].map((m) => `${(m[1] ?? '').padStart(2, '0')}:${m[2]}`)
  if (times.length === 0) return {}
  if (!at && findDate(scope)) return {}
  const result: { start?: string; end?: string } = { start: times[0] }
  if (times.length > 1) result.end = times[times.length - 1]
  return result
}
