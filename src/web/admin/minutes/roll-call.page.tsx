import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { type Membership, membershipRoleLabels } from '../../../domain/membership/membership.ts'
import { substitutesPassedOver } from '../../../domain/minutes/substitute-suggestion.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate } from '../../views/format.ts'
import { TableScroll } from '../../views/table-scroll.tsx'
import type { NextStep } from '../meetings/next-step.ts'
import { NextStepBox } from '../meetings/next-step.view.tsx'
import { CsrfField, SavedNotice } from '../shared/form.view.tsx'
import type { MinutesData } from './minutes.data.ts'
import { meetingBreadcrumbs, minutesPaths } from './minutes.paths.ts'

export type PresenceChoice = 'present' | 'remote' | 'absent'

/** What the roll-call form shows and keeps: each member's presence, chosen substitutes, times. */
export interface RollCallForm {
  presence: Map<number, PresenceChoice>
  substituteFor: Map<number, number | undefined>
  substitutePresent: Set<number>
  arrived: Map<number, string>
  left: Map<number, string>
  others: string
  error?: string | undefined
  /** What the secretary needs to do before substitutes can be suggested. */
  hint?: string | undefined
}

export function RollCallPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  data: MinutesData
  form: RollCallForm
  distance: boolean
  saved: boolean
  next?: NextStep | undefined
}) {
  const { view, committee, meeting, data, form, distance } = props
  const members = data.memberships.filter((m) => m.role !== 'substitute')
  const substitutes = data.memberships.filter((m) => m.role === 'substitute')
  const action = minutesPaths.rollCall(committee.slug, meeting.slug)
  const label = (m: Membership) => {
    const party = data.partyName(m.partyId)
    return `${data.personName(m.personId)}${party ? ` (${party})` : ''}`
  }
  const title = `Närvaro, ${committee.name} ${formatLongDate(meeting.meetsOn)}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        ...meetingBreadcrumbs(committee, meeting),
        { href: minutesPaths.overview(committee.slug, meeting.slug), label: 'Protokoll' },
        { label: 'Närvaro' },
      ]}
    >
      <h1>{title}</h1>
      <SavedNotice text={props.saved ? 'Närvaron är sparad.' : undefined} />
      {props.saved && <NextStepBox next={props.next} />}
      {form.error && (
        <div class="error-summary" role="alert">
          <h2>Närvaron kunde inte sparas</h2>
          <p>{form.error}</p>
        </div>
      )}
      {form.hint && (
        <div class="warning" role="status">
          <p>{form.hint}</p>
        </div>
      )}
      <OrderWarnings form={form} data={data} />
      <form method="post" action={action}>
        <CsrfField token={view.csrfToken} />
        <fieldset>
          <legend>Ledamöter</legend>
          <TableScroll label="Ledamöter">
            <table>
              <caption>Ledamöter och vem som tjänstgör i deras ställe</caption>
              <thead>
                <tr>
                  <th scope="col">Ledamot</th>
                  <th scope="col">Närvaro</th>
                  <th scope="col">Tjänstgörande ersättare</th>
                  <th scope="col">Kom vid §</th>
                  <th scope="col">Gick efter §</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const presence = form.presence.get(m.personId) ?? 'present'
                  const choices: Array<[PresenceChoice, string]> = [
                    ['present', 'Närvarande'],
                    ...(distance ? [['remote', 'På distans'] as [PresenceChoice, string]] : []),
                    ['absent', 'Frånvarande'],
                  ]
                  return (
                    <tr key={m.id}>
                      <th scope="row">
                        {label(m)} <span class="muted">{membershipRoleLabels[m.role]}</span>
                      </th>
                      <td>
                        {choices.map(([value, text]) => (
                          <label key={value} class="inline">
                            <input
                              type="radio"
                              name={`narvaro-${m.personId}`}
                              value={value}
                              checked={presence === value}
                            />{' '}
                            {text}
                          </label>
                        ))}
                      </td>
                      <td>
                        <label class="visually-hidden" for={`ersattare-${m.personId}`}>
                          Ersättare för {data.personName(m.personId)}
                        </label>
                        <select id={`ersattare-${m.personId}`} name={`ersattare-${m.personId}`}>
                          <option value="">Ingen</option>
                          {substitutes.map((s) => (
                            <option
                              key={s.id}
                              value={String(s.personId)}
                              selected={form.substituteFor.get(m.personId) === s.personId}
                            >
                              {s.substituteOrder ? `${s.substituteOrder}. ` : ''}
                              {label(s)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <SectionCells personId={m.personId} name={data.personName(m.personId)} form={form} />
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableScroll>
        </fieldset>
        <fieldset>
          <legend>Ersättare på plats</legend>
          <TableScroll label="Ersättare">
            <table>
              <caption>Ersättare i den fastställda ordningen</caption>
              <thead>
                <tr>
                  <th scope="col">Ersättare</th>
                  <th scope="col">Närvarande</th>
                  <th scope="col">Kom vid §</th>
                  <th scope="col">Gick efter §</th>
                </tr>
              </thead>
              <tbody>
                {substitutes.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      {s.substituteOrder ? `${s.substituteOrder}. ` : ''}
                      {label(s)}
                    </th>
                    <td>
                      <label class="inline">
                        <input
                          type="checkbox"
                          name={`ersattare-narvarande-${s.personId}`}
                          value="ja"
                          checked={form.substitutePresent.has(s.personId)}
                        />{' '}
                        Närvarande
                      </label>
                    </td>
                    <SectionCells personId={s.personId} name={data.personName(s.personId)} form={form} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </fieldset>
        <div class="field">
          <label for="falt-ovriga">Övriga närvarande (tjänstepersoner m.fl.), en per rad: namn, titel</label>
          <textarea id="falt-ovriga" name="ovriga" rows={4}>
            {form.others}
          </textarea>
        </div>
        <p class="hint">
          Ersättare föreslås bland dem som är på plats, i den fastställda ordningen, med ledamotens eget parti
          först (KL 5:18). Välj frånvarande ledamöter, kryssa i ersättarna på plats och tryck på Föreslå
          ersättare; förslaget kan ändras innan du sparar.
        </p>
        <button type="submit" name="atgard" value="foresla" class="secondary">
          Föreslå ersättare
        </button>{' '}
        <button type="submit" name="atgard" value="spara">
          Spara närvaron
        </button>
      </form>
    </AdminLayout>
  )
}

function SectionCells({ personId, name, form }: { personId: number; name: string; form: RollCallForm }) {
  return (
    <>
      <td>
        <label class="visually-hidden" for={`fran-${personId}`}>
          {name} kom vid paragraf
        </label>
        <input
          id={`fran-${personId}`}
          name={`fran-${personId}`}
          class="short"
          inputMode="numeric"
          value={form.arrived.get(personId) ?? ''}
        />
      </td>
      <td>
        <label class="visually-hidden" for={`till-${personId}`}>
          {name} gick efter paragraf
        </label>
        <input
          id={`till-${personId}`}
          name={`till-${personId}`}
          class="short"
          inputMode="numeric"
          value={form.left.get(personId) ?? ''}
        />
      </td>
    </>
  )
}

/** Substitutes serving out of the established order (B3): a warning to check, the clerk decides. */
function OrderWarnings({ form, data }: { form: RollCallForm; data: MinutesData }) {
  const members = data.memberships.filter((m) => m.role !== 'substitute')
  const servingFor = new Map<number, number>()
  for (const [memberId, substituteId] of form.substituteFor) {
    if (substituteId && form.presence.get(memberId) === 'absent') servingFor.set(memberId, substituteId)
  }
  const serving = new Set(servingFor.values())
  const present = data.memberships.filter(
    (m) => m.role === 'substitute' && (form.substitutePresent.has(m.personId) || serving.has(m.personId)),
  )
  const passedOver = substitutesPassedOver(members, present, servingFor)
  if (passedOver.length === 0) return null
  return (
    <div class="warning" role="status">
      <h2>Kontrollera ersättarnas ordning</h2>
      <ul>
        {passedOver.map((p) => (
          <li key={p.memberId}>
            {data.personName(p.servingId)} tjänstgör för {data.personName(p.memberId)}, men{' '}
            {data.personName(p.passedOverId)} står före i ordningen och är närvarande utan att tjänstgöra.
          </li>
        ))}
      </ul>
      <p>
        Ersättarna tjänstgör i den ordning fullmäktige har bestämt (KL 5:18). Ett avsteg kan vara rätt, till
        exempel när ersättaren avstod; då behöver du inte göra något.
      </p>
    </div>
  )
}
