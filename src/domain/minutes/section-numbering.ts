// Numbering of the sections (paragrafer) of minutes. The scheme is local (the committee's
// reglemente): from 1 at each meeting or running through the year, with or without a prefix.

import { parseIsoDate } from '../shared/calendar-date.ts'

export type SectionNumbering = {
  scheme: 'per_meeting' | 'per_year'
  /** The committee's abbreviation before the §, e.g. 'KS' gives "KS § 136". */
  prefix?: string
  /** Add the two-digit year of the meeting, e.g. "§ 63/20". */
  yearSuffix?: boolean
}

export type SectionLabel = { number: number; prefix?: string; yearSuffix?: string }

/** The number of a meeting's first §: 1 per meeting, or the year's last § so far plus one. */
export function firstSectionNumber(
  numbering: SectionNumbering,
  year: { previousInYear?: number } = {},
): number {
  if (numbering.scheme === 'per_meeting') return 1
  return (year.previousInYear ?? 0) + 1
}

/** The § as printed in the minutes: "§ 5", "KS § 136", "§ 63/20". */
export function formatSectionLabel(number: number, numbering: SectionNumbering, meetingOn: string): string {
  if (!Number.isInteger(number) || number < 1)
    throw new RangeError(`Expected a § number from 1, got ${number}`)
  const prefix = numbering.prefix ? `${numbering.prefix} ` : ''
  const suffix = numbering.yearSuffix ? `/${String(parseIsoDate(meetingOn).year % 100).padStart(2, '0')}` : ''
  return `${prefix}§ ${number}${suffix}`
}

// An optional prefix of letters, "§" or "§§" (required without a prefix), the number, an optional /year.
const sectionLabelPattern = /^(?:(\p{L}[\p{L}-]*)\s*)?(§§?)?\s*(\d+)(?:\/(\d{2}|\d{4}))?$/u

/**
 * Reads a § label as printed in published minutes: "§ 5", "§§ 5", "§ 63/20", "KS § 136",
 * "KS 136", "Sn 50". Undefined for anything else, a bare number or a range ("§§ 1-17") included.
 */
export function parseSectionLabel(text: string): SectionLabel | undefined {
  const match = sectionLabelPattern.exec(text.trim())
  if (!match) return undefined
  const [, prefix, sign, digits, yearSuffix] = match
  if (!prefix && !sign) return undefined
  const number = Number(digits)
  if (number < 1) return undefined
  return { number, ...(prefix && { prefix }), ...(yearSuffix && { yearSuffix }) }
}
