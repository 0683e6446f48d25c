import type { Committee } from '../../../domain/committee/committee.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CsrfField, SavedNotice } from '../shared/form.view.tsx'
import type { MemberListProblem } from './member-list.csv.ts'

export interface MemberImportPageProps {
  view: AdminView
  committee: Committee
  text: string
  problems: MemberListProblem[]
  saved?: boolean
}

/** Pasting a member list (CSV): every bad line is listed by number, and nothing is saved until all are good. */
export function MemberImportPage({ view, committee, text, problems, saved }: MemberImportPageProps) {
  const failed = problems.length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel i listan – ' : ''}Importera medlemslista – ${committee.name}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { label: 'Importera medlemslista' },
      ]}
    >
      <h1>Importera medlemslista till {committee.name}</h1>
      <SavedNotice text={saved ? 'Medlemslistan är inläst.' : undefined} />
      <p>
        Klistra in listan från ett kalkylark. Första raden är rubriker:{' '}
        <code>namn; parti; roll; från; till; ersättarordning</code>. Roll är ledamot, ersättare, ordförande
        eller vice ordförande; datum skrivs ÅÅÅÅ-MM-DD; till och ersättarordning får vara tomma. Personer och
        partier som saknas läggs till. Om någon rad är fel sparas ingenting.
      </p>
      {failed && (
        <div class="error-summary" role="alert">
          <h2>Listan lästes inte in</h2>
          <p>Rätta raderna nedan och försök igen. Ingenting är sparat.</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.line}-${p.message}`}>
                <a href="#falt-members">
                  Rad {p.line}: {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={paths.admin.memberImport(committee.slug)} novalidate>
        <CsrfField token={view.csrfToken} />
        <div class={failed ? 'field field-error' : 'field'}>
          <label for="falt-members">Medlemslista (CSV)</label>
          <textarea
            id="falt-members"
            name="members"
            rows={12}
            class="code"
            aria-invalid={failed ? 'true' : undefined}
          >
            {text}
          </textarea>
        </div>
        <button type="submit">Läs in listan</button>
      </form>
    </AdminLayout>
  )
}
