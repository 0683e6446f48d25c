import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { strToU8, Zip, ZipDeflate } from 'fflate'
import type { Queryable } from '../../db/database.ts'
import { listCommittees } from '../committee/committee.service.ts'
import { agendaIsPublic } from '../disclosure/disclosure.ts'
import { listOrganisations } from '../organisation/organisation.reads.ts'
import {
  listExportMeetingRows,
  listExportModifiedTimes,
  readPublishedDataFingerprint,
} from './bulk-export.repository.ts'
import { bulkExportReadme } from './bulk-export-readme.ts'
import {
  agendaDocumentJson,
  type DocumentJsonContext,
  minutesDocumentJson,
  type PublishedDocumentJson,
} from './meeting-document-json.ts'
import { type PublicMeeting, readPublicMeeting } from './public-meeting.ts'
import { readVoteTableCsv, type SectionUrl } from './vote-table.ts'

// Everything the portal publishes about meetings, in one ZIP: the same document JSON the meeting
// and minutes pages serve (docs/document-json.md, "Published meetings as JSON"), read one meeting
// at a time and streamed out, so the archive of a whole city never sits in memory.

/**
 * A fingerprint of everything the export is built from, read in one cheap query: while it is
 * unchanged, an export built earlier (on the same day, for the same address) is still current.
 */
export const readBulkExportFingerprint = (db: Queryable) => readPublishedDataFingerprint(db)

export type ExportedKind = 'agenda' | 'minutes'

/** Where the documents' links point: the caller knows the portal's address and its paths. */
export interface BulkExportLinks {
  /** The serializer's context for one document of a meeting, as the portal's JSON route builds it. */
  contextOf(view: PublicMeeting, kind: ExportedKind, organisation: string | undefined): DocumentJsonContext
  /** The address of a § in the minutes, for the vote table's links. */
  sectionUrl: SectionUrl
}

export interface BulkExportSummary {
  meetings: number
  agendas: number
  minutes: number
}

/** The index.json of the archive: public JSON, camelCase, built here only. */
interface ExportIndex {
  format: 'paragraf-bulk-export'
  version: 1
  created: string
  documentation: string
  organisations: { name: string; slug: string }[]
  committees: { name: string; slug: string; kind: string; organisation: string; parent?: string }[]
  meetings: {
    committee: string
    meeting: string
    date: string
    files: { path: string; kind: ExportedKind; url: string; modified: string }[]
  }[]
}

/** The archive's path of one document: `<committee-slug>/<meeting-slug>/dagordning.json`. */
export const exportPath = (committeeSlug: string, meetingSlug: string, kind: ExportedKind) =>
  `${committeeSlug}/${meetingSlug}/${kind === 'agenda' ? 'dagordning' : 'protokoll'}.json`

/**
 * Writes the bulk export of all published meetings to `out` as a ZIP and ends it: one document
 * JSON per public agenda and per signed-off minutes, index.json and README.txt. Only what the
 * portal shows goes in (readPublicMeeting applies every publication rule). `createdAt` stamps the
 * entries, so the same data and moment give the same bytes.
 */
export async function writeBulkExport(
  db: Queryable,
  links: BulkExportLinks,
  out: Writable,
  createdAt: Date,
): Promise<BulkExportSummary> {
  const [organisations, committees, rows, modified] = await Promise.all([
    listOrganisations(db),
    listCommittees(db),
    listExportMeetingRows(db),
    listExportModifiedTimes(db),
  ])
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]))
  const organisationSlug = new Map(organisations.map((o) => [o.id, o.slug]))
  const committeeSlug = new Map(committees.map((c) => [c.id, c.slug]))

  let failure: Error | undefined
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error
    else out.write(chunk)
    if (final) out.end()
  })
  out.on('error', (error: Error) => {
    failure ??= error
  })
  // fflate deflates synchronously into `out`; waiting for `drain` after each file keeps at most
  // one document's bytes buffered, whatever the archive's size.
  const addFile = async (path: string, content: string, mtime: Date) => {
    const file = new ZipDeflate(path, { level: 6 })
    file.mtime = mtime
    zip.add(file)
    file.push(strToU8(content), true)
    if (failure) throw failure
    if (out.writableNeedDrain) await once(out, 'drain')
  }

  const summary: BulkExportSummary = { meetings: 0, agendas: 0, minutes: 0 }
  try {
    await addFile(
      'README.txt',
      bulkExportReadme(
        organisations.map((o) => o.name),
        createdAt.toISOString().slice(0, 10),
      ),
      createdAt,
    )
    const index: ExportIndex = {
      format: 'paragraf-bulk-export',
      version: 1,
      created: createdAt.toISOString(),
      documentation: 'docs/document-json.md',
      organisations: organisations.map((o) => ({ name: o.name, slug: o.slug })),
      committees: committees.map((c) => ({
        name: c.name,
        slug: c.slug,
        kind: c.kind,
        organisation: organisationSlug.get(c.organisationId) ?? '',
        ...(c.parentId !== null ? { parent: committeeSlug.get(c.parentId) } : {}),
      })),
      meetings: [],
    }
    for (const row of rows) {
      const view = await readPublicMeeting(db, row.committeeSlug, row.slug)
      if (!view) continue
      const organisation = organisationName.get(view.committee.organisationId)
      const documents: [ExportedKind, PublishedDocumentJson | undefined][] = [
        // The agenda is public once the notice is out, as on the meeting page.
        [
          'agenda',
          agendaIsPublic(view.meeting)
            ? agendaDocumentJson(view, links.contextOf(view, 'agenda', organisation))
            : undefined,
        ],
        ['minutes', minutesDocumentJson(view, links.contextOf(view, 'minutes', organisation))],
      ]
      const files: ExportIndex['meetings'][number]['files'] = []
      for (const [kind, document] of documents) {
        if (!document) continue
        const path = exportPath(row.committeeSlug, row.slug, kind)
        const changed = (kind === 'agenda' ? modified.agenda : modified.minutes).get(row.id) ?? index.created
        await addFile(path, JSON.stringify(document, null, 2), new Date(changed))
        files.push({ path, kind, url: document.source.url, modified: changed })
        summary[kind === 'agenda' ? 'agendas' : 'minutes'] += 1
      }
      if (files.length === 0) continue
      summary.meetings += 1
      index.meetings.push({ committee: row.committeeSlug, meeting: row.slug, date: row.meetsOn, files })
    }
    await addFile('index.json', JSON.stringify(index, null, 2), createdAt)
    // Every vote and ballot of public §§ as one table (docs/document-json.md, "Omröstningar som tabell").
    await addFile('omrostningar.csv', await readVoteTableCsv(db, {}, links.sectionUrl), createdAt)
    zip.end()
    if (failure) throw failure
    await finished(out)
  } catch (error) {
    // A failed export leaves no half-written stream open behind it.
    out.destroy()
    throw error
  }
  return summary
}
