import { InvalidInputError } from '../shared/errors.ts'

/** Why an uploaded file was not stored. */
export type UploadRefusal = 'too_large' | 'empty' | 'type_not_allowed' | 'type_mismatch' | 'infected'

/** What the upload form says beside the file field. */
export const uploadRefusalLabels: Record<UploadRefusal, string> = {
  too_large: 'Filen är större än vad som får laddas upp.',
  empty: 'Filen är tom.',
  type_not_allowed:
    'Filtypen är inte tillåten. Ladda upp PDF, Word (DOCX), ODT, Excel (XLSX), PNG eller JPEG.',
  type_mismatch: 'Filens innehåll stämmer inte med dess filtyp eller filnamn.',
  infected: 'Virusskanningen hittade skadlig kod i filen. Den har inte sparats.',
}

/** An upload refused for its file; nothing of it is stored. The field is always 'file'. */
export class UploadRefusedError extends InvalidInputError {
  constructor(
    readonly refusal: UploadRefusal,
    message: string,
  ) {
    super(message, 'file')
  }
}
