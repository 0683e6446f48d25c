import type { AgendaEntry } from '../../../domain/agenda/agenda.service.ts'
import { agendaItemStatusLabels } from '../../../domain/agenda/agenda-item.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDateTime, formatLongDate } from '../../views/format.ts'
import { type DocumentsProps, DocumentsSection } from '../documents/documents.view.tsx'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  type FormValues,
  SavedNotice,
} from '../shared/form.view.tsx'
import { differences, itemLabels } from './agenda.form.ts'
import { ItemFields } from './agenda-item-fields.view.tsx'

export interface AgendaItemPageProps {
  view: AdminView
  committee: Committee
  meeting: Meeting
  entry: AgendaEntry
  /** The item's place on the agenda, counted from 1 (when it has no printed number). */
  place: number
  form: FormState
  /** The item as someone else saved it while this secretary was typing. */
  conflict?: FormValues | undefined
  uploadForm: FormState
  replaceError?: DocumentsProps['replaceError']
  saved?: string | undefined
}

/** One agenda item: its text, its documents and its change history. */
export function AgendaItemPage(props: AgendaItemPageProps) {
  const { view, committee, meeting, entry, place, form, conflict, saved } = props
  const { item } = entry
  const itemPath = (action?: string) => paths.admin.agendaItem(committee.slug, meeting.slug, item.id, action)
  const failed =
    Object.keys(form.errors).length + Object.keys(props.uploadForm.errors).length > 0 ||
    conflict ||
    props.replaceError
  const name = `Punkt ${item.number ?? place}`
  const changed = conflict ? differences(form.values, conflict) : []
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}${name}, dagordning ${formatLongDate(meeting.meetsOn)} – ${committee.name}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { href: paths.admin.meeting(committee.slug, meeting.slug), label: formatLongDate(meeting.meetsOn) },
        { href: paths.admin.agenda(committee.slug, meeting.slug), label: 'Dagordning' },
        { label: name },
      ]}
    >
      <h1>
        {name}: {item.title ?? item.summary}
        {item.status !== 'active' && ` (${agendaItemStatusLabels[item.status]})`}
      </h1>
      <SavedNotice text={saved} />
      {conflict && (
        <div class="error-summary" role="alert">
          <h2>Någon annan har ändrat punkten medan du skrev</h2>
          <p>
            Det du skrev står kvar i formuläret. Jämför med det som nu är sparat och spara igen för att
            ersätta det, eller ändra först.
          </p>
          {changed.length > 0 && (
            <table>
              <caption>Skillnader mot det som är sparat</caption>
              <thead>
                <tr>
                  <th scope="col">Fält</th>
                  <th scope="col">Du skrev</th>
                  <th scope="col">Sparat av någon annan</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((field) => (
                  <tr key={field}>
                    <th scope="row">{itemLabels[field]}</th>
                    <td class="pre">{shown(field, form.values[field])}</td>
                    <td class="pre">{shown(field, conflict[field])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <ErrorSummary errors={form.errors} labels={itemLabels} />
      <form method="post" action={itemPath()} novalidate>
        <CsrfField token={view.csrfToken} />
        <input
          type="hidden"
          name="version"
          value={conflict?.version ?? form.values.version ?? String(item.version)}
        />
        <ItemFields form={form} />
        <button type="submit">Spara punkten</button>
      </form>
      <DocumentsSection
        token={view.csrfToken}
        itemPath={itemPath}
        replacePath={(documentId) =>
          paths.admin.replaceDocument(committee.slug, meeting.slug, item.id, documentId)
        }
        attachments={entry.attachments}
        uploadForm={props.uploadForm}
        replaceError={props.replaceError}
      />
      <section aria-labelledby="historik">
        <h2 id="historik">Ändringshistorik</h2>
        {entry.changes.length === 0 ? (
          <p>Inga ändringar.</p>
        ) : (
          <ul>
            {entry.changes.map((c) => (
              <li key={c.id}>
                <time dateTime={c.changedAt}>{formatDateTime(c.changedAt)}</time> {c.description}
                {c.afterNotice && <span class="muted"> (visas publikt)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  )
}

const shown = (field: string, value: string | undefined) =>
  field === 'confidential' ? (value === 'ja' ? 'Ja' : 'Nej') : value || '(tomt)'
