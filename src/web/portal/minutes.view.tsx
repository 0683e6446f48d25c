import { attendanceRoleLabels } from '../../domain/minutes/attendance.ts'
import type { Author } from '../../domain/minutes/minutes.ts'
import type { MinutesRecord } from '../../domain/minutes/minutes-record.ts'
import { ballotChoiceLabels } from '../../domain/vote/vote.ts'
import { formatDate } from '../views/format.ts'

/** Names of the people and parties a protocol refers to, by id. */
export interface Names {
  person: (id: number | null) => string
  party: (id: number | null) => string | undefined
}

/** The public minutes: who served, the sign-offs and notices, then every § with what was decided and how. */
export function MinutesView({ record, names }: { record: MinutesRecord; names: Names }) {
  const withParty = (personId: number | null, partyId: number | null) => {
    const party = names.party(partyId)
    return `${names.person(personId)}${party ? ` (${party})` : ''}`
  }
  const authors = (list: Author[]) =>
    list
      .map((a) =>
        a.personId
          ? `${withParty(a.personId, a.partyId)}${a.andOthers ? ' m.fl.' : ''}`
          : `(${names.party(a.partyId) ?? '?'})`,
      )
      .join(', ')
  const present = record.attendance.filter((a) => a.present)
  return (
    <article class="minutes">
      <dl class="facts">
        <dt>Justerare</dt>
        <dd>{record.signatoryIds.map((id) => names.person(id)).join(', ') || 'Inte utsedda'}</dd>
        {record.signOffs
          .filter((s) => s.status === 'signed_off' && s.signedOffOn)
          .map((s) => (
            <>
              <dt>Justerat</dt>
              <dd>
                {formatDate(s.signedOffOn as string)}
                {s.immediate ? ' (omedelbar justering)' : ''}
              </dd>
            </>
          ))}
        {record.notices.map((n) => (
          <>
            <dt>Anslag</dt>
            <dd>
              Uppsatt {formatDate(n.postedOn)}
              {n.lastAppealDay && `, sista dag för överklagande ${formatDate(n.lastAppealDay)}`}
            </dd>
          </>
        ))}
      </dl>
      {present.length > 0 && (
        <>
          <h3>Närvarande</h3>
          <ul>
            {present.map((a) => (
              <li key={a.personId}>
                {withParty(a.personId, a.partyId)}, {a.title ?? attendanceRoleLabels[a.role]}
                {a.servingForPersonId && `, tjänstgör för ${names.person(a.servingForPersonId)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {record.sections.map(({ section, motions, votes, dissents, statements, recusals }) => (
        <section
          key={section.id}
          id={`paragraf-${section.number}`}
          aria-labelledby={`rubrik-${section.number}`}
        >
          <h3 id={`rubrik-${section.number}`}>
            {section.label} {section.title}
          </h3>
          {section.decision.length > 0 && (
            <>
              <h4>Beslut</h4>
              <ol>
                {section.decision.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ol>
            </>
          )}
          {motions.length > 0 && (
            <>
              <h4>Yrkanden</h4>
              {motions.map((m) => (
                <p key={m.id}>
                  {authors(m.authors)}: {m.text}
                </p>
              ))}
            </>
          )}
          {section.decisionProcedure && (
            <>
              <h4>Beslutsordning</h4>
              <p>{section.decisionProcedure}</p>
            </>
          )}
          {votes.map((v) => (
            <div key={v.id}>
              <h4>Omröstning</h4>
              <p>
                {v.question} Ja {v.yes}, nej {v.no}, avstår {v.abstain}.
              </p>
              {v.ballots.length > 0 && (
                <ul>
                  {v.ballots.map((b) => (
                    <li key={b.personId}>
                      {withParty(b.personId, b.partyId)}: {ballotChoiceLabels[b.choice]}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {dissents.map((d) => (
            <p key={d.id}>
              <strong>Reservation</strong> {authors(d.authors)}
              {d.text ? `: ${d.text}` : ''}
            </p>
          ))}
          {statements.map((s) => (
            <p key={s.id}>
              <strong>{s.kind[0]?.toUpperCase() + s.kind.slice(1)}</strong> {authors(s.authors)}
              {s.text ? `: ${s.text}` : ''}
            </p>
          ))}
          {recusals.map((r) => (
            <p key={r.personId}>Jäv: {names.person(r.personId)} deltog inte i handläggningen.</p>
          ))}
        </section>
      ))}
    </article>
  )
}
