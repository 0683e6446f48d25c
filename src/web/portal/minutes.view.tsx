import type { ComponentChildren } from 'preact'
import type { MinutesRecord, SectionRecord } from '../../domain/minutes/minutes-record.ts'
import {
  coverOutline,
  type Line,
  sectionOutline,
  type VoteOutline,
} from '../../domain/publication/minutes-outline.ts'
import { paths } from '../paths.ts'
import { PointText, StructuredText } from '../views/structured-text.tsx'
import { SectionFinality, SectionRectifications } from './section-finality.view.tsx'

/** Names of the people and parties a protocol refers to, by id, and where their pages are. */
export interface Names {
  person: (id: number | null) => string
  party: (id: number | null) => string | undefined
  personSlug?: (id: number | null) => string | undefined
  /** The registry number (Dnr) of the matter a § dealt with, when public. */
  registryNumber?: (sectionId: number) => string | undefined
}

/** A person's name, linked to their page when they have one. */
function PersonName({ id, names }: { id: number | null; names: Names }) {
  const slug = names.personSlug?.(id)
  return slug ? <a href={paths.person(slug)}>{names.person(id)}</a> : names.person(id)
}

/** A line of the outline: names linked to their pages, "anslagstavlan" to the notice board. */
function LineView({ line, names }: { line: Line; names: Names }) {
  return (
    <>
      {line.map((run) =>
        typeof run === 'string' ? (
          run
        ) : 'name' in run ? (
          <PersonName id={run.personId} names={names} />
        ) : (
          <a href={paths.noticeBoard()}>{run.noticeBoard}</a>
        ),
      )}
    </>
  )
}

/** The cover of the public minutes: when and where, who served, who signed off when, and the notices. */
export function MinutesCover({ record, names }: { record: MinutesRecord; names: Names }) {
  const cover = coverOutline(record, names)
  return (
    <>
      <section aria-labelledby="narvaro">
        <h2 id="narvaro">{cover.attendanceHeading}</h2>
        {cover.attendance.map((group) => (
          <>
            <h3>{group.heading}</h3>
            {group.lines.length === 0 ? (
              <p>{group.empty}</p>
            ) : (
              <ul>
                {group.lines.map((line) => (
                  <li>
                    <LineView line={line} names={names} />
                  </li>
                ))}
              </ul>
            )}
          </>
        ))}
      </section>
      <section aria-labelledby="justering">
        <h2 id="justering">{cover.signOffHeading}</h2>
        <dl class="facts">
          {cover.facts.map((fact) => (
            <>
              <dt>{fact.term}</dt>
              <dd>
                <LineView line={fact.value} names={names} />
                {fact.signedHow && (
                  <>
                    <br />
                    {fact.signedHow}
                  </>
                )}
                {fact.sealHash && (
                  <>
                    <br />
                    Kontrollsumma för det justerade (SHA-256): <code class="seal">{fact.sealHash}</code>
                  </>
                )}
              </dd>
            </>
          ))}
        </dl>
      </section>
    </>
  )
}

/** Every public § in order, each with its own anchor (`#paragraf-N`). */
export function MinutesSections({
  record,
  names,
  today,
  extractHref,
}: {
  record: MinutesRecord
  names: Names
  /** Today in Sweden, for whether each decision is still open to appeal; omitted, none is shown. */
  today?: string
  /** Where the printable extract of a public § is; omitted, no link is shown. */
  extractHref?: (sectionNumber: number) => string
}) {
  return (
    <section aria-labelledby="paragrafer">
      <h2 id="paragrafer">Paragrafer</h2>
      <nav aria-labelledby="innehall-rubrik" class="toc">
        <h3 id="innehall-rubrik">Innehåll</h3>
        <ol>
          {record.sections.map(({ section }) => (
            <li key={section.id}>
              <a href={`#paragraf-${section.number}`}>
                {section.label} {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {record.sections.map((entry) => (
        <SectionView
          key={entry.section.id}
          entry={entry}
          names={names}
          after={
            <>
              <SectionRectifications entry={entry} />
              {today && <SectionFinality entry={entry} notices={record.notices} today={today} />}
              {extractHref && !entry.section.confidential && (
                <p>
                  <a href={extractHref(entry.section.number)}>Protokollsutdrag av {entry.section.label}</a>
                </p>
              )}
            </>
          }
        />
      ))}
    </section>
  )
}

export function SectionView({
  entry,
  names,
  after,
  confidentialShown = false,
}: {
  entry: SectionRecord
  names: Names
  after?: ComponentChildren
  /** The workspace's extract for the decision's recipients shows a confidential § in full. */
  confidentialShown?: boolean
}) {
  const outline = sectionOutline(entry, names, { confidentialShown })
  const { number, registryNumber } = outline
  const lead = (line: Line | undefined) => line && <LineView line={line} names={names} />
  return (
    <section id={`paragraf-${number}`} aria-labelledby={`rubrik-${number}`} class="section">
      <h3 id={`rubrik-${number}`}>{outline.heading}</h3>
      <p class="muted">
        <a href={`#paragraf-${number}`}>Länk till {outline.label}</a>
        {registryNumber && (
          <>
            {' · '}
            <a href={paths.matter(registryNumber)}>Dnr {registryNumber}</a>
          </>
        )}
        {outline.signedOff && ` · ${outline.signedOff}`}
      </p>
      {outline.confidential && <p>{outline.confidential}</p>}
      {outline.summary && <StructuredText text={outline.summary} />}
      {outline.outcome && <p>{outline.outcome}</p>}
      {outline.decision.length > 0 && (
        <>
          <h4>{outline.decisionHeading}</h4>
          <ol>
            {outline.decision.map((point) => (
              <li key={point}>
                <PointText point={point} />
              </li>
            ))}
          </ol>
        </>
      )}
      {outline.motions.length > 0 && (
        <>
          <h4>{outline.motionsHeading}</h4>
          {outline.motions.map((m) => (
            <div class="entry">
              <StructuredText text={m.text} lead={lead(m.lead)} />
            </div>
          ))}
        </>
      )}
      {outline.decisionProcedure && (
        <>
          <h4>{outline.procedureHeading}</h4>
          <StructuredText text={outline.decisionProcedure} />
        </>
      )}
      {outline.votes.map((v) => (
        <VoteView vote={v} names={names} />
      ))}
      {outline.dissents.length > 0 && (
        <>
          <h4>{outline.dissentsHeading}</h4>
          {outline.dissents.map((d) =>
            'line' in d ? (
              <p>
                <LineView line={d.line} names={names} />
              </p>
            ) : (
              <div class="entry">
                <StructuredText text={d.text} lead={lead(d.lead)} />
              </div>
            ),
          )}
        </>
      )}
      {outline.statements.map((s) => (
        <div class="entry">
          <h4>{s.heading}</h4>
          {'line' in s ? (
            <p>
              <LineView line={s.line} names={names} />
            </p>
          ) : (
            <StructuredText text={s.text} lead={lead(s.lead)} />
          )}
        </div>
      ))}
      {outline.recusals.length > 0 && (
        <>
          <h4>{outline.recusalsHeading}</h4>
          {outline.recusals.map((line) => (
            <p>
              <LineView line={line} names={names} />
            </p>
          ))}
        </>
      )}
      {after}
    </section>
  )
}

function VoteView({ vote, names }: { vote: VoteOutline; names: Names }) {
  return (
    <div class="vote">
      <h4>{vote.heading}</h4>
      <p>{vote.question}</p>
      {vote.means && <p>{vote.means}</p>}
      <p>{vote.result}</p>
      {vote.ballots ? (
        <table class="ballots">
          <caption>{vote.ballots.caption}</caption>
          <thead>
            <tr>
              {vote.ballots.columns.map((column) => (
                <th scope="col">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {vote.ballots.rows.map((row) => (
              <tr>
                <th scope="row">
                  <PersonName id={row.person.personId} names={names} />
                </th>
                <td>{row.party}</td>
                <td>{row.choice}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{vote.secret}</p>
      )}
    </div>
  )
}
