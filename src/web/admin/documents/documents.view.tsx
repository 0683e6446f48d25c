import { type Document, documentKindLabels } from '../../../domain/document/document.ts'
import { paths } from '../../paths.ts'
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../shared/form.view.tsx'

export const uploadLabels = {
  documentTitle: 'Handlingens titel',
  documentKind: 'Slag av handling',
  documentConfidential: 'Omfattas av sekretess',
  documentGround: 'Grund för sekretess',
  file: 'Fil (PDF, DOCX, ODT, XLSX, PNG eller JPEG, högst 50 MB)',
}

const size = (bytes: number | null) =>
  bytes === null
    ? '–'
    : bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`

export interface DocumentsProps {
  token: string
  /** The item's address (for the forms' actions). */
  itemPath: (action?: string) => string
  replacePath: (documentId: number) => string
  attachments: Document[]
  uploadForm: FormState
  /** The document whose new version was refused, and why. */
  replaceError?: { documentId: number; message: string } | undefined
}

/**
 * The item's documents: each with its size, type and checksum, a new version to upload, and a form
 * for a new attachment. Upload forms are multipart and put the file last (see shared/upload-form.ts).
 */
export function DocumentsSection({
  token,
  itemPath,
  replacePath,
  attachments,
  uploadForm,
  replaceError,
}: DocumentsProps) {
  return (
    <section aria-labelledby="handlingar">
      <h2 id="handlingar">Handlingar</h2>
      {attachments.length === 0 ? (
        <p>Punkten har inga handlingar.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Punktens handlingar</caption>
          <thead>
            <tr>
              <th scope="col">Handling</th>
              <th scope="col">Storlek och typ</th>
              <th scope="col">Kontrollsumma (sha512)</th>
              <th scope="col">Offentlighet</th>
              <th scope="col">Ny version</th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a href={paths.document(d.id, d.title)}>{d.title}</a>{' '}
                  <span class="muted">{documentKindLabels[d.kind]}</span>
                </th>
                <td>
                  {size(d.sizeBytes)}, {d.mimeType ?? 'okänd typ'}
                </td>
                <td>
                  <code title={d.sha512 ?? undefined}>{d.sha512 ? `${d.sha512.slice(0, 12)}…` : '–'}</code>
                </td>
                <td>{d.confidential ? `Sekretess (${d.confidentialityGround})` : 'Offentlig'}</td>
                <td>
                  <form
                    method="post"
                    action={replacePath(d.id)}
                    enctype="multipart/form-data"
                    class="inline-form"
                  >
                    <CsrfField token={token} />
                    {replaceError?.documentId === d.id && (
                      <p class="error-message" role="alert" id={`ny-version-${d.id}-fel`}>
                        {replaceError.message}
                      </p>
                    )}
                    <div class="field">
                      <label for={`ny-version-${d.id}`}>
                        Fil<span class="visually-hidden"> med ny version av {d.title}</span>
                      </label>
                      <input
                        type="file"
                        id={`ny-version-${d.id}`}
                        name="file"
                        aria-invalid={replaceError?.documentId === d.id ? 'true' : undefined}
                        aria-describedby={
                          replaceError?.documentId === d.id ? `ny-version-${d.id}-fel` : undefined
                        }
                      />
                    </div>
                    <button type="submit" class="secondary">
                      Ersätt<span class="visually-hidden"> {d.title}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="ny-handling">Ladda upp en handling</h3>
      <ErrorSummary errors={uploadForm.errors} labels={uploadLabels} />
      <form method="post" action={itemPath('handlingar')} enctype="multipart/form-data" novalidate>
        <CsrfField token={token} />
        <TextField name="documentTitle" label={uploadLabels.documentTitle} form={uploadForm} />
        <SelectField
          name="documentKind"
          label={uploadLabels.documentKind}
          options={Object.entries(documentKindLabels)}
          form={uploadForm}
        />
        <div class="field field-checkbox">
          <input
            type="checkbox"
            id="falt-documentConfidential"
            name="documentConfidential"
            value="ja"
            checked={uploadForm.values.documentConfidential === 'ja'}
          />{' '}
          <label for="falt-documentConfidential">{uploadLabels.documentConfidential}</label>
        </div>
        <TextField
          name="documentGround"
          label={uploadLabels.documentGround}
          hint="Lagrummet, till exempel OSL 26:1, om handlingen omfattas av sekretess."
          form={uploadForm}
        />
        <div class={uploadForm.errors.file ? 'field field-error' : 'field'}>
          <label for="falt-file">{uploadLabels.file}</label>
          {uploadForm.errors.file && (
            <p id="falt-file-fel" class="error-message">
              <span class="visually-hidden">Fel: </span>
              {uploadForm.errors.file}
            </p>
          )}
          <input
            type="file"
            id="falt-file"
            name="file"
            accept=".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg"
            aria-invalid={uploadForm.errors.file ? 'true' : undefined}
            aria-describedby={uploadForm.errors.file ? 'falt-file-fel' : undefined}
          />
        </div>
        <button type="submit">Ladda upp</button>
      </form>
    </section>
  )
}
