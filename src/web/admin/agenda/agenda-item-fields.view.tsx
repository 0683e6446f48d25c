import { type FormState, TextAreaField, TextField } from '../shared/form.view.tsx'
import { itemLabels } from './agenda.form.ts'

/**
 * The fields of an agenda item, shared by the new-item form and the item editor. Whether the item
 * is public or secret comes first, as a choice: where the committee's individual matters are
 * secret (OSL 26:1) a new item asks for it, with the reason, rather than ticking it in advance.
 */
export function ItemFields({ form, withRegistryNumber }: { form: FormState; withRegistryNumber?: boolean }) {
  const mustChoose = form.values.confidentialChoice === 'required'
  const value = form.values.confidential
  const error = form.errors.confidential
  return (
    <>
      <fieldset
        class={error ? 'field field-error' : 'field'}
        aria-describedby={`falt-confidential-hjalp${error ? ' falt-confidential-fel' : ''}`}
      >
        <legend>Offentlig eller sekretess</legend>
        <p id="falt-confidential-hjalp" class="hint">
          {mustChoose
            ? 'Nämnden behandlar ärenden om enskilda, som omfattas av sekretess (OSL 26:1). Välj för varje punkt: en punkt med sekretess visas publikt bara som ”Ärende som omfattas av sekretess”.'
            : 'En punkt med sekretess visas publikt bara som ”Ärende som omfattas av sekretess”.'}
        </p>
        {error && (
          <p id="falt-confidential-fel" class="error-message">
            <span class="visually-hidden">Fel: </span>
            {error}
          </p>
        )}
        {mustChoose && <input type="hidden" name="confidentialChoice" value="required" />}
        <div class="field field-checkbox">
          <input
            type="radio"
            id="falt-confidential-nej"
            name="confidential"
            value="nej"
            checked={value === 'nej' || (!mustChoose && value !== 'ja')}
          />{' '}
          <label for="falt-confidential-nej">Offentlig</label>
        </div>
        <div class="field field-checkbox">
          <input
            type="radio"
            id="falt-confidential"
            name="confidential"
            value="ja"
            checked={value === 'ja'}
          />{' '}
          <label for="falt-confidential">{itemLabels.confidential!}</label>
        </div>
        <TextField
          name="confidentialityGround"
          label={itemLabels.confidentialityGround!}
          hint="Lagrummet, till exempel OSL 26:1. Gäller bara om punkten omfattas av sekretess."
          form={form}
        />
      </fieldset>
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
    </>
  )
}
