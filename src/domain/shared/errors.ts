// Domain errors carry a code and a message for developers; web/http-errors.ts is the one table
// from code to HTTP status and page, and the command line prints the message on one line.

export type DomainErrorCode = 'not_found' | 'forbidden' | 'invalid_input' | 'invalid_state' | 'conflict'

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Which input field the problem is in, so a form can show it beside the field. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, key: string | number) {
    super('not_found', `${what} ${key} not found`)
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, field?: string) {
    super('invalid_input', message, field)
  }
}

export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super('invalid_state', message)
  }
}

/** Another person saved the same object first (optimistic versioning). */
export class ConflictError extends DomainError {
  constructor(what: string, expectedVersion: number, actualVersion: number) {
    super(
      'conflict',
      `${what} was changed by someone else (version ${actualVersion}, you edited ${expectedVersion})`,
    )
  }
}
