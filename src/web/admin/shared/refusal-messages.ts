import { DomainError } from '../../../domain/shared/errors.ts'
import { refusalSentence } from '../../../domain/shared/refusal-sentences.ts'

// What a clerk reads beside a refused form: the Swedish sentence of the refusal's reason, from the
// one table (domain/shared/refusal-sentences.ts). Not found and not allowed get the error pages.

/** The Swedish sentence for a refusal of a use case; other errors are rethrown. */
export function swedishRefusal(error: unknown): string {
  if (error instanceof DomainError && error.code !== 'not_found') {
    // A login refused while signing (the password re-entered) is said beside the form too.
    if (error.code !== 'forbidden' || error.reason === 'wrong_credentials' || error.reason === 'throttled')
      return refusalSentence(error)
  }
  throw error
}
