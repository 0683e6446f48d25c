import type { AgendaEntry } from '../../../domain/agenda/agenda.service.ts'
import { agendaItemStatusLabels } from '../../../domain/agenda/agenda-item.ts'
import type { StandardItem } from '../../../domain/agenda/agenda-template.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import { type Meeting, meetingStatusLabels } from '../../../domain/meeting/meeting.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate } from '../../views/format.ts'
import type { NextStep } from '../meetings/next-step.ts'
import { NextStepBox } from '../meetings/next-step.view.tsx'
import { CsrfField, ErrorSummary, type FormState, SavedNotice } from '../shared/form.view.tsx'
import { itemLabels } from './agenda.form.ts'
import { ItemFields } from './agenda-item-fields.view.tsx'

export interface AgendaPageProps {
  view: AdminView
  committee: Committee
  meeting: Meeting
  entries: AgendaEntry[]
  template: readonly StandardItem[]
  next?: NextStep | undefined
  addForm: FormState
  /** Why the standard items or an action on an item could not be saved. */
  problem?: string | undefined
  saved?: string | undefined
}

/** The agenda editor: the items in order with their actions, standard items, and a new item. */
export function AgendaPage({
  view,
  committee,
  meeting,
  entries,
  template,
  next,
  addForm,
  problem,
  saved,
}: AgendaPageProps) {
  const failed = Object.keys(addForm.errors).length > 0 || problem
  const itemPath = (id: number, action?: string) =>
    paths.admin.agendaItem(committee.slug, meeting.slug, id, action)
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}Dagordning ${formatLongDate(meeting.meetsOn)} – ${committee.name}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { href: paths.admin.meeting(committee.slug, meeting.slug), label: formatLongDate(meeting.meetsOn) },
        { label: 'Dagordning' },
      ]}
    >
      <h1>
        Dagordning, {committee.name} {formatLongDate(meeting.meetsOn)}
      </h1>
      <p>
        Sammanträdet är: <span class="status">{meetingStatusLabels[meeting.status]}</span>.{' '}
        {meeting.status === 'planned' ? (
          <a href={paths.admin.notice(committee.slug, meeting.slug)}>Publicera kallelsen</a>
        ) : (
          'Ändringar visas nu för allmänheten i ändringshistoriken.'
        )}
      </p>
      <SavedNotice text={saved} />
      <NextStepBox next={next} here={paths.admin.agenda(committee.slug, meeting.slug)} />
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      {entries.length === 0 ? (
        <p>Dagordningen har inga punkter än.</p>
      ) : (
        <ol class="agenda">
          {entries.map(({ item, attachments }, i) => {
            const label = item.title ?? item.summary ?? 'Punkt'
            const hidden = (text: string) => <span class="visually-hidden"> {text}</span>
            return (
              <li key={item.id}>
                {item.heading && <p class="muted">{item.heading}</p>}
                <p>
                  <span class="number">{item.number ?? i + 1}.</span> <a href={itemPath(item.id)}>{label}</a>
                  {item.confidential && <span class="status"> Sekretess ({item.confidentialityGround})</span>}
                  {item.status !== 'active' && (
                    <span class="status"> {agendaItemStatusLabels[item.status]}</span>
                  )}
                  {attachments.length > 0 && <span class="muted"> {attachments.length} handlingar</span>}
                </p>
                <div class="actions">
                  {(
                    [
                      ['upp', 'Flytta upp', i > 0],
                      ['ned', 'Flytta ned', i < entries.length - 1],
                      ['kommer-senare', 'Kommer senare', item.status === 'active'],
                      ['utgar', 'Utgår', item.status !== 'withdrawn'],
                    ] as const
                  )
                    .filter(([, , shown]) => shown)
                    .map(([action, text]) => (
                      <form key={action} method="post" action={itemPath(item.id, action)} class="inline-form">
                        <CsrfField token={view.csrfToken} />
                        <input type="hidden" name="version" value={String(item.version)} />
                        <button type="submit" class="secondary">
                          {text}
                          {hidden(`: ${label}`)}
                        </button>
                      </form>
                    ))}
                </div>
              </li>
            )
          })}
        </ol>
      )}
      <section aria-labelledby="standardpunkter">
        <h2 id="standardpunkter">Lägg till standardpunkter</h2>
        <form method="post" action={paths.admin.standardItems(committee.slug, meeting.slug)}>
          <CsrfField token={view.csrfToken} />
          <fieldset>
            <legend>Välj punkter ur nämndens mall</legend>
            {template.map((s) => (
              <div class="field field-checkbox" key={s.key}>
                <input type="checkbox" id={`standard-${s.key}`} name="keys" value={s.key} />{' '}
                <label for={`standard-${s.key}`}>{s.title}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit">Lägg till valda punkter</button>
        </form>
      </section>
      <section aria-labelledby="ny-punkt">
        <h2 id="ny-punkt">Lägg till en punkt</h2>
        <p>Ange diarienumret för att koppla punkten till ett ärende; ett nytt diarienummer registreras.</p>
        <ErrorSummary errors={addForm.errors} labels={itemLabels} />
        <form method="post" action={paths.admin.agenda(committee.slug, meeting.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <ItemFields form={addForm} withRegistryNumber />
          <button type="submit">Lägg till punkten</button>
        </form>
      </section>
    </AdminLayout>
  )
}
