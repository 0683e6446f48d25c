import type { LocalSettingsOverride } from '../../../domain/organisation/local-settings.ts'
import { type SigningMethod, signingMethods } from '../../../domain/sign-off/signing-method.ts'
import type { FormErrors, FormValues } from '../shared/form.view.tsx'

// The local settings (domain.md) as a form. Every field may be left empty: the setting is then
// inherited (a committee from its organisation, an organisation from Paragraf's defaults).

export const settingsFieldNames = [
  'signatoryCount',
  'immediateSignOffAllowed',
  'numberingScheme',
  'numberingPrefix',
  'numberingYearSuffix',
  'registryNumberPattern',
  'noticePeriodDays',
  'statementKinds',
  'substitutesMayStateOpinion',
  'writtenDissentDays',
  'publicMeetings',
  'distanceParticipation',
  'individualMattersConfidential',
  'minutesKeptAt',
  'signingMethod',
] as const

const booleans = [
  'immediateSignOffAllowed',
  'substitutesMayStateOpinion',
  'publicMeetings',
  'distanceParticipation',
  'individualMattersConfidential',
] as const
const integers = { signatoryCount: [1, 6], noticePeriodDays: [0, 60], writtenDissentDays: [0, 14] } as const

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'ja' : 'nej')

/** The form's values for settings as stored. */
export function settingsToForm(settings: LocalSettingsOverride): FormValues {
  const values: FormValues = {}
  for (const name of booleans) values[name] = yesNo(settings[name])
  for (const name of Object.keys(integers) as Array<keyof typeof integers>)
    values[name] = settings[name] === undefined ? '' : String(settings[name])
  values.numberingScheme = settings.sectionNumbering?.scheme ?? ''
  values.numberingPrefix = settings.sectionNumbering?.prefix ?? ''
  values.numberingYearSuffix = yesNo(settings.sectionNumbering?.yearSuffix)
  values.registryNumberPattern = settings.registryNumberPattern ?? ''
  values.statementKinds = (settings.statementKinds ?? []).join('\n')
  values.minutesKeptAt = settings.minutesKeptAt ?? ''
  values.signingMethod = settings.signingMethod ?? ''
  return values
}

/** Reads the form; each problem is a Swedish message under the field's name. */
export function readSettingsForm(values: FormValues): {
  settings: LocalSettingsOverride
  errors: FormErrors
} {
  const errors: FormErrors = {}
  const settings: LocalSettingsOverride = {}
  for (const name of booleans) {
    const value = values[name] ?? ''
    if (value === 'ja' || value === 'nej') settings[name] = value === 'ja'
    else if (value !== '') errors[name] = 'Välj ja, nej eller ärv.'
  }
  for (const [name, [min, max]] of Object.entries(integers) as Array<
    [keyof typeof integers, readonly [number, number]]
  >) {
    const value = values[name] ?? ''
    if (value === '') continue
    const number = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN
    if (Number.isNaN(number) || number < min || number > max)
      errors[name] = `Ange ett heltal från ${min} till ${max}.`
    else settings[name] = number
  }
  const scheme = values.numberingScheme ?? ''
  if (scheme === 'per_meeting' || scheme === 'per_year') {
    const prefix = values.numberingPrefix ?? ''
    if (prefix.length > 12) errors.numberingPrefix = 'Prefixet får vara högst 12 tecken.'
    settings.sectionNumbering = {
      scheme,
      ...(prefix ? { prefix } : {}),
      ...(values.numberingYearSuffix ? { yearSuffix: values.numberingYearSuffix === 'ja' } : {}),
    }
  } else if (scheme !== '') errors.numberingScheme = 'Välj per sammanträde, per år eller ärv.'
  else if (values.numberingPrefix || values.numberingYearSuffix)
    errors.numberingScheme = 'Välj hur paragraferna numreras för att kunna ange prefix eller årtal.'
  const pattern = values.registryNumberPattern ?? ''
  if (pattern) {
    if (pattern.length > 200) errors.registryNumberPattern = 'Mönstret får vara högst 200 tecken.'
    else if (!compiles(pattern)) errors.registryNumberPattern = 'Mönstret är inget giltigt reguljärt uttryck.'
    else settings.registryNumberPattern = pattern
  }
  const kinds = (values.statementKinds ?? '')
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean)
  if (kinds.length > 10) errors.statementKinds = 'Ange högst 10 slag, ett per rad.'
  else if (kinds.some((k) => k.length > 60)) errors.statementKinds = 'Varje slag får vara högst 60 tecken.'
  else if (kinds.length > 0) settings.statementKinds = kinds
  const keptAt = values.minutesKeptAt ?? ''
  if (keptAt.length > 200) errors.minutesKeptAt = 'Platsen får beskrivas med högst 200 tecken.'
  else if (keptAt) settings.minutesKeptAt = keptAt
  const method = values.signingMethod ?? ''
  if ((signingMethods as readonly string[]).includes(method)) settings.signingMethod = method as SigningMethod
  else if (method !== '') errors.signingMethod = 'Välj lösenord, e-legitimation, papper eller ärv.'
  return { settings, errors }
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}

/** Swedish messages for a setting the domain refused (it checks the same rules again). */
export const settingsDomainMessages: Record<string, string> = {
  signatoryCount: 'Ange ett heltal från 1 till 6.',
  noticePeriodDays: 'Ange ett heltal från 0 till 60.',
  writtenDissentDays: 'Ange ett heltal från 0 till 14.',
  statementKinds: 'Ange högst 10 slag, ett per rad.',
  minutesKeptAt: 'Platsen får beskrivas med högst 200 tecken.',
  registryNumberPattern: 'Mönstret är inte giltigt.',
}
