import type { LocalSettings } from '../../../domain/organisation/local-settings.ts'
import { signingMethodLabels, signingMethods } from '../../../domain/sign-off/signing-method.ts'
import { type FormState, SelectField, TextAreaField, TextField } from '../shared/form.view.tsx'

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
  signingMethod: 'Hur justerarna skriver under protokollet',
}

/** Settings entered as text, with what is inherited as the hint. */
type InheritedTextSetting =
  | 'signatoryCount'
  | 'registryNumberPattern'
  | 'noticePeriodDays'
  | 'writtenDissentDays'
  | 'minutesKeptAt'

/** Yes/no settings, with what is inherited as the empty option. */
type YesNoSetting =
  | 'immediateSignOffAllowed'
  | 'substitutesMayStateOpinion'
  | 'publicMeetings'
  | 'distanceParticipation'
  | 'individualMattersConfidential'

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
  const keep = (value: unknown) => `Lämna tomt för att ärva från ${from} (${String(value ?? 'inget')}).`
  const inheritedText = (name: InheritedTextSetting, short = false) => (
    <TextField
      name={name}
      label={settingsLabels[name]!}
      short={short}
      hint={keep(inherited[name])}
      form={form}
    />
  )
  const yesNo = (name: YesNoSetting) => (
    <SelectField
      name={name}
      label={settingsLabels[name]!}
      options={[
        ['', `Ärv från ${from} (${inherited[name] ? 'ja' : 'nej'})`],
        ['ja', 'Ja'],
        ['nej', 'Nej'],
      ]}
      form={form}
    />
  )
  const numbering = inherited.sectionNumbering
  return (
    <>
      {inheritedText('signatoryCount', true)}
      <SelectField
        name="signingMethod"
        label={settingsLabels.signingMethod!}
        hint="Med e-legitimation jämförs personnumret i legitimationen med justerarens (sparat som saltad kontrollsumma)."
        options={[
          ['', `Ärv från ${from} (${signingMethodLabels[inherited.signingMethod].toLowerCase()})`],
          ...signingMethods.map((m) => [m, signingMethodLabels[m]] as const),
        ]}
        form={form}
      />
      {yesNo('immediateSignOffAllowed')}
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
      {inheritedText('registryNumberPattern')}
      {inheritedText('noticePeriodDays', true)}
      <TextAreaField
        name="statementKinds"
        label={settingsLabels.statementKinds!}
        hint={keep(inherited.statementKinds.join(', '))}
        form={form}
      />
      {yesNo('substitutesMayStateOpinion')}
      {inheritedText('writtenDissentDays', true)}
      {yesNo('publicMeetings')}
      {yesNo('distanceParticipation')}
      {yesNo('individualMattersConfidential')}
      {inheritedText('minutesKeptAt')}
    </>
  )
}
