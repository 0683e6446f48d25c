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

/** Where the feed is published and by whom: links under the site's address, ids under a tag authority. */
export interface FeedSite {
  /** PUBLIC_URL: every link in the feed is absolute under it. */
  baseUrl: string
  /** Identifies ids, not links (see {@link tagId}). */
  idAuthority: string
  /** The organisation (kommun, region) that publishes: the feed's author, which RFC 4287 4.1.1 requires. */
  author: string
}

/**
 * An Atom 1.0 feed (RFC 4287) of public entries, newest first, in Swedish (xml:lang). Titles and
 * summaries are plain text (type="text", escaped): whatever a clerk wrote, a feed reader shows it as
 * text and never runs it as markup. Ids are tag: URIs that do not change with the site's address,
 * so a move to a new address does not make readers show every entry again.
 */
export function renderAtom(
  site: FeedSite,
  options: {
    title: string
    description: string
    pagePath: string
    feedPath: string
    entries: readonly AtomEntry[]
  },
): string {
  const entries = [...options.entries].sort((a, b) => b.date.getTime() - a.date.getTime())
  const link = (path: string) => xmlText(site.baseUrl + path)
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${xmlText(tagId(site.idAuthority, options.feedPath))}</id>`,
    `  <title type="text">${xmlText(`${options.title} – Paragraf`)}</title>`,
    `  <subtitle type="text">${xmlText(options.description)}</subtitle>`,
    `  <updated>${(entries[0]?.date ?? new Date(0)).toISOString()}</updated>`,
    `  <author><name>${xmlText(site.author)}</name><uri>${link('/')}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${link(options.feedPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${link(options.pagePath)}"/>`,
    '  <generator>Paragraf</generator>',
    '  <rights type="text">Allmänna handlingar</rights>',
  ]
  for (const entry of entries) {
    // One fragment only: an entry's id is its page (without the anchor) and its own key.
    const id = tagId(site.idAuthority, `${entry.path.split('#')[0]}#${entry.key}`)
    lines.push(
      '  <entry>',
      `    <id>${xmlText(id)}</id>`,
      `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${link(entry.path)}"/>`,
      `    <updated>${entry.date.toISOString()}</updated>`,
      `    <summary type="text">${xmlText(entry.summary)}</summary>`,
      '  </entry>',
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}

/**
 * A tag: URI (RFC 4151): `tag:` + the authority (a domain or e-mail address the publisher held on
 * a date, "stockholm.se,2026") + ":" + a path on the site. The path keeps only what the URI grammar
 * allows (pchar, "/", "?", one "#"); anything else is percent-encoded.
 */
export function tagId(authority: string, specific: string): string {
  const [path = '', fragment] = specific.split('#', 2)
  const clean = (part: string) =>
    part.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu, (c) => encodeURIComponent(c))
  return `tag:${authority}:${clean(path)}${fragment === undefined ? '' : `#${clean(fragment)}`}`
}

/**
 * Text for XML content or an attribute: escaped, and without the characters XML 1.0 forbids
 * (controls other than tab and newline, lone surrogates, U+FFFE/FFFF), which would make the whole
 * feed unreadable for every subscriber.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
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
