import type { LocalSettings } from '../../domain/organisation/local-settings.ts'
import { type FormState, SelectField, TextAreaField, TextField } from './form.tsx'

export const settingsLabels: Record<string, string> = {
  signatoryCount: 'Antal justerare, ordföranden inräknad',
  immediateSignOffAllowed: 'Omedelbar justering av enskilda paragrafer tillåten',
  numberingScheme: 'Numrering av paragrafer',
  numberingPrefix: 'Prefix före paragrafnumret',
  numberingYearSuffix: 'Årtal efter paragrafnumret (§ 63/20)',
  registryNumberPattern: 'Mönster för diarienummer (reguljärt uttryck)',
  noticePeriodDays: 'Dagar mellan kallelse och sammanträde',
  statementKinds: 'Slag av särskilda uttalanden och anteckningar, ett per rad',
  substitutesMayStateOpinion: 'Ersättare får lämna ersättaryttrande',
  writtenDissentDays: 'Dagar efter sammanträdet för skriftlig reservation',
  publicMeetings: 'Sammanträdena är offentliga',
  distanceParticipation: 'Deltagande på distans tillåtet',
  individualMattersConfidential: 'Ärenden om enskilda är sekretessmarkerade som standard',
  minutesKeptAt: 'Där det justerade protokollet förvaras',
}

/** The local settings as fields; each shows what is inherited when left empty. */
export function SettingsFields({
  form,
  inherited,
  from,
}: {
  form: FormState
  inherited: LocalSettings
  from: string
}) {
  const yesNo = (name: keyof LocalSettings) => {
    const value = inherited[name]
    return [
      ['', `Ärv från ${from} (${value ? 'ja' : 'nej'})`],
      ['ja', 'Ja'],
      ['nej', 'Nej'],
    ] as const
  }
  const keep = (value: unknown) => `Lämna tomt för att ärva från ${from} (${String(value ?? 'inget')}).`
  const numbering = inherited.sectionNumbering
  return (
    <>
      <TextField
        name="signatoryCount"
        label={settingsLabels.signatoryCount!}
        short
        hint={keep(inherited.signatoryCount)}
        form={form}
      />
      <SelectField
        name="immediateSignOffAllowed"
        label={settingsLabels.immediateSignOffAllowed!}
        options={yesNo('immediateSignOffAllowed')}
        form={form}
      />
      <fieldset>
        <legend>Paragrafer</legend>
        <SelectField
          name="numberingScheme"
          label={settingsLabels.numberingScheme!}
          options={[
            [
              '',
              `Ärv från ${from} (${numbering.scheme === 'per_year' ? 'löpande per år' : 'per sammanträde'})`,
            ],
            ['per_meeting', 'Börjar om vid varje sammanträde'],
            ['per_year', 'Löpande per år'],
          ]}
          form={form}
        />
        <TextField
          name="numberingPrefix"
          label={settingsLabels.numberingPrefix!}
          short
          hint="Till exempel KS eller SN. Lämna tomt för inget prefix."
          form={form}
        />
        <SelectField
          name="numberingYearSuffix"
          label={settingsLabels.numberingYearSuffix!}
          options={[
            ['', 'Nej (eller ärv)'],
            ['ja', 'Ja'],
            ['nej', 'Nej'],
          ]}
          form={form}
        />
      </fieldset>
      <TextField
        name="registryNumberPattern"
        label={settingsLabels.registryNumberPattern!}
        hint={keep(inherited.registryNumberPattern)}
        form={form}
      />
      <TextField
        name="noticePeriodDays"
        label={settingsLabels.noticePeriodDays!}
        short
        hint={keep(inherited.noticePeriodDays)}
        form={form}
      />
      <TextAreaField
        name="statementKinds"
        label={settingsLabels.statementKinds!}
        hint={keep(inherited.statementKinds.join(', '))}
        form={form}
      />
      <SelectField
        name="substitutesMayStateOpinion"
        label={settingsLabels.substitutesMayStateOpinion!}
        options={yesNo('substitutesMayStateOpinion')}
        form={form}
      />
      <TextField
        name="writtenDissentDays"
        label={settingsLabels.writtenDissentDays!}
        short
        hint={keep(inherited.writtenDissentDays)}
        form={form}
      />
      <SelectField
        name="publicMeetings"
        label={settingsLabels.publicMeetings!}
        options={yesNo('publicMeetings')}
        form={form}
      />
      <SelectField
        name="distanceParticipation"
        label={settingsLabels.distanceParticipation!}
        options={yesNo('distanceParticipation')}
        form={form}
      />
      <SelectField
        name="individualMattersConfidential"
        label={settingsLabels.individualMattersConfidential!}
        options={yesNo('individualMattersConfidential')}
        form={form}
      />
      <TextField
        name="minutesKeptAt"
        label={settingsLabels.minutesKeptAt!}
        hint={keep(inherited.minutesKeptAt)}
        form={form}
      />
    </>
  )
}
