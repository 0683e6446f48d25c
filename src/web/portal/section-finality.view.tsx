import type { SectionRecord } from '../../domain/minutes/minutes-record.ts'
import { finalityOf } from '../../domain/notice-board/finality.ts'
import type { Notice } from '../../domain/notice-board/notice.ts'
import { formatDate } from '../views/format.ts'

/**
 * Where the decision of a signed-off § stands on `today`: open to appeal until the last appeal day
 * of its notice (KL 13:5), appealed, or final (laga kraft).
 */
export function SectionFinality({
  entry,
  notices,
  today,
}: {
  entry: SectionRecord
  notices: readonly Notice[]
  today: string
}) {
  const notice = entry.signOff && notices.find((n) => n.signOffId === entry.signOff?.id)
  const finality = finalityOf(
    { lastAppealDay: notice?.lastAppealDay ?? null, appealsReceivedOn: entry.appealDays },
    today,
  )
  switch (finality.state) {
    case 'not_announced':
      return null
    case 'appealable':
      return <p class="finality">Kan överklagas till och med {formatDate(finality.lastAppealDay)}.</p>
    case 'appealed':
      return <p class="finality">Överklagat.</p>
    case 'final':
      return <p class="finality">Har vunnit laga kraft.</p>
  }
}

/** The open corrections of a signed-off § (rättelse, FL 36 §): what was corrected, when and why. */
export function SectionRectifications({ entry }: { entry: SectionRecord }) {
  if (entry.rectifications.length === 0) return null
  return (
    <div class="rectifications">
      {entry.rectifications.map((r) => (
        <p key={r.id} class="rectification">
          <strong>Rättelse {formatDate(r.rectifiedOn)}:</strong> {r.reason}
        </p>
      ))}
    </div>
  )
}
