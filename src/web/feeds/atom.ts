import { Feed } from 'feed'
import type { Matter } from '../../domain/matter/matter.ts'
import { noticeKindLabels } from '../../domain/notice-board/notice.ts'
import { sectionRange } from '../../domain/notice-board/notice-board.service.ts'
import type { AgendaFeedEntry, MinutesFeedEntry } from '../../domain/publication/feed-entries.ts'
import type { MatterStep } from '../../domain/publication/matter-record.ts'
import type { BoardNotice } from '../../domain/publication/notice-board-record.ts'
import { paths } from '../paths.ts'
import { formatDate, formatLongDate } from '../views/format.ts'

/** One entry of an Atom feed: an address on this site, a title, a day or instant and a plain-text summary. */
export interface AtomEntry {
  path: string
  /** Distinguishes entries that share a page (two sign-offs of one protocol). */
  key: string
  title: string
  date: Date
  summary: string
}

/**
 * An Atom 1.0 feed of public entries, newest first. Summaries are plain text built from what the
 * portal itself shows, so nothing confidential can get in that the pages do not already filter out.
 */
export function renderAtom(options: {
  baseUrl: string
  title: string
  description: string
  pagePath: string
  feedPath: string
  entries: readonly AtomEntry[]
}): string {
  const { baseUrl } = options
  const entries = [...options.entries].sort((a, b) => b.date.getTime() - a.date.getTime())
  const feed = new Feed({
    id: baseUrl + options.feedPath,
    title: `${options.title} – Paragraf`,
    description: options.description,
    link: baseUrl + options.pagePath,
    language: 'sv',
    updated: entries[0]?.date ?? new Date(0),
    generator: 'Paragraf',
    copyright: 'Allmänna handlingar',
    feedLinks: { atom: baseUrl + options.feedPath },
  })
  for (const entry of entries) {
    feed.addItem({
      // One fragment only: an entry's id is its page (without the anchor) and its own key.
      id: `${baseUrl}${entry.path.split('#')[0]}#${entry.key}`,
      title: entry.title,
      link: baseUrl + entry.path,
      date: entry.date,
      description: entry.summary,
    })
  }
  return feed.atom1()
}

/** A calendar date as the instant it begins in UTC: feeds order by it and readers show the day. */
const day = (date: string) => new Date(`${date}T00:00:00.000Z`)

export function agendaEntries(list: readonly AgendaFeedEntry[]): AtomEntry[] {
  return list.map((m) => ({
    path: paths.meeting(m.committeeSlug, m.meetingSlug),
    key: `kallelse-${m.meetingId}`,
    title: `Kallelse: ${m.committeeName} ${formatLongDate(m.meetsOn)}${m.status === 'cancelled' ? ' (inställt)' : ''}`,
    date: new Date(m.updatedAt),
    summary: [
      `${m.committeeName} sammanträder ${formatLongDate(m.meetsOn)}${m.startTime ? ` kl. ${m.startTime}` : ''}${m.location ? `, ${m.location}` : ''}.`,
      ...m.items.map((i) => `${i.number}. ${i.title}`),
    ].join('\n'),
  }))
}

export function minutesEntries(list: readonly MinutesFeedEntry[]): AtomEntry[] {
  return list
    .filter((m) => m.sections.length > 0)
    .map((m) => ({
      path: paths.minutes(m.committeeSlug, m.meetingSlug),
      key: `justering-${m.signOffId}`,
      title: `Protokoll: ${m.committeeName} ${formatLongDate(m.meetsOn)}, ${sectionRange(m.sections.map((s) => s.number))}`,
      date: day(m.signedOffOn),
      summary: [
        `Justerat ${formatDate(m.signedOffOn)}${m.immediate ? ' (omedelbar justering)' : ''}.`,
        ...m.sections.map((s) => `${s.label} ${s.title}`),
      ].join('\n'),
    }))
}

export function noticeEntries(list: readonly BoardNotice[]): AtomEntry[] {
  return list.map(({ notice, target }) => ({
    path: paths.noticeBoard(),
    key: `anslag-${notice.id}`,
    title: `${noticeKindLabels[notice.kind]}: ${notice.title}`,
    date: day(notice.postedOn),
    summary: [
      `Anslaget ${formatDate(notice.postedOn)}, tas ned ${formatDate(notice.removedOn)}.`,
      notice.lastAppealDay ? `Sista dag att överklaga: ${formatDate(notice.lastAppealDay)}.` : undefined,
      notice.keptAt ? `Protokollet förvaras hos ${notice.keptAt}.` : undefined,
      target && notice.kind === 'minutes'
        ? `Protokollet: ${paths.minutes(target.committeeSlug, target.meetingSlug)}`
        : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
  }))
}

export function matterEntries(matter: Matter, steps: readonly MatterStep[]): AtomEntry[] {
  return steps.flatMap((step) => [
    {
      path: paths.meeting(step.committeeSlug, step.meetingSlug),
      key: `punkt-${step.agendaItemId}`,
      title: `${step.committeeName} ${formatLongDate(step.meetsOn)}: ${step.title ?? matter.registryNumber}`,
      date: day(step.meetsOn),
      summary: `Ärendet ${matter.registryNumber} på dagordningen, punkt ${step.number ?? '–'}.`,
    },
    ...step.decisions
      .filter((d) => d.signedOffOn)
      .map((d) => ({
        path: paths.section(step.committeeSlug, step.meetingSlug, d.number),
        key: `paragraf-${step.agendaItemId}-${d.number}`,
        title: `Beslut: ${step.committeeName} ${d.label} ${d.title}`,
        date: day(d.signedOffOn as string),
        summary: d.decision.join('\n') || d.title,
      })),
  ])
}
