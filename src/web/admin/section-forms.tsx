import type { MotionKind } from '../../domain/minutes/minutes.ts'
import type { SectionRecord } from '../../domain/minutes/minutes-record.ts'
import type { LocalSettings } from '../../domain/organisation/local-settings.ts'
import { CsrfField } from './form.tsx'
import type { MinutesData } from './minutes-data.ts'

// The forms under one §: jäv, motions, a vote with every serving member's ballot, dissents and
// statements. Each posts to its own address and comes back to the § (post/redirect/get).

export const motionKindLabels: Record<MotionKind, string> = {
  approve: 'bifall',
  reject: 'avslag',
  amend: 'ändring',
  add: 'tillägg',
  refer_back: 'återremiss',
  table: 'bordläggning',
}

interface FormProps {
  action: (part: string) => string
  token: string
  entry: SectionRecord
  data: MinutesData
}

const Field = ({
  id,
  label,
  children,
}: {
  id: string
  label: string
  children: preact.ComponentChildren
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    {children}
  </div>
)

export function RecusalForm({ action, token, entry, data }: FormProps) {
  return (
    <form method="post" action={action('jav')}>
      <CsrfField token={token} />
      <h3>Jäv (KL 6:28)</h3>
      <Field id="falt-jav-person" label="Ledamot som anmäler jäv">
        <select id="falt-jav-person" name="personId">
          {entry.services.map((s) => (
            <option key={s.personId} value={String(s.personId)}>
              {data.personName(s.personId)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="falt-jav-skal" label="Skäl">
        <input id="falt-jav-skal" name="reason" />
      </Field>
      <button type="submit" class="secondary">
        Anteckna jäv
      </button>
    </form>
  )
}

export function MotionForm({ action, token, entry, data }: FormProps) {
  return (
    <form method="post" action={action('yrkande')}>
      <CsrfField token={token} />
      <h3>Yrkande</h3>
      <fieldset>
        <legend>Förslagsställare</legend>
        {entry.services.map((s) => (
          <label key={s.personId} class="inline">
            <input type="checkbox" name={`forslagsstallare-${s.personId}`} value="ja" />{' '}
            {data.personName(s.personId)}
          </label>
        ))}
      </fieldset>
      <Field id="falt-yrkande-parti" label="Eller för en partigrupp">
        <select id="falt-yrkande-parti" name="partyId">
          <option value="">Ingen</option>
          {data.parties.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.abbreviation}
            </option>
          ))}
        </select>
      </Field>
      <Field id="falt-yrkande-slag" label="Slag">
        <select id="falt-yrkande-slag" name="kind">
          {Object.entries(motionKindLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="falt-yrkande-text" label="Yrkandet">
        <textarea id="falt-yrkande-text" name="text" rows={3} />
      </Field>
      <Field id="falt-yrkande-punkter" label="Att-satser, en per rad">
        <textarea id="falt-yrkande-punkter" name="points" rows={3} />
      </Field>
      <button type="submit" class="secondary">
        Anteckna yrkandet
      </button>
    </form>
  )
}

export function VoteForm({
  action,
  token,
  entry,
  data,
  chairPersonId,
}: FormProps & { chairPersonId: number | null }) {
  return (
    <form method="post" action={action('omrostning')}>
      <CsrfField token={token} />
      <h3>Omröstning</h3>
      <Field id="falt-fraga" label="Fråga">
        <input id="falt-fraga" name="question" />
      </Field>
      <Field id="falt-ja" label="Ja-röst för">
        <input id="falt-ja" name="yesMeans" />
      </Field>
      <Field id="falt-nej" label="Nej-röst för">
        <input id="falt-nej" name="noMeans" />
      </Field>
      <Field id="falt-slag" label="Slag av omröstning">
        <select id="falt-slag" name="kind">
          <option value="open">Öppen</option>
          <option value="election">Val (lotten vid lika röstetal)</option>
          <option value="appointment">Anställning (lotten vid lika röstetal)</option>
        </select>
      </Field>
      <table>
        <caption>
          Röster från dem som tjänstgör vid paragrafen
          {chairPersonId
            ? `; ordföranden (${data.personName(chairPersonId)}) har utslagsröst vid lika röstetal`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Ledamot</th>
            <th scope="col">Ja</th>
            <th scope="col">Nej</th>
            <th scope="col">Avstår</th>
          </tr>
        </thead>
        <tbody>
          {entry.services.map((s) => (
            <tr key={s.personId}>
              <th scope="row">
                {data.personName(s.personId)}
                {data.partyName(s.partyId) ? ` (${data.partyName(s.partyId)})` : ''}
              </th>
              {(['yes', 'no', 'abstain'] as const).map((choice) => (
                <td key={choice}>
                  <input
                    type="radio"
                    name={`rost-${s.personId}`}
                    value={choice}
                    aria-label={`${data.personName(s.personId)}: ${{ yes: 'ja', no: 'nej', abstain: 'avstår' }[choice]}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>Sluten omröstning vid val eller anställning (KL 5:54): bara antalet röster</legend>
        <p class="hint">Fyll i antalen i stället för rösterna ovan när omröstningen var sluten.</p>
        {(
          [
            ['yes', 'Ja'],
            ['no', 'Nej'],
            ['abstain', 'Avstår'],
          ] as const
        ).map(([choice, label]) => (
          <Field key={choice} id={`falt-antal-${choice}`} label={label}>
            <input id={`falt-antal-${choice}`} name={`antal-${choice}`} inputmode="numeric" size={4} />
          </Field>
        ))}
      </fieldset>
      <Field id="falt-lott" label="Lottens utfall vid lika röstetal i val eller anställning (KL 5:56)">
        <select id="falt-lott" name="lot">
          <option value="">Ingen lottning</option>
          <option value="yes">Ja</option>
          <option value="no">Nej</option>
        </select>
      </Field>
      <Field id="falt-resultat" label="Resultat i ord">
        <input id="falt-resultat" name="result" />
      </Field>
      <button type="submit" class="secondary">
        Anteckna omröstningen
      </button>
    </form>
  )
}

/** Only those who took part and did not vote for the decision may dissent (KL 4:27). */
export function DissentForm({ action, token, entry, data }: FormProps) {
  const votedFor = new Set(
    entry.votes.flatMap((v) => v.ballots.filter((b) => b.choice === v.outcome).map((b) => b.personId)),
  )
  const eligible = entry.services.filter((s) => !votedFor.has(s.personId))
  return (
    <form method="post" action={action('reservation')}>
      <CsrfField token={token} />
      <h3>Reservation (KL 4:27)</h3>
      <fieldset>
        <legend>Reservanter: deltog i beslutet och röstade inte för det</legend>
        {eligible.map((s) => (
          <label key={s.personId} class="inline">
            <input type="checkbox" name={`reservant-${s.personId}`} value="ja" />{' '}
            {data.personName(s.personId)}
          </label>
        ))}
      </fieldset>
      {data.record?.minutes.meetingClosedAt && (
        <label class="inline">
          <input type="checkbox" name="anmaldFore" value="ja" /> Reservationen anmäldes innan sammanträdet
          avslutades (KL 4:27)
        </label>
      )}
      <Field id="falt-reservation-text" label="Skriftlig motivering (kan lämnas till justeringen)">
        <textarea id="falt-reservation-text" name="text" rows={3} />
      </Field>
      <button type="submit" class="secondary">
        Anteckna reservationen
      </button>
    </form>
  )
}

export function StatementForm({ action, token, data, settings }: FormProps & { settings: LocalSettings }) {
  const present = (data.record?.attendance ?? []).filter((a) => a.present && a.role !== 'official')
  return (
    <form method="post" action={action('uttalande')}>
      <CsrfField token={token} />
      <h3>Uttalande</h3>
      <Field id="falt-uttalande-slag" label="Slag">
        <select id="falt-uttalande-slag" name="kind">
          {settings.statementKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Field>
      <Field id="falt-uttalande-person" label="Av">
        <select id="falt-uttalande-person" name="personId">
          {present.map((a) => (
            <option key={a.personId} value={String(a.personId)}>
              {data.personName(a.personId)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="falt-uttalande-text" label="Text">
        <textarea id="falt-uttalande-text" name="text" rows={3} />
      </Field>
      <button type="submit" class="secondary">
        Anteckna uttalandet
      </button>
    </form>
  )
}
