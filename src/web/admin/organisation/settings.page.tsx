import type { Committee } from '../../../domain/committee/committee.ts'
import type { LocalSettings } from '../../../domain/organisation/local-settings.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CsrfField, ErrorSummary, type FormState, SavedNotice } from '../shared/form.view.tsx'
import { SettingsFields, settingsLabels } from './settings-fields.view.tsx'

export interface SettingsPageProps {
  view: AdminView
  organisation: Organisation
  /** Absent: the organisation's own settings. */
  committee?: Committee
  form: FormState
  /** What applies when a field is left empty. */
  inherited: LocalSettings
  saved?: boolean
}

/** The local settings of an organisation, or a committee's overrides of them. */
export function SettingsPage({ view, organisation, committee, form, inherited, saved }: SettingsPageProps) {
  const owner = committee?.name ?? organisation.name
  const failed = Object.keys(form.errors).length > 0
  const action = committee
    ? paths.admin.committeeSettings(committee.slug)
    : paths.admin.organisationSettings(organisation.slug)
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}Lokala inställningar – ${owner}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        ...(committee ? [{ href: paths.admin.committee(committee.slug), label: committee.name }] : []),
        { label: 'Lokala inställningar' },
      ]}
    >
      <h1>Lokala inställningar för {owner}</h1>
      <p>
        Reglerna som {committee ? 'nämndens reglemente' : 'fullmäktiges reglementen och arbetsordning'}{' '}
        bestämmer.
        {committee
          ? ` Tomma fält följer ${organisation.name}.`
          : ' Nämnderna följer dem om de inte har egna.'}
      </p>
      <SavedNotice text={saved ? 'Inställningarna är sparade.' : undefined} />
      <ErrorSummary errors={form.errors} labels={settingsLabels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={view.csrfToken} />
        <SettingsFields
          form={form}
          inherited={inherited}
          from={committee ? 'organisationen' : 'standardvärdet'}
        />
        <button type="submit">Spara inställningarna</button>
      </form>
    </AdminLayout>
  )
}
