import type { AgendaEntry } from '../../../domain/agenda/agenda.service.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { DelegatedDecision } from '../../../domain/delegated-decision/delegated-decision.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { decides } from '../../../domain/minutes/attendance.ts'
import { quorumFor } from '../../../domain/minutes/quorum.ts'
import type { SignatoryComment } from '../../../domain/minutes/signatory-comment.service.ts'
import type { LocalSettings } from '../../../domain/organisation/local-settings.ts'
import { signOffDeadline } from '../../../domain/sign-off/sign-off-deadline.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate, formatDateTime, formatLongDate } from '../../views/format.ts'
import { TableScroll } from '../../views/table-scroll.tsx'
import type { NextStep } from '../meetings/next-step.ts'
import { NextStepBox } from '../meetings/next-step.view.tsx'
import { CsrfField, SavedNotice } from '../shared/form.view.tsx'
import { MeetingClosedForm } from './meeting-closed.view.tsx'
import type { MinutesData } from './minutes.data.ts'
import { meetingBreadcrumbs, minutesPaths } from './minutes.paths.ts'

/** The minutes workspace of one meeting: its §§ with quorum, adding §§, signatories and sign-off. */
export function MinutesOverviewPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  data: MinutesData
  agenda: AgendaEntry[]
  settings: LocalSettings
  /** The chair's urgent decisions this meeting must have reported to it (KL 6:40). */
  urgentToReport: DelegatedDecision[]
  error?: string | undefined
  saved: boolean
  next?: NextStep | undefined
  /** The signatories' comments on the §§, for the secretary to act on before they sign. */
  comments?: readonly SignatoryComment[]
}) {
  const { view, committee, meeting, data, agenda, settings, error } = props
  const record = data.record
  const c = committee.slug
  const m = meeting.slug
  const title = `Protokoll, ${committee.name} ${formatLongDate(meeting.meetsOn)}`
  const inSignOff = new Set(record?.signOffs.flatMap((s) => s.sectionIds) ?? [])
  const used = new Set(record?.sections.map((s) => s.section.agendaItemId) ?? [])
  const deciding = (record?.attendance ?? []).filter((a) => a.present && decides(a))
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[...meetingBreadcrumbs(committee, meeting), { label: 'Protokoll' }]}
    >
      <h1>{title}</h1>
      <p>
        {record
          ? 'Utkast: syns bara för sekreteraren, ordföranden och justerarna tills det är justerat.'
          : 'Protokollet öppnas när du sparar närvaron.'}
      </p>
      <SavedNotice text={props.saved ? 'Sparat.' : undefined} />
      {error && (
        <div class="error-summary" role="alert">
          <h2>Det gick inte att spara</h2>
          <p>{error}</p>
        </div>
      )}
      <NextStepBox next={props.next} />
      {props.urgentToReport.length > 0 && (
        <div class="warning" role="status">
          <h2>Brådskande ordförandebeslut att anmäla</h2>
          <p>
            Ordförandens beslut i brådskande ärenden ska anmälas vid nämndens nästa sammanträde (KL 6:40). De
            här är inte anmälda:
          </p>
          <ul>
            {props.urgentToReport.map((d) => (
              <li key={d.id}>
                {formatDate(d.decidedOn)} {d.title}
              </li>
            ))}
          </ul>
          <p>
            <a href={minutesPaths.delegatedDecisions(c)}>Anmäl dem under Delegationsbeslut</a>
          </p>
        </div>
      )}
      <p>
        <a href={minutesPaths.rollCall(c, m)}>Närvaro och tjänstgöring</a>
      </p>
      <section aria-labelledby="paragrafer">
        <h2 id="paragrafer">Paragrafer</h2>
        {!record || record.sections.length === 0 ? (
          <p>Inga paragrafer än.</p>
        ) : (
          <TableScroll label="Paragraferna">
            <table>
              <caption>Paragraferna med beslutförhet (KL 6:27)</caption>
              <thead>
                <tr>
                  <th scope="col">§</th>
                  <th scope="col">Rubrik</th>
                  <th scope="col">Beslutför</th>
                  <th scope="col">Justering</th>
                </tr>
              </thead>
              <tbody>
                {record.sections.map((s) => {
                  const quorum = committee.seats
                    ? quorumFor({
                        seats: committee.seats,
                        serving: s.services,
                        recusedPersonIds: s.recusals.map((r) => r.personId),
                      })
                    : undefined
                  return (
                    <tr key={s.section.id}>
                      <td>
                        <a href={minutesPaths.section(c, m, s.section.number)}>{s.section.label}</a>
                      </td>
                      <td>{s.section.title}</td>
                      <td>
                        {quorum
                          ? `${quorum.quorate ? 'Ja' : 'Nej'}: ${quorum.present} tjänstgör, ${quorum.required} krävs`
                          : 'Antal ledamöter okänt'}
                      </td>
                      <td>
                        {s.signOff?.status === 'signed_off' ? (
                          <>
                            Justerad {formatDate(s.signOff.signedOffOn ?? '')}.{' '}
                            <a href={minutesPaths.sectionPart(c, m, s.section.number, 'efter-justering')}>
                              Rättelse och överklagande
                              <span class="visually-hidden"> av {s.section.label}</span>
                            </a>
                            {' · '}
                            <a href={minutesPaths.workspaceExtract(c, m, s.section.number)}>
                              Utdrag<span class="visually-hidden"> av {s.section.label}</span>
                            </a>
                          </>
                        ) : s.signOff ? (
                          'Väntar på justering'
                        ) : (
                          'Inte justerad'
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        {(props.comments ?? []).length > 0 && (
          <div class="warning" role="status">
            <h3>Synpunkter från justerarna</h3>
            <ul>
              {(props.comments ?? []).map((comment) => {
                const s = record?.sections.find((x) => x.section.id === comment.sectionId)
                return (
                  <li key={comment.id}>
                    {s && <a href={minutesPaths.section(c, m, s.section.number)}>{s.section.label}</a>}:{' '}
                    {data.personName(comment.personId)}, {formatDateTime(comment.createdAt)}: {comment.text}
                  </li>
                )
              })}
            </ul>
          </div>
        )}
        <form method="post" action={minutesPaths.sections(c, m)}>
          <CsrfField token={view.csrfToken} />
          <h3>Ny paragraf</h3>
          <div class="field">
            <label for="falt-agendaItemId">Ärende på dagordningen (rubrik och beslutsförslag fylls i)</label>
            <select id="falt-agendaItemId" name="agendaItemId">
              <option value="">Inget, skriv rubriken nedan</option>
              {agenda
                .filter((e) => e.item.status === 'active' && !used.has(e.item.id))
                .map((e) => (
                  <option key={e.item.id} value={String(e.item.id)}>
                    {e.item.number ? `${e.item.number}. ` : ''}
                    {e.item.title ?? e.item.heading ?? ''}
                  </option>
                ))}
            </select>
          </div>
          <div class="field">
            <label for="falt-title">Rubrik (om inget ärende valts)</label>
            <input id="falt-title" name="title" />
          </div>
          <button type="submit">Lägg till paragraf</button>
        </form>
      </section>
      {record && <MeetingClosedForm view={view} committee={committee} meeting={meeting} data={data} />}
      {record && (
        <section aria-labelledby="justering">
          <h2 id="justering">Justering</h2>
          <form method="post" action={minutesPaths.signatories(c, m)}>
            <CsrfField token={view.csrfToken} />
            <fieldset>
              <legend>Justerare ({settings.signatoryCount}, ordföranden inräknad)</legend>
              {Array.from({ length: settings.signatoryCount }, (_, i) => (
                <div class="field" key={i}>
                  <label for={`falt-justerare-${i}`}>Justerare {i + 1}</label>
                  <select id={`falt-justerare-${i}`} name={`justerare-${i}`}>
                    <option value="">Välj</option>
                    {deciding.map((a) => (
                      <option
                        key={a.personId}
                        value={String(a.personId)}
                        selected={record.signatoryIds[i] === a.personId}
                      >
                        {data.personName(a.personId)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
            <div class="field">
              <label for="falt-signOffPlace">Plats för justeringen</label>
              <input id="falt-signOffPlace" name="signOffPlace" value={record.minutes.signOffPlace ?? ''} />
            </div>
            <div class="field">
              <label for="falt-signOffPlannedOn">Dag för justeringen (ÅÅÅÅ-MM-DD)</label>
              <p class="hint" id="hint-signOffPlannedOn">
                Senast {formatDate(signOffDeadline(meeting.meetsOn))}: protokollet justeras inom 14 dagar (KL
                5:69).
              </p>
              <input
                id="falt-signOffPlannedOn"
                name="signOffPlannedOn"
                type="date"
                aria-describedby="hint-signOffPlannedOn"
                value={record.minutes.signOffPlannedOn ?? ''}
              />
            </div>
            <button type="submit">Utse justerare</button>
          </form>
          <form method="post" action={minutesPaths.prepareSignOff(c, m)}>
            <CsrfField token={view.csrfToken} />
            <fieldset>
              <legend>Paragrafer att justera</legend>
              {record.sections
                .filter((s) => !inSignOff.has(s.section.id))
                .map((s) => (
                  <label key={s.section.id} class="inline">
                    <input type="checkbox" name={`p-${s.section.number}`} value="ja" /> {s.section.label}{' '}
                    {s.section.title}
                  </label>
                ))}
            </fieldset>
            {settings.immediateSignOffAllowed && (
              <button type="submit" name="atgard" value="omedelbar" class="secondary">
                Justera valda paragrafer omedelbart
              </button>
            )}{' '}
            <button type="submit" name="atgard" value="resten">
              Lägg alla återstående paragrafer till justering
            </button>
          </form>
          {record.signOffs.length > 0 && (
            <ul>
              {record.signOffs.map((s) => (
                <li key={s.id}>
                  <a href={minutesPaths.sign(s.id)}>
                    {s.immediate ? 'Omedelbar justering' : 'Justering'} av{' '}
                    {record.sections
                      .filter((x) => s.sectionIds.includes(x.section.id))
                      .map((x) => x.section.label)
                      .join(', ')}
                  </a>
                  :{' '}
                  {s.status === 'signed_off'
                    ? `justerad ${formatDate(s.signedOffOn ?? '')}`
                    : `${s.signatures.length} av ${record.signatoryIds.length} har justerat`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </AdminLayout>
  )
}
