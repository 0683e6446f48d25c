import type { AgendaItemInput } from '../../../domain/agenda/agenda.service.ts'
import type { AgendaItem } from '../../../domain/agenda/agenda-item.ts'
import type { FormErrors, FormValues } from '../shared/form.view.tsx'

// The agenda item's form: what a secretary types, read into the use case's input with Swedish
// messages by field, and an item's saved values back into the form (also to show a conflict).

export const itemFieldNames = [
  'version',
  'heading',
  'registryNumber',
  'title',
  'summary',
  'proposal',
  'confidential',
  'confidentialityGround',
  'confidentialChoice',
] as const

export const itemLabels: Record<string, string> = {
  heading: 'Rubrik som punkten står under (frivilligt)',
  registryNumber: 'Diarienummer (frivilligt)',
  title: 'Ärendemening',
  summary: 'Sammanfattning',
  proposal: 'Förslag till beslut, en att-sats per rad',
  confidential: 'Omfattas av sekretess',
  confidentialChoice: 'Offentlig eller sekretess',
  confidentialityGround: 'Grund för sekretess',
}

/** What the domain refuses, in Swedish, by field. */
export const itemDomainMessages = {
  title: 'Skriv en ärendemening eller en sammanfattning.',
  confidentialityGround: 'Ange lagrummet för sekretessen, till exempel OSL 26:1.',
  registryNumber: 'Diarienumret följer inte det format nämnden använder.',
  matterId: 'Ärendet hör till en annan organisation.',
}

export function readItemForm(values: FormValues): { input: AgendaItemInput; errors: FormErrors } {
  const errors: FormErrors = {}
  const confidential = values.confidential === 'ja'
  // Where secrecy is the committee's usual case, no default is assumed either way (issue 12: two
  // public items were saved as secret under a box ticked in advance).
  if (
    values.confidentialChoice === 'required' &&
    values.confidential !== 'ja' &&
    values.confidential !== 'nej'
  )
    errors.confidential = 'Välj om punkten är offentlig eller omfattas av sekretess.'
  if (!values.title && !values.summary) errors.title = itemDomainMessages.title
  if (confidential && !values.confidentialityGround)
    errors.confidentialityGround = itemDomainMessages.confidentialityGround
  if ((values.registryNumber ?? '').length > 60)
    errors.registryNumber = 'Diarienumret får vara högst 60 tecken.'
  const input: AgendaItemInput = {
    heading: values.heading ?? '',
    title: values.title ?? '',
    summary: values.summary ?? '',
    proposal: (values.proposal ?? '').split('\n'),
    confidential,
    confidentialityGround: confidential ? (values.confidentialityGround ?? '') : '',
  }
  return { input, errors }
}

/** A saved item as the form shows it. */
export function itemToForm(item: AgendaItem, registryNumber = ''): FormValues {
  return {
    version: String(item.version),
    heading: item.heading ?? '',
    registryNumber,
    title: item.title ?? '',
    summary: item.summary ?? '',
    proposal: item.proposal.join('\n'),
    confidential: item.confidential ? 'ja' : '',
    confidentialityGround: item.confidentialityGround ?? '',
  }
}

/** The fields where what was typed differs from what someone else saved: the difference to show. */
export function differences(typed: FormValues, saved: FormValues): string[] {
  // "Offentlig" is sent as 'nej' and saved as not confidential ('').
  const value = (values: FormValues, name: string) =>
    name === 'confidential' && values[name] === 'nej' ? '' : (values[name] ?? '')
  return itemFieldNames.filter(
    (name) =>
      name !== 'version' &&
      name !== 'registryNumber' &&
      name !== 'confidentialChoice' &&
      value(typed, name) !== value(saved, name),
  )
}
