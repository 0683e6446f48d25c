import type { AccessibilityFeedback } from '../../../domain/accessibility-feedback/accessibility-feedback.ts'
import { retentionMonths } from '../../../domain/accessibility-feedback/accessibility-feedback.ts'
import { swedishClockTime } from '../../../domain/shared/swedish-time.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate, todayInSweden } from '../../views/format.ts'
import { CsrfField, SavedNotice } from '../shared/form.view.tsx'

export const feedbackPaths = {
  list: () => '/admin/tillganglighet',
  /** Where the form that marks one message handled posts. */
  handle: (feedbackId: number) => `/admin/tillganglighet/${feedbackId}/hanterad`,
}

export interface FeedbackEntry {
  feedback: AccessibilityFeedback
  organisationName: string
  /** Who marked it handled, by name when the account still exists. */
  handledByName: string | null
}

/** A refused "mark as handled": which message, what was typed, and why in Swedish. */
export interface HandlingRefusal {
  feedbackId: number
  note: string
  message: string
}

/** "söndag 22 november 2026 kl. 10:46", in Swedish time whatever the server's zone. */
export const swedishDateTime = (iso: string) => {
  const instant = new Date(iso)
  return `${formatLongDate(todayInSweden(instant))} kl. ${swedishClockTime(instant)}`
}

const noteId = (feedbackId: number) => `anteckning-${feedbackId}`

/**
 * Visitors' feedback on accessibility for the organisations the administrator keeps: unhandled
 * first, newest first, each with a form to mark it handled (lag 2018:1937, 13 §: answer as soon
 * as possible). Reply addresses are personal data and are shown here only.
 */
export function AccessibilityFeedbackPage({
  view,
  entries,
  showOrganisation,
  saved,
  refusal,
}: {
  view: AdminView
  entries: FeedbackEntry[]
  /** More than one organisation: say which each message went to. */
  showOrganisation: boolean
  saved: boolean
  refusal?: HandlingRefusal | undefined
}) {
  const unhandled = entries.filter((e) => e.feedback.handledAt === null)
  const handled = entries.filter((e) => e.feedback.handledAt !== null)
  const title = 'Synpunkter på tillgänglighet'
  return (
    <AdminLayout
      title={refusal ? `Fel i formuläret – ${title}` : title}
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: title }]}
    >
      <h1>{title}</h1>
      <p>
        Besökare skickar synpunkter från <a href={paths.accessibility()}>tillgänglighetsredogörelsen</a> i
        portalen. Enligt lagen (2018:1937) om tillgänglighet till digital offentlig service ska ett meddelande
        om brister besvaras så snart som möjligt. En synpunkt raderas, med namn och e-postadress,{' '}
        {retentionMonths} månader efter att den har markerats som hanterad.
      </p>
      <SavedNotice text={saved ? 'Synpunkten är markerad som hanterad.' : undefined} />
      {refusal && (
        <div class="error-summary" role="alert">
          <h2>Synpunkten kunde inte markeras som hanterad</h2>
          <ul>
            <li>
              <a href={`#${noteId(refusal.feedbackId)}`}>{refusal.message}</a>
            </li>
          </ul>
        </div>
      )}
      <section aria-labelledby="att-hantera">
        <h2 id="att-hantera">Att hantera ({unhandled.length})</h2>
        {unhandled.length === 0 ? (
          <p>Det finns inga obehandlade synpunkter.</p>
        ) : (
          <ul class="card-list">
            {unhandled.map((entry) => (
              <li key={entry.feedback.id}>
                <FeedbackCard entry={entry} showOrganisation={showOrganisation} />
                <HandleForm
                  feedbackId={entry.feedback.id}
                  token={view.csrfToken}
                  refusal={refusal?.feedbackId === entry.feedback.id ? refusal : undefined}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="hanterade">
        <h2 id="hanterade">Hanterade ({handled.length})</h2>
        {handled.length === 0 ? (
          <p>Inga hanterade synpunkter finns kvar.</p>
        ) : (
          <ul class="card-list">
            {handled.map((entry) => (
              <li key={entry.feedback.id}>
                <FeedbackCard entry={entry} showOrganisation={showOrganisation} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  )
}

function FeedbackCard({ entry, showOrganisation }: { entry: FeedbackEntry; showOrganisation: boolean }) {
  const { feedback } = entry
  return (
    <>
      <h3>Mottagen {swedishDateTime(feedback.receivedAt)}</h3>
      <dl class="facts">
        {showOrganisation && (
          <>
            <dt>Organisation</dt>
            <dd>{entry.organisationName}</dd>
          </>
        )}
        <dt>Sida</dt>
        <dd>{feedback.page ?? <span class="muted">Inte angiven</span>}</dd>
        <dt>Meddelande</dt>
        <dd>
          <MultilineText text={feedback.message} />
        </dd>
        <dt>Namn</dt>
        <dd>{feedback.senderName ?? <span class="muted">Inte angivet</span>}</dd>
        <dt>Svarsadress</dt>
        <dd>
          {feedback.replyAddress ? (
            <a href={`mailto:${feedback.replyAddress}`}>{feedback.replyAddress}</a>
          ) : (
            <span class="muted">Vill inte ha svar</span>
          )}
        </dd>
        {feedback.handledAt !== null && (
          <>
            <dt>Hanterad</dt>
            <dd>
              {swedishDateTime(feedback.handledAt)}
              {entry.handledByName ? ` av ${entry.handledByName}` : ''}
            </dd>
            <dt>Vad som gjordes</dt>
            <dd>
              <MultilineText text={feedback.handlingNote ?? ''} />
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={paths.admin.auditLog('accessibility_feedback', feedback.id)}>Ändringslogg</a>
      </p>
    </>
  )
}

/** The visitor's line breaks as written (the text itself is stored unchanged). */
function MultilineText({ text }: { text: string }) {
  const lines = text.split('\n')
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  )
}

function HandleForm({
  feedbackId,
  token,
  refusal,
}: {
  feedbackId: number
  token: string
  refusal: HandlingRefusal | undefined
}) {
  const id = noteId(feedbackId)
  return (
    <form method="post" action={feedbackPaths.handle(feedbackId)} novalidate>
      <CsrfField token={token} />
      <div class={refusal ? 'field field-error' : 'field'}>
        <label for={id}>Vad har gjorts? (obligatoriskt)</label>
        <p id={`${id}-hjalp`} class="hint">
          Till exempel att du har svarat besökaren eller rättat felet. Skriv inte besökarens namn eller adress
          här.
        </p>
        {refusal && (
          <p id={`${id}-fel`} class="error-message">
            <span class="visually-hidden">Fel: </span>
            {refusal.message}
          </p>
        )}
        <textarea
          id={id}
          name="note"
          rows={3}
          required
          aria-required="true"
          aria-invalid={refusal ? 'true' : undefined}
          aria-describedby={refusal ? `${id}-hjalp ${id}-fel` : `${id}-hjalp`}
        >
          {refusal?.note ?? ''}
        </textarea>
      </div>
      <button type="submit">Markera som hanterad</button>
    </form>
  )
}
