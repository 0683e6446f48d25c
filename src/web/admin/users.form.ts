import { isEmail, isRole } from '../../domain/account/account.ts'
import { AccountChangeRefusedError, type AccountRefusal } from '../../domain/account/user-admin.ts'
import { readForm } from './admin-request.ts'
import type { FormErrors } from './form.tsx'

// The users pages' forms: reading them, and the Swedish words for what the domain refuses.

export const id = (value: string | undefined) =>
  value && /^\d{1,9}$/.test(value) ? Number(value) : undefined

export const refusals: Record<AccountRefusal, string> = {
  last_administrator:
    'Organisationen måste ha minst en aktiv administratör. Ge någon annan rollen administratör först.',
  own_account: 'Ditt eget konto kan inte ändras så här. Be en annan administratör.',
  person_taken: 'Personen är redan kopplad till ett annat konto.',
  other_organisation:
    'Kontot används också i en annan organisation. Där behöver dess administratör göra ändringen.',
}

/** The Swedish reason for a refused change, or the error rethrown for the error pages. */
export function refusalOf(error: unknown): { message: string; status: number } {
  if (error instanceof AccountChangeRefusedError)
    return { message: refusals[error.reason], status: error.code === 'forbidden' ? 403 : 409 }
  throw error
}

/** Checks the new account's fields; Swedish messages by field. */
export function readNewAccountForm(body: unknown) {
  const values = readForm(body, ['email', 'name', 'role', 'committeeId', 'personId'])
  const errors: FormErrors = {}
  if (!isEmail(values.email?.toLowerCase() ?? '')) errors.email = 'Skriv en e-postadress som namn@kommun.se.'
  if (!values.name) errors.name = 'Skriv användarens namn.'
  else if ((values.name ?? '').length > 200) errors.name = 'Namnet får vara högst 200 tecken.'
  Object.assign(errors, roleErrors(values, true))
  if (values.personId && !id(values.personId)) errors.personId = 'Välj en person i listan, eller ingen.'
  return { values, errors }
}

export function roleErrors(values: Record<string, string>, noneAllowed: boolean): FormErrors {
  const errors: FormErrors = {}
  if (!(isRole(values.role ?? '') || (noneAllowed && !values.role)))
    errors.role = noneAllowed ? 'Välj en roll, eller ingen roll.' : 'Välj en roll.'
  if (values.committeeId && !id(values.committeeId)) errors.committeeId = 'Välj en nämnd i listan.'
  else if (values.committeeId && values.role === 'administrator')
    errors.committeeId = 'En administratör gäller hela organisationen: välj Hela organisationen.'
  else if (values.committeeId && !values.role)
    errors.committeeId = 'Välj en roll för nämnden, eller Hela organisationen.'
  return errors
}

export const roleDomainMessages = {
  role: 'Välj en roll.',
  committeeId: 'Välj en nämnd i organisationen, eller Hela organisationen för en administratör.',
}
