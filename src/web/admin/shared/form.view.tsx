import type { ComponentChildren } from 'preact'

// The workspace's form parts. Every field has a visible label; an error stands beside its field in
// Swedish and is tied to it (aria-describedby, aria-invalid); the form keeps what was typed.

export type FormValues = Record<string, string>
export type FormErrors = Record<string, string>
export interface FormState {
  values: FormValues
  errors: FormErrors
}
export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} })

const idOf = (name: string) => `falt-${name}`

/** The hidden token every workspace form carries (CSRF). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}

/** Lists the errors at the top of the form, each a link to its field (WCAG 3.3.1). */
export function ErrorSummary({ errors, labels }: { errors: FormErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert">
      <h2>Uppgifterna kunde inte sparas</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${idOf(name)}`}>{labels[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

interface FieldProps {
  name: string
  label: string
  form: FormState
  hint?: string | undefined
}

function Field({ name, label, form, hint, children }: FieldProps & { children: ComponentChildren }) {
  const error = form.errors[name]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={idOf(name)}>{label}</label>
      {hint && (
        <p id={`${idOf(name)}-hjalp`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${idOf(name)}-fel`} class="error-message">
          <span class="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  )
}

/** The attributes that tie an input to its hint and error. */
function described({ name, form, hint }: FieldProps) {
  const ids = [hint ? `${idOf(name)}-hjalp` : '', form.errors[name] ? `${idOf(name)}-fel` : ''].filter(
    Boolean,
  )
  return {
    id: idOf(name),
    name,
    'aria-invalid': form.errors[name] ? ('true' as const) : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  }
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date' | 'number'
    autocomplete?: string
    required?: boolean
    short?: boolean
  },
) {
  const { type = 'text', autocomplete, required, short } = props
  return (
    <Field {...props}>
      <input
        {...described(props)}
        type={type}
        class={short ? 'short' : undefined}
        value={type === 'password' ? '' : (props.form.values[props.name] ?? '')}
        autocomplete={autocomplete}
        required={required}
        aria-required={required ? 'true' : undefined}
      />
    </Field>
  )
}

export function TextAreaField(props: FieldProps & { rows?: number; code?: boolean }) {
  return (
    <Field {...props}>
      <textarea {...described(props)} rows={props.rows ?? 4} class={props.code ? 'code' : undefined}>
        {props.form.values[props.name] ?? ''}
      </textarea>
    </Field>
  )
}

export function SelectField(props: FieldProps & { options: ReadonlyArray<readonly [string, string]> }) {
  const selected = props.form.values[props.name] ?? ''
  return (
    <Field {...props}>
      <select {...described(props)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === selected}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  )
}

/** A form of one button that posts (sign out, end a seat): never a link, since it changes something. */
export function PostButton({ action, label, token }: { action: string; label: string; token: string }) {
  return (
    <form method="post" action={action}>
      <CsrfField token={token} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </form>
  )
}

/** "Sparat." after a post/redirect/get, announced to screen readers. */
export function SavedNotice({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <p class="notice-saved" role="status">
      {text}
    </p>
  )
}
