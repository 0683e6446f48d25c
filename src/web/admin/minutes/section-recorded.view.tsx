import type { Author } from '../../../domain/minutes/minutes.ts'
import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import { motionText } from '../../../domain/publication/text-structure.ts'
import { StructuredText } from '../../views/structured-text.tsx'
import { CsrfField } from '../shared/form.view.tsx'
import type { MinutesData } from './minutes.data.ts'
import { motionKindLabels } from './section-forms.view.tsx'

// What is already written down under a §, so the secretary and the chair see what they recorded:
// jäv, motions, votes with their tally, dissents (each with its written reason, which may follow
// until sign-off, KL 4:27) and statements.

const choiceLabels = { yes: 'ja', no: 'nej', abstain: 'avstår' } as const

function authorsText(authors: readonly Author[], data: MinutesData): string {
  return authors
    .map((a) => {
      const name = a.personId !== null ? data.personName(a.personId) : (data.partyName(a.partyId) ?? '')
      const party = a.personId !== null && a.partyId !== null ? ` (${data.partyName(a.partyId) ?? ''})` : ''
      return `${name}${a.andOthers ? ' m.fl.' : ''}${party}`
    })
    .join(', ')
}

export function SectionRecorded(props: {
  entry: SectionRecord
  data: MinutesData
  token: string
  action: (part: string) => string
}) {
  const { entry, data, token, action } = props
  const empty =
    entry.recusals.length +
      entry.motions.length +
      entry.votes.length +
      entry.dissents.length +
      entry.statements.length ===
    0
  return (
    <section aria-labelledby="antecknat">
      <h2 id="antecknat">Antecknat i paragrafen</h2>
      {empty && <p>Inget jäv, inga yrkanden, omröstningar, reservationer eller uttalanden än.</p>}
      {entry.recusals.length > 0 && (
        <>
          <h3>Jäv</h3>
          <ul>
            {entry.recusals.map((r) => (
              <li key={r.personId}>
                {data.personName(r.personId)}
                {r.reason ? `: ${r.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.motions.length > 0 && (
        <>
          <h3>Yrkanden</h3>
          <ol>
            {entry.motions.map((m) => (
              <li key={m.id}>
                {authorsText(m.authors, data)}
                {m.kind ? ` yrkar ${motionKindLabels[m.kind]}` : ''}:
                <StructuredText text={motionText(m.text, m.points)} />
              </li>
            ))}
          </ol>
        </>
      )}
      {entry.votes.map((v) => (
        <div key={v.id}>
          <h3>Omröstning {v.position}</h3>
          <p>
            {v.question}: {v.yes} ja, {v.no} nej, {v.abstain} avstår.
            {v.result ? ` ${v.result}` : ''}
          </p>
          {v.ballots.length > 0 && (
            <ul>
              {v.ballots.map((b) => (
                <li key={b.personId}>
                  {data.personName(b.personId)}: {choiceLabels[b.choice]}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {entry.dissents.length > 0 && (
        <>
          <h3>Reservationer</h3>
          {entry.dissents.map((d) => (
            <form key={d.id} method="post" action={action(`reservation/${d.id}/motivering`)}>
              <CsrfField token={token} />
              <p>Reservation av {authorsText(d.authors, data)}.</p>
              <div class="field">
                <label for={`falt-motivering-${d.id}`}>Skriftlig motivering</label>
                <textarea id={`falt-motivering-${d.id}`} name="text" rows={3}>
                  {d.text ?? ''}
                </textarea>
              </div>
              <button type="submit" class="secondary">
                Spara motiveringen
                <span class="visually-hidden"> till reservationen av {authorsText(d.authors, data)}</span>
              </button>
            </form>
          ))}
        </>
      )}
      {entry.statements.length > 0 && (
        <>
          <h3>Uttalanden</h3>
          <ul>
            {entry.statements.map((s) => (
              <li key={s.id}>
                {s.kind[0]?.toUpperCase()}
                {s.kind.slice(1)} av {authorsText(s.authors, data)}
                {s.text ? ':' : ''}
                {s.text && <StructuredText text={s.text} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
