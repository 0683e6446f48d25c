import type { AuditEvent } from '../../../domain/audit/audit.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'

const objectNames: Record<string, string> = {
  organisation: 'Organisationen',
  committee: 'Nämnden',
  person: 'Personen',
  party: 'Partiet',
  term: 'Mandatperioden',
  membership: 'Uppdraget',
  user_account: 'Kontot',
}

const when = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso))

const json = (value: unknown) =>
  value === null || value === undefined ? '–' : JSON.stringify(value, null, 2)

/** Who changed what and when, with the state before and after, oldest first. */
export function AuditPage({
  view,
  objectType,
  objectId,
  events,
  names,
}: {
  view: AdminView
  objectType: string
  objectId: number
  events: AuditEvent[]
  /** Users' names by "user:ID". */
  names: Map<string, string>
}) {
  const title = `Ändringslogg: ${objectNames[objectType] ?? objectType} ${objectId}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: 'Ändringslogg' }]}
    >
      <h1>{title}</h1>
      <table>
        <caption class="visually-hidden">Ändringar, äldst först</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Vem</th>
            <th scope="col">Händelse</th>
            <th scope="col">Före</th>
            <th scope="col">Efter</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{when(e.occurredAt)}</td>
              <td>{names.get(e.actor) ?? e.actor}</td>
              <td>{e.action}</td>
              <td>
                <pre>{json(e.before)}</pre>
              </td>
              <td>
                <pre>{json(e.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  )
}
