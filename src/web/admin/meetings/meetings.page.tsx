import type { Committee } from '../../../domain/committee/committee.ts'
import { type Meeting, meetingStatusLabels } from '../../../domain/meeting/meeting.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate, formatTimeSpan } from '../../views/format.ts'
import { TableScroll } from '../../views/table-scroll.tsx'
import { CsrfField, ErrorSummary, type FormState, SavedNotice, TextField } from '../shared/form.view.tsx'

export const scheduleLabels = {
  meetsOn: 'Datum',
  startTime: 'Börjar (frivilligt)',
  endTime: 'Slutar (frivilligt)',
  location: 'Plats (frivilligt)',
}

export const seriesLabels = {
  firstOn: 'Första sammanträdet',
  everyWeeks: 'Antal veckor mellan sammanträdena',
  count: 'Antal sammanträden',
  seriesStartTime: 'Börjar (frivilligt)',
  seriesEndTime: 'Slutar (frivilligt)',
  seriesLocation: 'Plats (frivilligt)',
}

export interface MeetingsPageProps {
  view: AdminView
  committee: Committee
  meetings: Meeting[]
  scheduleForm: FormState
  seriesForm: FormState
  saved?: string | undefined
}

const failed = (...forms: FormState[]) => forms.some((f) => Object.keys(f.errors).length > 0)

/** A committee's meetings: the calendar, and scheduling one meeting or a series. */
export function MeetingsPage({
  view,
  committee,
  meetings,
  scheduleForm,
  seriesForm,
  saved,
}: MeetingsPageProps) {
  return (
    <AdminLayout
      title={`${failed(scheduleForm, seriesForm) ? 'Fel i formuläret – ' : ''}Sammanträden – ${committee.name}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { label: 'Sammanträden' },
      ]}
    >
      <h1>Sammanträden – {committee.name}</h1>
      <SavedNotice text={saved} />
      {meetings.length === 0 ? (
        <p>Nämnden har inga sammanträden inlagda.</p>
      ) : (
        <TableScroll label="Nämndens sammanträden">
          <table>
            <caption class="visually-hidden">Nämndens sammanträden</caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Tid</th>
                <th scope="col">Plats</th>
                <th scope="col">Läge</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <a href={paths.admin.meeting(committee.slug, m.slug)}>{formatLongDate(m.meetsOn)}</a>
                  </th>
                  <td>{formatTimeSpan(m.startTime, m.endTime) || '–'}</td>
                  <td>{m.location ?? '–'}</td>
                  <td>{meetingStatusLabels[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="nytt-mote">
        <h2 id="nytt-mote">Lägg in ett sammanträde</h2>
        <ErrorSummary errors={scheduleForm.errors} labels={scheduleLabels} />
        <form method="post" action={paths.admin.meetings(committee.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <TextField
            name="meetsOn"
            label={scheduleLabels.meetsOn}
            type="date"
            required
            hint="Som ÅÅÅÅ-MM-DD."
            form={scheduleForm}
          />
          <TextField
            name="startTime"
            label={scheduleLabels.startTime}
            short
            hint="Som TT:MM, till exempel 13:30."
            form={scheduleForm}
          />
          <TextField
            name="endTime"
            label={scheduleLabels.endTime}
            short
            hint="Som TT:MM."
            form={scheduleForm}
          />
          <TextField name="location" label={scheduleLabels.location} form={scheduleForm} />
          <button type="submit">Lägg in sammanträdet</button>
        </form>
      </section>
      <section aria-labelledby="serie">
        <h2 id="serie">Lägg in en serie sammanträden</h2>
        <p>Till exempel varannan onsdag från första datumet, tio gånger. Alla sparas, eller inget.</p>
        <ErrorSummary errors={seriesForm.errors} labels={seriesLabels} />
        <form method="post" action={paths.admin.meetingSeries(committee.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <TextField
            name="firstOn"
            label={seriesLabels.firstOn}
            type="date"
            required
            hint="Som ÅÅÅÅ-MM-DD."
            form={seriesForm}
          />
          <TextField
            name="everyWeeks"
            label={seriesLabels.everyWeeks}
            short
            required
            hint="1 för varje vecka, 2 för varannan."
            form={seriesForm}
          />
          <TextField name="count" label={seriesLabels.count} short required form={seriesForm} />
          <TextField
            name="seriesStartTime"
            label={seriesLabels.seriesStartTime}
            short
            hint="Som TT:MM."
            form={seriesForm}
          />
          <TextField
            name="seriesEndTime"
            label={seriesLabels.seriesEndTime}
            short
            hint="Som TT:MM."
            form={seriesForm}
          />
          <TextField name="seriesLocation" label={seriesLabels.seriesLocation} form={seriesForm} />
          <button type="submit">Lägg in serien</button>
        </form>
      </section>
    </AdminLayout>
  )
}
