import { type Db, inTransaction } from '../../db/database.ts'
import { queueMail } from '../mail/mail.service.ts'
import { listSignOffs } from './sign-off.repository.ts'
import type { SignOff } from './sign-off.ts'
import { listSignOffReminders, type SignOffReminder } from './sign-off-reminder.ts'
import {
  listRemindersSent,
  listSecretaryContacts,
  listSignatoryContacts,
  recordReminderSent,
  type SignatoryContact,
  sentReminderKey,
} from './sign-off-reminder-mail.repository.ts'
import {
  composeSignOffReminderMail,
  minutesSignOffPageUrl,
  type ReminderStage,
  reminderDaysAhead,
  reminderOverdueLimitDays,
  reminderStageFor,
  signPageUrl,
} from './sign-off-reminder-mail.ts'

// Who is reminded (KL 5:69 puts the duty on the chair and the appointed signatories; the secretary
// keeps the minutes and prepares the sign-off):
//  - each appointed signatory who has not signed every pending sign-off of the minutes, at the
//    person's address or else that of their user account. One who has signed, or who has nothing to
//    sign yet because no §§ are put up for sign-off, gets no mail: there is nothing for them to do.
//  - every secretary of the committee (a user account with the role for the committee, its parent
//    or the whole organisation), whatever the state: getting the minutes signed off is their job.
// One mail per address and stage: a secretary who is also a signatory gets both parts in one mail.

interface PlannedReminder {
  reminder: SignOffReminder
  stage: ReminderStage
  /** Lower case: the address as the sent-reminder record knows it. */
  recipient: string
  name: string
  email: string
  signUrls: string[]
  secretary?: { url: string; unsignedNames: string[] }
}

/**
 * Queues the sign-off reminders due `today` (a Swedish date) and returns how many. Each goes in the
 * outbox in the transaction that records it as sent, under a unique constraint: the same reminder
 * never goes out twice, even from several servers at once. One query when nothing is near its deadline.
 */
export async function queueSignOffReminders(
  db: Db,
  input: { today: string; publicUrl: string },
): Promise<number> {
  const due = (
    await listSignOffReminders(db, input.today, reminderDaysAhead, {
      overdueAtMostDays: reminderOverdueLimitDays,
    })
  ).flatMap((reminder) => {
    const stage = reminderStageFor(reminder.daysLeft)
    return stage ? [{ reminder, stage }] : []
  })
  if (due.length === 0) return 0
  const planned = await planReminders(db, due, input.publicUrl)
  let queued = 0
  // One transaction per mail: short, and two servers never wait on each other in a cycle.
  for (const p of planned) {
    const sent = await inTransaction(db, async (trx) => {
      const recorded = await recordReminderSent(trx, {
        minutesId: p.reminder.minutesId,
        stage: p.stage,
        recipient: p.recipient,
        sentOn: input.today,
      })
      if (!recorded) return false
      const mail = composeSignOffReminderMail({
        committeeName: p.reminder.committeeName,
        meetsOn: p.reminder.meetsOn,
        deadline: p.reminder.deadline,
        daysLeft: p.reminder.daysLeft,
        recipient: { name: p.name, email: p.email },
        signUrls: p.signUrls,
        secretary: p.secretary,
      })
      await queueMail(trx, [{ ...mail, meetingId: p.reminder.meetingId }])
      return true
    })
    if (sent) queued++
  }
  return queued
}

/** The reminders to send for these minutes, less those already sent, in a stable order. */
async function planReminders(
  db: Db,
  due: ReadonlyArray<{ reminder: SignOffReminder; stage: ReminderStage }>,
  publicUrl: string,
): Promise<PlannedReminder[]> {
  const minutesIds = due.map((d) => d.reminder.minutesId)
  const [signatories, signOffs, secretaries, sent] = await Promise.all([
    listSignatoryContacts(db, minutesIds),
    listSignOffs(db, minutesIds),
    listSecretaryContacts(db, [...new Set(due.map((d) => d.reminder.committeeId))]),
    listRemindersSent(db, minutesIds),
  ])
  const planned: PlannedReminder[] = []
  for (const { reminder, stage } of due) {
    const byAddress = new Map<string, PlannedReminder>()
    const recipient = (name: string, email: string) => {
      const key = email.trim().toLowerCase()
      let p = byAddress.get(key)
      if (!p) {
        p = { reminder, stage, recipient: key, name, email: email.trim(), signUrls: [] }
        byAddress.set(key, p)
      }
      return p
    }
    const pending = signOffs.filter((s) => s.minutesId === reminder.minutesId && s.status === 'pending')
    const appointed = signatories.filter((s) => s.minutesId === reminder.minutesId)
    const unsigned = appointed.flatMap((signatory) => {
      const toSign = pending.filter((s) => !hasSigned(s, signatory))
      return toSign.length > 0 ? [{ signatory, toSign }] : []
    })
    for (const { signatory, toSign } of unsigned) {
      if (!signatory.email) continue
      recipient(signatory.name, signatory.email).signUrls.push(
        ...toSign.map((s) => signPageUrl(publicUrl, s.id)),
      )
    }
    for (const secretary of secretaries.filter((s) => s.committeeId === reminder.committeeId)) {
      recipient(secretary.name, secretary.email).secretary = {
        url: minutesSignOffPageUrl(publicUrl, reminder.committeeSlug, reminder.meetingSlug),
        unsignedNames: unsigned.map((u) => u.signatory.name),
      }
    }
    const fresh = [...byAddress.values()].filter(
      (p) => !sent.has(sentReminderKey(reminder.minutesId, stage, p.recipient)),
    )
    planned.push(...fresh.sort((a, b) => a.recipient.localeCompare(b.recipient)))
  }
  return planned
}

const hasSigned = (signOff: SignOff, signatory: SignatoryContact) =>
  signOff.signatures.some((s) => s.personId === signatory.personId)
