// Swedish public holidays (lag 1989:253 om allmänna helgdagar) and the days that lag 1930:173
// om beräkning av lagstadgad tid treats like them: Saturdays, midsommarafton, julafton, nyårsafton.

import { addDays, formatIsoDate, parseIsoDate, weekday } from './calendar-date.ts'

export type NamedDay = { date: string; name: string }

/**
 * The named days of a year, in date order: the public holidays of lag 1989:253 (Sundays aside)
 * and the eves of lag 1930:173. Swedish names, lower-case as in the statutes.
 */
export function swedishHolidays(year: number): NamedDay[] {
  const easterDay = easterSunday(year)
  const on = (month: number, day: number) => formatIsoDate({ year, month, day })
  const saturdayFrom = (month: number, day: number) =>
    addDays(on(month, day), (6 - weekday(on(month, day))) % 7)
  const days: NamedDay[] = [
    { date: on(1, 1), name: 'nyårsdagen' },
    { date: on(1, 6), name: 'trettondedag jul' },
    { date: addDays(easterDay, -2), name: 'långfredagen' },
    { date: easterDay, name: 'påskdagen' },
    { date: addDays(easterDay, 1), name: 'annandag påsk' },
    { date: on(5, 1), name: 'första maj' },
    { date: addDays(easterDay, 39), name: 'Kristi himmelsfärds dag' },
    { date: addDays(easterDay, 49), name: 'pingstdagen' },
    // Lag 2004:1052: from 2005 nationaldagen is a holiday and annandag pingst no longer is.
    year >= 2005
      ? { date: on(6, 6), name: 'nationaldagen' }
      : { date: addDays(easterDay, 50), name: 'annandag pingst' },
    { date: addDays(saturdayFrom(6, 20), -1), name: 'midsommarafton' }, // lag 1930:173
    { date: saturdayFrom(6, 20), name: 'midsommardagen' }, // the Saturday 20–26 June
    { date: saturdayFrom(10, 31), name: 'alla helgons dag' }, // the Saturday 31 Oct–6 Nov
    { date: on(12, 24), name: 'julafton' }, // lag 1930:173
    { date: on(12, 25), name: 'juldagen' },
    { date: on(12, 26), name: 'annandag jul' },
    { date: on(12, 31), name: 'nyårsafton' }, // lag 1930:173
  ]
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** The Swedish name of a public holiday or eve on this date; undefined for other days, ordinary weekends too. */
export function holidayName(date: string): string | undefined {
  return swedishHolidays(parseIsoDate(date).year).find((day) => day.date === date)?.name
}

/** Lag 1930:173: Saturdays, Sundays, public holidays, midsommarafton, julafton and nyårsafton. */
export function isNonWorkingDay(date: string): boolean {
  const day = weekday(date)
  return day === 0 || day === 6 || holidayName(date) !== undefined
}

/** The first working day strictly after `date` (Thursday before Easter -> the Tuesday after). */
export function nextWorkingDay(date: string): string {
  let next = addDays(date, 1)
  while (isNonWorkingDay(next)) next = addDays(next, 1)
  return next
}

/** Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return formatIsoDate({ year, month, day })
}
