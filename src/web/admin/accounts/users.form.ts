import { isEmail, isRole } from '../../../domain/account/account.ts'
import { AccountChangeRefusedError } from '../../../domain/account/user-admin.ts'
import { refusalSentence, refusalSentences } from '../../../domain/shared/refusal-sentences.ts'
import { readForm } from '../shared/admin-request.ts'
import type { FormErrors } from '../shared/form.view.tsx'

// The users pages' forms: reading them, and the Swedish words for what the domain refuses (from
// the refusal table).

export const refusals = refusalSentences

export const id = (value: string | undefined) =>
  value && /^\d{1,9}$/.test(value) ? Number(value) : undefined

/** The Swedish reason for a refused change, or the error rethrown for the error pages. */
export function refusalOf(error: unknown): { message: string; status: number } {
  if (error instanceof AccountChangeRefusedError)
    return { message: refusalSentence(error), status: error.code === 'forbidden' ? 403 : 409 }
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
