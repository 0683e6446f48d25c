import { itemLabels } from './agenda.form.ts'
import { CheckboxField } from './checkbox-field.tsx'
import { type FormState, TextAreaField, TextField } from './form.tsx'

/** The fields of an agenda item, shared by the new-item form and the item editor. */
export function ItemFields({ form, withRegistryNumber }: { form: FormState; withRegistryNumber?: boolean }) {
  return (
    <>
      <TextField name="heading" label={itemLabels.heading!} hint="Till exempel Beslutsärenden." form={form} />
      {withRegistryNumber && (
        <TextField
          name="registryNumber"
          label={itemLabels.registryNumber!}
          hint="Till exempel SN 2026/123."
          form={form}
        />
      )}
      <TextField name="title" label={itemLabels.title!} form={form} />
      <TextAreaField name="summary" label={itemLabels.summary!} rows={3} form={form} />
      <TextAreaField name="proposal" label={itemLabels.proposal!} rows={3} form={form} />
      <fieldset>
        <legend>Sekretess</legend>
        <CheckboxField name="confidential" label={itemLabels.confidential!} form={form} />
        <TextField
          name="confidentialityGround"
          label={itemLabels.confidentialityGround!}
          hint="Lagrummet, till exempel OSL 26:1. Punkten visas då publikt bara som ärende som omfattas av sekretess."
          form={form}
        />
      </fieldset>
    </>
  )
}
