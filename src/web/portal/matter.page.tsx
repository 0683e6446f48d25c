import { agendaItemStatusLabels } from '../../domain/agenda/agenda-item.ts'
import type { Matter } from '../../domain/matter/matter.ts'
import type { MatterStep } from '../../domain/publication/matter-record.ts'
import { paths } from '../paths.ts'
import { AttachmentLink } from '../views/attachment-link.tsx'
import { formatDate, formatLongDate } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { PointText, StructuredText } from '../views/structured-text.tsx'
import { subscribePaths } from './subscription.page.tsx'

const outcomeLabels = {
  decided: 'Beslut',
  noted: 'Noterat',
  tabled: 'Bordlagt',
  referred_back: 'Återremitterat',
} as const

/** A matter (ärende): every meeting and committee it passed, in order, with documents and decisions. */
export function MatterPage({ matter, steps }: { matter: Matter; steps: MatterStep[] }) {
  const title = matter.title ?? steps.find((s) => s.title)?.title ?? 'Ärende'
  return (
    <Layout
      title={`${title} (Dnr ${matter.registryNumber})`}
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: `Ärende ${matter.registryNumber}` }]}
      alternates={[
        {
          href: paths.matterFeed(matter.registryNumber),
          title: `Ärende ${matter.registryNumber}`,
          type: 'application/atom+xml',
        },
      ]}
    >
      <h1>{title}</h1>
      <dl class="facts">
        <dt>Diarienummer</dt>
        <dd>{matter.registryNumber}</dd>
        <dt>Behandlat</dt>
        <dd>{steps.length === 1 ? 'vid ett sammanträde' : `vid ${steps.length} sammanträden`}</dd>
      </dl>
      <p>
        <a href={subscribePaths.matter(matter.registryNumber)}>Bevaka ärendet via e-post</a>
      </p>
      <section aria-labelledby="gang">
        <h2 id="gang">Ärendets gång</h2>
        <ol class="timeline">
          {steps.map((step) => (
            <li key={step.agendaItemId}>
              <h3>
                <a href={paths.meeting(step.committeeSlug, step.meetingSlug)}>
                  {step.committeeName}, {formatLongDate(step.meetsOn)}
                </a>
              </h3>
              <p>
                Punkt {step.number ?? '–'} på dagordningen: {step.title ?? 'Ärende'}
                {step.status !== 'active' && ` (${agendaItemStatusLabels[step.status]})`}
              </p>
              {step.summary && <StructuredText text={step.summary} />}
              {step.proposal.length > 0 && (
                <>
                  <h4>Förslag till beslut</h4>
                  <ol>
                    {step.proposal.map((p) => (
                      <li key={p}>
                        <PointText point={p} />
                      </li>
                    ))}
                  </ol>
                </>
              )}
              {step.attachments.length > 0 && (
                <>
                  <h4>Handlingar</h4>
                  <ul>
                    {step.attachments.map((d) => (
                      <li key={d.id}>
                        <AttachmentLink document={d} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {step.decisions.map((d) => (
                <div key={d.number}>
                  <h4>
                    {outcomeLabels[d.outcome]},{' '}
                    <a href={paths.section(step.committeeSlug, step.meetingSlug, d.number)}>{d.label}</a>
                    {d.signedOffOn && <span class="muted"> (justerad {formatDate(d.signedOffOn)})</span>}
                  </h4>
                  {d.decision.length > 0 ? (
                    <ol>
                      {d.decision.map((p) => (
                        <li key={p}>
                          <PointText point={p} />
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p>{d.title}</p>
                  )}
                </div>
              ))}
              {step.decisions.length === 0 && (
                <p class="muted">Inget justerat beslut vid detta sammanträde.</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  )
}
