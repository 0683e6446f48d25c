import { InvalidInputError } from '../shared/errors.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    upload_too_large: undefined
    upload_empty: undefined
    upload_type_not_allowed: undefined
    upload_type_mismatch: undefined
    upload_infected: undefined
  }
}

/** Why an uploaded file was not stored. */
export type UploadRefusal = 'too_large' | 'empty' | 'type_not_allowed' | 'type_mismatch' | 'infected'

/** An upload refused for its file; nothing of it is stored. The field is always 'file'. */
export class UploadRefusedError extends InvalidInputError<`upload_${UploadRefusal}`> {
  constructor(
    readonly refusal: UploadRefusal,
    message: string,
  ) {
    super(`upload_${refusal}`, message, 'file')
  }
}
