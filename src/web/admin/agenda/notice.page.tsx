import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { NoticeReadiness } from '../../../domain/meeting/notice-readiness.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate } from '../../views/format.ts'
import type { NextStep } from '../meetings/next-step.ts'
import { NextStepBox } from '../meetings/next-step.view.tsx'
import { CsrfField, ErrorSummary, type FormState, TextAreaField } from '../shared/form.view.tsx'

export const noticeLabels = { lateReason: 'Skäl till att kallelsen publiceras sent' }

export interface NoticePageProps {
  view: AdminView
  committee: Committee
  meeting: Meeting
  readiness: NoticeReadiness
  next?: NextStep | undefined
  form: FormState
  /** Why publishing was refused, when it is not about a field. */
  problem?: string | undefined
}

/** Before publishing the notice: the notice period, who gets no e-mail, personnummer found and where. */
export function NoticePage({ view, committee, meeting, readiness, next, form, problem }: NoticePageProps) {
  const failed = Object.keys(form.errors).length > 0 || problem
  const blocked = readiness.findings.length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}Publicera kallelsen ${formatLongDate(meeting.meetsOn)} – ${committee.name}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { href: paths.admin.meeting(committee.slug, meeting.slug), label: formatLongDate(meeting.meetsOn) },
        { label: 'Kallelse' },
      ]}
    >
      <h1>
        Publicera kallelsen, {committee.name} {formatLongDate(meeting.meetsOn)}
      </h1>
      <p>
        När kallelsen publiceras blir dagordningen offentlig, ett anslag om sammanträdet sätts upp på
        anslagstavlan och ledamöter och ersättare med e-postadress får kallelsen med e-post.
      </p>
      <NextStepBox next={next} here={paths.admin.notice(committee.slug, meeting.slug)} />
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      <section aria-labelledby="kallelsetid">
        <h2 id="kallelsetid">Kallelsetid</h2>
        <p>
          Sista dag att publicera kallelsen: <strong>{formatLongDate(readiness.lastDayToPublish)}</strong>.{' '}
          {readiness.late
            ? 'Den dagen har passerat: ange skälet till den sena kallelsen.'
            : 'Kallelsen kommer i tid.'}
        </p>
      </section>
      <section aria-labelledby="e-post">
        <h2 id="e-post">Mottagare</h2>
        <p>{readiness.invitations} får kallelsen med e-post.</p>
        {readiness.withoutEmail.length > 0 && (
          <>
            <p>Saknar e-postadress och måste kallas på annat sätt:</p>
            <ul>
              {readiness.withoutEmail.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="personnummer">
        <h2 id="personnummer">Personnummer</h2>
        {blocked ? (
          <div class="error-summary" role="alert">
            <p>
              Personnummer får inte publiceras. Ta bort dem på de här ställena innan kallelsen kan publiceras:
            </p>
            <ul>
              {readiness.findings.map((f) => (
                <li key={`${f.place}-${f.column}`}>
                  {f.agendaItemId ? (
                    <a href={paths.admin.agendaItem(committee.slug, meeting.slug, f.agendaItemId)}>
                      {f.place}
                    </a>
                  ) : (
                    f.place
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>Inga personnummer hittades i de offentliga texterna och handlingarna.</p>
        )}
      </section>
      {!blocked && (
        <section aria-labelledby="publicera">
          <h2 id="publicera">Publicera</h2>
          <ErrorSummary errors={form.errors} labels={noticeLabels} />
          <form method="post" action={paths.admin.notice(committee.slug, meeting.slug)} novalidate>
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="version" value={String(meeting.version)} />
            {readiness.late && (
              <TextAreaField name="lateReason" label={noticeLabels.lateReason} rows={2} form={form} />
            )}
            <button type="submit">Publicera kallelsen</button>
          </form>
        </section>
      )}
    </AdminLayout>
  )
}
