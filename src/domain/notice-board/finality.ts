import { addDays } from '../shared/calendar-date.ts'

/** Where a decision stands after it was announced: open to appeal, appealed, or final (laga kraft). */
export type Finality =
  | { state: 'not_announced' }
  | { state: 'appealable'; lastAppealDay: string }
  | { state: 'appealed'; appeals: number }
  | { state: 'final'; since: string }

export const finalityLabels: Record<Finality['state'], string> = {
  not_announced: 'Inte anslaget',
  appealable: 'Kan överklagas',
  appealed: 'Överklagat',
  final: 'Har vunnit laga kraft',
}

/**
 * KL 13:5: an appeal must reach the court (or the municipality, 13:5 third paragraph) within three
 * weeks of the notice. With none in time, the decision is final the day after the last appeal day.
 * An appeal received too late does not stop that; the court dismisses it.
 */
export function finalityOf(
  input: { lastAppealDay: string | null; appealsReceivedOn: readonly string[] },
  today: string,
): Finality {
  if (!input.lastAppealDay) return { state: 'not_announced' }
  const inTime = input.appealsReceivedOn.filter((day) => day <= (input.lastAppealDay as string))
  if (inTime.length > 0) return { state: 'appealed', appeals: inTime.length }
  if (today <= input.lastAppealDay) return { state: 'appealable', lastAppealDay: input.lastAppealDay }
  return { state: 'final', since: addDays(input.lastAppealDay, 1) }
}
