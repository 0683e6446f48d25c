import type { MotionKind } from '../../../domain/minutes/minutes.ts'
import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import type { LocalSettings } from '../../../domain/organisation/local-settings.ts'
import { TableScroll } from '../../views/table-scroll.tsx'
import { CsrfField } from '../shared/form.view.tsx'
import type { MinutesData } from './minutes.data.ts'

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

interface SectionFormProps {
  action: string
  token: string
  heading: string
  submit: string
  children: preact.ComponentChildren
}

/** A form under the §: its heading, its fields and one button. */
const SectionForm = ({ action, token, heading, submit, children }: SectionFormProps) => (
  <form method="post" action={action}>
    <CsrfField token={token} />
    <h3>{heading}</h3>
    {children}
    <button type="submit" class="secondary">
      {submit}
    </button>
  </form>
)

/** The persons to choose among, by name. */
interface PersonsProps {
  persons: ReadonlyArray<{ personId: number }>
  data: MinutesData
}

/** A choice of one person, posted as `personId`. */
const PersonSelect = ({ id, label, persons, data }: PersonsProps & { id: string; label: string }) => (
  <Field id={id} label={label}>
    <select id={id} name="personId">
      {persons.map(({ personId }) => (
        <option key={personId} value={String(personId)}>
          {data.personName(personId)}
        </option>
      ))}
    </select>
  </Field>
)

/** One checkbox per person, named `<name>-<personId>`, checked as "ja". */
const PersonCheckboxes = ({
  legend,
  name,
  persons,
  data,
}: PersonsProps & { legend: string; name: string }) => (
  <fieldset>
    <legend>{legend}</legend>
    {persons.map(({ personId }) => (
      <label key={personId} class="inline">
        <input type="checkbox" name={`${name}-${personId}`} value="ja" /> {data.personName(personId)}
      </label>
    ))}
  </fieldset>
)

export function RecusalForm({ action, token, entry, data }: FormProps) {
  return (
    <SectionForm action={action('jav')} token={token} heading="Jäv (KL 6:28)" submit="Anteckna jäv">
      <PersonSelect
        id="falt-jav-person"
        label="Ledamot som anmäler jäv"
        persons={entry.services}
        data={data}
      />
      <Field id="falt-jav-skal" label="Skäl">
        <input id="falt-jav-skal" name="reason" />
      </Field>
    </SectionForm>
  )
}

export function MotionForm({ action, token, entry, data }: FormProps) {
  return (
    <SectionForm action={action('yrkande')} token={token} heading="Yrkande" submit="Anteckna yrkandet">
      <PersonCheckboxes
        legend="Förslagsställare"
        name="forslagsstallare"
        persons={entry.services}
        data={data}
      />
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
    </SectionForm>
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
    <SectionForm
      action={action('omrostning')}
      token={token}
      heading="Omröstning"
      submit="Anteckna omröstningen"
    >
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
      <TableScroll label="Röster">
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
      </TableScroll>
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
    </SectionForm>
  )
}

/** Only those who took part and did not vote for the decision may dissent (KL 4:27). */
export function DissentForm({ action, token, entry, data }: FormProps) {
  const votedFor = new Set(
    entry.votes.flatMap((v) => v.ballots.filter((b) => b.choice === v.outcome).map((b) => b.personId)),
  )
  const eligible = entry.services.filter((s) => !votedFor.has(s.personId))
  return (
    <SectionForm
      action={action('reservation')}
      token={token}
      heading="Reservation (KL 4:27)"
      submit="Anteckna reservationen"
    >
      <PersonCheckboxes
        legend="Reservanter: deltog i beslutet och röstade inte för det"
        name="reservant"
        persons={eligible}
        data={data}
      />
      {data.record?.minutes.meetingClosedAt && (
        <label class="inline">
          <input type="checkbox" name="anmaldFore" value="ja" /> Reservationen anmäldes innan sammanträdet
          avslutades (KL 4:27)
        </label>
      )}
      <Field id="falt-reservation-text" label="Skriftlig motivering (kan lämnas till justeringen)">
        <textarea id="falt-reservation-text" name="text" rows={3} />
      </Field>
    </SectionForm>
  )
}

export function StatementForm({ action, token, data, settings }: FormProps & { settings: LocalSettings }) {
  const present = (data.record?.attendance ?? []).filter((a) => a.present && a.role !== 'official')
  return (
    <SectionForm action={action('uttalande')} token={token} heading="Uttalande" submit="Anteckna uttalandet">
      <Field id="falt-uttalande-slag" label="Slag">
        <select id="falt-uttalande-slag" name="kind">
          {settings.statementKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Field>
      <PersonSelect id="falt-uttalande-person" label="Av" persons={present} data={data} />
      <Field id="falt-uttalande-text" label="Text">
        <textarea id="falt-uttalande-text" name="text" rows={3} />
      </Field>
    </SectionForm>
  )
}
