import type { SignOffReminder } from '../../../domain/sign-off/sign-off-reminder.ts'
import { formatLongDate } from '../../views/format.ts'

const daysText = (daysLeft: number) =>
  daysLeft < 0
    ? `försenat ${-daysLeft} ${-daysLeft === 1 ? 'dag' : 'dagar'}`
    : daysLeft === 0
      ? 'sista dagen i dag'
      : `${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagar'} kvar`

/**
 * The protocols of my committees not yet signed off, each with its deadline: 14 days after the
 * meeting (KL 5:69). Those three days or less from it, or past it, are marked as reminders.
 */
export function SignOffReminders({
  reminders,
}: {
  reminders: ReadonlyArray<SignOffReminder & { href: string | undefined }>
}) {
  if (reminders.length === 0) return null
  return (
    <section aria-labelledby="justering-fore">
      <h2 id="justering-fore">Protokoll att justera</h2>
      <p class="hint">Ett protokoll ska justeras senast 14 dagar efter sammanträdet (KL 5:69).</p>
      <ul>
        {reminders.map((r) => {
          const label = `${r.committeeName} ${formatLongDate(r.meetsOn)}`
          return (
            <li key={r.minutesId}>
              {r.href ? <a href={r.href}>{label}</a> : label}: justeras senast {formatLongDate(r.deadline)} (
              {daysText(r.daysLeft)}){r.daysLeft <= 3 && <strong> Påminnelse: justera snart.</strong>}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
