import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { MinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import { finalityOf } from '../../../domain/notice-board/finality.ts'
import { paths } from '../../paths.ts'
import { formatLongDate } from '../../views/format.ts'
import { minutesPaths } from '../minutes/minutes.paths.ts'

// The cycle of a meeting as a secretary works through it: each page of the workspace says where the
// meeting is in it and links to what comes next, so no step needs an address typed in.

export type CycleStep =
  | 'prepare'
  | 'notice'
  | 'roll_call'
  | 'sections'
  | 'close'
  | 'signatories'
  | 'sign_off'
  | 'signing'
  | 'appeals'
  | 'final'

export const cycleStepLabels: Record<CycleStep, string> = {
  prepare: 'Förbered',
  notice: 'Kallelse',
  roll_call: 'Närvaro',
  sections: 'Paragrafer',
  close: 'Avsluta',
  signatories: 'Justerare',
  sign_off: 'Till justering',
  signing: 'Justering',
  appeals: 'Anslag och överklagande',
  final: 'Laga kraft',
}

export interface NextStep {
  step: CycleStep
  /** What to do now, as a sentence. */
  text: string
  link?: { href: string; label: string } | undefined
}

/**
 * Where a meeting stands in its cycle and what the secretary does next. `agendaItems` is how many
 * items the agenda has (for the step from preparing to the notice); `today` decides whether the
 * appeal period has run out (KL 13:5).
 */
export function nextStepOf(
  committeeSlug: string,
  meeting: Meeting,
  record: MinutesRecord | undefined,
  today: string,
  agendaItems?: number,
): NextStep | undefined {
  const c = committeeSlug
  const m = meeting.slug
  const overview = minutesPaths.overview(c, m)
  if (meeting.status === 'cancelled') return undefined
  if (!record) {
    if (meeting.status === 'planned') {
      if (agendaItems === 0)
        return {
          step: 'prepare',
          text: 'Lägg in ärendena på dagordningen med beslutsförslag och handlingar.',
          link: { href: paths.admin.agenda(c, m), label: 'Dagordning och handlingar' },
        }
      return {
        step: 'notice',
        text: 'När dagordningen är klar publiceras kallelsen och sätts upp på anslagstavlan (KL 8:10).',
        link: { href: paths.admin.notice(c, m), label: 'Publicera kallelsen' },
      }
    }
    return {
      step: 'roll_call',
      text: 'Vid sammanträdet: ta upp närvaron. Protokollet öppnas när närvaron sparas.',
      link: { href: minutesPaths.rollCall(c, m), label: 'Närvaro och tjänstgöring' },
    }
  }
  const { sections, signOffs, signatoryIds, minutes } = record
  if (sections.length === 0)
    return {
      step: 'sections',
      text: 'Lägg till en paragraf för varje ärende på dagordningen.',
      link: { href: `${overview}#paragrafer`, label: 'Ny paragraf' },
    }
  if (!minutes.meetingClosedAt)
    return {
      step: 'close',
      text: 'När alla ärenden är behandlade: ange när ordföranden förklarade sammanträdet avslutat (KL 4:27).',
      link: { href: `${overview}#avslutat`, label: 'Sammanträdets avslutande' },
    }
  if (signatoryIds.length === 0)
    return {
      step: 'signatories',
      text: 'Utse justerarna och dag och plats för justeringen (KL 5:69).',
      link: { href: `${overview}#justering`, label: 'Utse justerare' },
    }
  const taken = new Set(signOffs.flatMap((s) => s.sectionIds))
  if (sections.some((s) => !taken.has(s.section.id)))
    return {
      step: 'sign_off',
      text: 'Lägg paragraferna till justering. Justerarna får ett mejl om att protokollet är klart för dem.',
      link: { href: `${overview}#justering`, label: 'Justering' },
    }
  const pending = signOffs.find((s) => s.status !== 'signed_off')
  if (pending)
    return {
      step: 'signing',
      text: `Justerarna läser protokollet och justerar: ${pending.signatures.length} av ${signatoryIds.length} har justerat. Anslaget sätts upp när den sista har justerat (KL 8:12).`,
      link: { href: minutesPaths.sign(pending.id), label: 'Justeringen' },
    }
  const finality = sections.map((s) =>
    finalityOf(
      {
        lastAppealDay:
          record.notices.find((n) => n.kind === 'minutes' && n.signOffId === s.signOff?.id)?.lastAppealDay ??
          null,
        appealsReceivedOn: s.appealDays,
      },
      today,
    ),
  )
  const open = finality.flatMap((f) => (f.state === 'appealable' ? [f.lastAppealDay] : [])).sort()
  if (open.length > 0)
    return {
      step: 'appeals',
      text: `Protokollet är justerat och anslaget. Det kan överklagas till och med ${formatLongDate(open.at(-1)!)} (KL 13:5); registrera överklaganden som kommer in på paragrafens sida.`,
      link: {
        href: minutesPaths.sectionPart(c, m, sections[0]!.section.number, 'efter-justering'),
        label: `Rättelse och överklagande av ${sections[0]!.section.label}`,
      },
    }
  const appealed = finality.filter((f) => f.state === 'appealed').length
  return {
    step: 'final',
    text:
      appealed > 0
        ? `Överklagandetiden har gått ut. ${appealed} ${appealed === 1 ? 'paragraf är överklagad' : 'paragrafer är överklagade'}; övriga beslut har vunnit laga kraft.`
        : 'Överklagandetiden har gått ut utan överklaganden: besluten har vunnit laga kraft.',
    link: { href: paths.meeting(c, m), label: 'Sammanträdets publika sida' },
  }
}
