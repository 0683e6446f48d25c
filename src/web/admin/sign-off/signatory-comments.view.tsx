import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import type { SignatoryComment } from '../../../domain/minutes/signatory-comment.service.ts'
import { formatDateTime } from '../../views/format.ts'
import { CsrfField } from '../shared/form.view.tsx'

/**
 * The signatories' comments on a § of the draft, for the secretary and the signatories; with
 * `form`, the field for a signatory's own comment.
 */
export function SignatoryComments(props: {
  entry: SectionRecord
  comments: readonly SignatoryComment[]
  personName: (id: number | null) => string
  form?: { action: string; token: string; refused?: { text: string; error: string } | undefined } | undefined
}) {
  const { entry, comments, personName, form } = props
  const n = entry.section.number
  if (comments.length === 0 && !form) return null
  return (
    <div class="signatory-comments" id={`kommentar-${entry.section.id}`}>
      {comments.length > 0 && (
        <>
          <h4>Justerarnas synpunkter</h4>
          <ul>
            {comments.map((c) => (
              <li key={c.id}>
                {personName(c.personId)}, {formatDateTime(c.createdAt)}: {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {form && (
        <form method="post" action={form.action}>
          <CsrfField token={form.token} />
          <input type="hidden" name="sectionId" value={String(entry.section.id)} />
          <div class={form.refused ? 'field field-error' : 'field'}>
            <label for={`falt-kommentar-${n}`}>Synpunkt på {entry.section.label} till sekreteraren</label>
            {form.refused && (
              <p id={`falt-kommentar-${n}-fel`} class="error-message">
                <span class="visually-hidden">Fel: </span>
                {form.refused.error}
              </p>
            )}
            <textarea
              id={`falt-kommentar-${n}`}
              name="text"
              rows={2}
              aria-invalid={form.refused ? 'true' : undefined}
              aria-describedby={form.refused ? `falt-kommentar-${n}-fel` : undefined}
            >
              {form.refused?.text ?? ''}
            </textarea>
          </div>
          <button type="submit" class="secondary">
            Skicka synpunkten<span class="visually-hidden"> på {entry.section.label}</span>
          </button>
        </form>
      )}
    </div>
  )
}
