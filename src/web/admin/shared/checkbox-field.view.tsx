import type { FormState } from './form.view.tsx'

/** A checkbox with its label after it; checked when the form's value is 'ja' (what it sends). */
export function CheckboxField({
  name,
  label,
  form,
  id = `falt-${name}`,
}: {
  name: string
  label: string
  form: FormState
  id?: string
}) {
  return (
    <div class="field field-checkbox">
      <input type="checkbox" id={id} name={name} value="ja" checked={form.values[name] === 'ja'} />{' '}
      <label for={id}>{label}</label>
    </div>
  )
}
