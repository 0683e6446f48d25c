// Personal identity numbers (personnummer, SFS 1991:481 § 18) and coordination numbers
// (samordningsnummer, the day + 60) must never be published (P3): the portal is voluntary
// publication, so GDPR art. 87 and OSL apply in full, and a personnummer identifies a private person.
//
// A number is reported only when it could really be one: YYMMDD-NNNC or YYYYMMDD-NNNC with a dash,
// a plus (a person of 100 or more) or nothing in between; a date that exists; and a check digit
// that passes the Luhn algorithm over the last ten digits. The two checks keep registry numbers
// (2023/310, 1.2.2-72/2022), organisation numbers (212000-0142: month 20), dates and amounts from
// blocking a publication. Ten digits in a row that pass both checks are reported all the same,
// even if they are a phone number written without spaces: a question to the clerk costs less than
// a leaked personnummer.

export interface PersonalIdentityNumberMatch {
  /** The number as written. */
  match: string
  /** Offset in the text (UTF-16 code units). */
  index: number
  /** 1-based line and column. */
  line: number
  column: number
}

// No digit right before or after: a longer number is not a personnummer inside another number.
const candidate = /(?<!\d)(\d{8}|\d{6})([-+]?)(\d{4})(?!\d)/g

/** Every personal identity or coordination number in a text, in order, with where it stands. */
export function findPersonalIdentityNumbers(text: string): PersonalIdentityNumberMatch[] {
  const found: PersonalIdentityNumberMatch[] = []
  for (const m of text.matchAll(candidate)) {
    const [match, date = '', , serial = ''] = m
    if (!isBirthDate(date) || !passesLuhn(`${date.slice(-6)}${serial}`)) continue
    const before = text.slice(0, m.index)
    const lineStart = before.lastIndexOf('\n') + 1
    found.push({
      match,
      index: m.index,
      line: before.split('\n').length,
      column: m.index - lineStart + 1,
    })
  }
  return found
}

/** YYMMDD or YYYYMMDD naming a real day; the day may be raised by 60 (samordningsnummer). */
function isBirthDate(digits: string): boolean {
  const month = Number(digits.slice(-4, -2))
  let day = Number(digits.slice(-2))
  if (day > 60) day -= 60
  if (month < 1 || month > 12 || day < 1) return false
  if (digits.length === 8) {
    const year = Number(digits.slice(0, 4))
    return year >= 1800 && day <= daysInMonth(year, month)
  }
  // Six digits leave the century open: the day must exist in one of 19YY and 20YY (29 February).
  const yy = Number(digits.slice(0, 2))
  return day <= Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month))
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The Luhn check (weights 2, 1, 2, 1 …) over ten digits, the last one being the check digit. */
export function passesLuhn(tenDigits: string): boolean {
  let sum = 0
  for (let i = 0; i < tenDigits.length; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1)
    sum += product > 9 ? product - 9 : product
  }
  return sum % 10 === 0
}

/** What stands on public pages, feeds and search results where a personal identity number was. */
export const personalIdentityNumberMask = '[personnummer borttaget]'

/**
 * The text with every personal identity number replaced by the mask (P3). The last line of defence
 * for texts that were never scanned, as imported protocols: the scan refuses, this hides.
 */
export function maskPersonalIdentityNumbers<Text extends string | null | undefined>(text: Text): Text {
  if (!text) return text
  const found = findPersonalIdentityNumbers(text)
  if (found.length === 0) return text
  let masked = ''
  let from = 0
  for (const { match, index } of found) {
    masked += text.slice(from, index) + personalIdentityNumberMask
    from = index + match.length
  }
  return (masked + text.slice(from)) as Text
}
