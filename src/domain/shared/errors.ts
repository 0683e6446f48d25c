// Domain errors carry a code, a refusal reason and a message for developers. The code says what
// kind of failure it is (web/http-errors.ts is the one table from code to HTTP status); the reason
// says which rule refused, and domain/refusal-sentences.ts holds the one Swedish sentence per
// reason that the workspace, the API and the command line show. The message is for logs and tests.

/**
 * Every refusal reason, with the details its sentence may use (`undefined`: none). Each module
 * declares its reasons beside the rule that refuses, by augmenting this interface:
 *
 *     declare module './errors.ts' {
 *       interface RefusalReasons { no_quorum: undefined }
 *     }
 *
 * so the table of sentences, typed `Record<RefusalReason, …>`, does not compile without a sentence
 * for a reason added anywhere.
 */
export interface RefusalReasons {
  /** The object asked for does not exist (or is not the caller's to see). */
  not_found: undefined
  /** Someone else saved the same object first (optimistic versioning). */
  conflict: { what: string }
  /** The signed-in user may not do this. */
  not_allowed: undefined
  /** The workspace's pages are for signed-in users. */
  not_signed_in: undefined
  /** A data text in the database (JSON) is not what the code expects: a bug or a damaged row. */
  damaged_data: undefined
  /** Input read from a form or a document, refused the same way wherever it is read. */
  date_malformed: undefined
  time_malformed: undefined
  field_missing: undefined
  email_malformed: undefined
  /** A NUL character, which no text in Paragraf may hold (web/input-checks.ts). */
  nul_character: undefined
}

export type RefusalReason = keyof RefusalReasons

export type DomainErrorCode = 'not_found' | 'forbidden' | 'invalid_input' | 'invalid_state' | 'conflict'

export class DomainError<R extends RefusalReason = RefusalReason> extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Which rule refused: the key of its Swedish sentence. */
    readonly reason: R,
    message: string,
    /** Which input field the problem is in, so a form can show it beside the field. */
    readonly field?: string,
    /** What the reason's sentence may say (a date, a count, the §§ concerned). */
    readonly details?: RefusalReasons[R],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export class NotFoundError extends DomainError<'not_found'> {
  constructor(what: string, key: string | number) {
    super('not_found', 'not_found', `${what} ${key} not found`)
  }
}

export class InvalidInputError<R extends RefusalReason = RefusalReason> extends DomainError<R> {
  constructor(reason: R, message: string, field?: string, details?: RefusalReasons[R]) {
    super('invalid_input', reason, message, field, details)
  }
}

export class InvalidStateError<R extends RefusalReason = RefusalReason> extends DomainError<R> {
  constructor(reason: R, message: string, details?: RefusalReasons[R]) {
    super('invalid_state', reason, message, undefined, details)
  }
}

/** Another person saved the same object first (optimistic versioning). */
export class ConflictError extends DomainError<'conflict'> {
  constructor(what: string, expectedVersion: number, actualVersion: number) {
    super(
      'conflict',
      'conflict',
      `${what} was changed by someone else (version ${actualVersion}, you edited ${expectedVersion})`,
      undefined,
      { what },
    )
  }
}
