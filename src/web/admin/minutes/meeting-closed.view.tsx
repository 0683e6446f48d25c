import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { swedishClockTime } from '../../../domain/shared/swedish-time.ts'
import type { AdminView } from '../../views/admin-layout.tsx'
import { CsrfField } from '../shared/form.view.tsx'
import type { MinutesData } from './minutes.data.ts'
import { minutesPaths } from './minutes.paths.ts'

/**
 * When the chair declared the meeting closed. Dissents must be announced before it (KL 4:27), so
 * the § forms ask, after it, whether a dissent being written down was announced in time.
 */
export function MeetingClosedForm(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  data: MinutesData
}) {
  const { view, committee, meeting, data } = props
  const closedAt = data.record?.minutes.meetingClosedAt
  const time = closedAt ? swedishClockTime(new Date(closedAt)) : swedishClockTime(new Date())
  return (
    <section aria-labelledby="avslutat">
      <h2 id="avslutat">Sammanträdets avslutande</h2>
      <p>
        {closedAt
          ? `Sammanträdet avslutades kl. ${time}. Reservationer ska ha anmälts före dess (KL 4:27); skriftliga motiveringar kan lämnas fram till justeringen.`
          : 'Ange klockslaget när ordföranden förklarar sammanträdet avslutat. Därefter kan en reservation bara antecknas om den anmäldes före avslutet (KL 4:27).'}
      </p>
      <form method="post" action={minutesPaths.meetingClosed(committee.slug, meeting.slug)}>
        <CsrfField token={view.csrfToken} />
        <div class="field">
          <label for="falt-avslutat">Klockslag (TT:MM)</label>
          <input id="falt-avslutat" name="time" value={time} inputmode="numeric" size={5} />
        </div>
        <button type="submit" class="secondary">
          {closedAt ? 'Ändra klockslaget' : 'Sammanträdet är avslutat'}
        </button>
      </form>
    </section>
  )
}
