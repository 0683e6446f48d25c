import type { Trx } from '../../db/database.ts'
import { queueMail } from '../mail/mail.service.ts'
import { formatDate as formatSwedishDate } from '../shared/swedish-date.ts'
import type { SignOff } from './sign-off.ts'
import { listSignatoryContacts } from './sign-off-reminder-mail.repository.ts'
import { signPageUrl } from './sign-off-reminder-mail.ts'

/**
 * Tells each appointed signatory, by mail, that §§ are ready for them to read, comment on and sign
 * (KL 5:69). Queued in the caller's transaction, the one that puts the §§ up for sign-off, so the
 * mail goes only if that commits. A signatory with no address gets none; returns how many were queued.
 */
export async function queueSignOffReadyMail(
  trx: Trx,
  input: {
    signOff: SignOff
    committeeName: string
    meetsOn: string
    meetingId: number
    signOffPlannedOn: string | null
    publicUrl: string
  },
): Promise<number> {
  const contacts = (await listSignatoryContacts(trx, [input.signOff.minutesId])).filter((c) => c.email)
  const date = formatSwedishDate(input.meetsOn)
  const url = signPageUrl(input.publicUrl, input.signOff.id)
  await queueMail(
    trx,
    contacts.map((c) => ({
      to: c.email!,
      meetingId: input.meetingId,
      subject: `Protokoll att justera: ${input.committeeName} ${date}`,
      text: [
        `Hej ${c.name},`,
        '',
        `Protokollet från ${input.committeeName}s sammanträde ${date} är klart för justering. Du är utsedd att justera det.`,
        ...(input.signOffPlannedOn
          ? [`Justeringen är planerad till ${formatSwedishDate(input.signOffPlannedOn)}.`]
          : []),
        '',
        'Läs protokollet, lämna synpunkter på paragraferna till sekreteraren om något ska ändras, och justera:',
        url,
        '',
        'Protokollet ska justeras senast 14 dagar efter sammanträdet (kommunallagen 5 kap. 69 §).',
      ].join('\n'),
    })),
  )
  return contacts.length
}
