import type { OparlLinks } from './oparl-links.ts'
import { oparlType } from './oparl-links.ts'
import type { MeetingRow, OparlObject } from './oparl-objects.ts'

// The files Paragraf generates for a meeting, as OParl Files: the agenda as document JSON (the
// Meeting's `invitation`), the signed-off minutes as document JSON and as PDF/A (`resultsProtocol`,
// derived from the JSON: `derivativeFile`/`masterFile`). They are served by the portal at the
// addresses of docs/document-json.md; the File objects point there.

export const generatedFileNames = ['dagordning.json', 'protokoll.json', 'protokoll.pdf'] as const
export type GeneratedFileName = (typeof generatedFileNames)[number]

export const isGeneratedFileName = (name: string): name is GeneratedFileName =>
  (generatedFileNames as readonly string[]).includes(name)

/** What only the bytes tell; measured where the File is read alone (the PDF is generated). */
export interface MeasuredFile {
  size: number
  sha512: string
}

const described: Record<GeneratedFileName, { name: string; mimeType: string; prefix: string; ext: string }> =
  {
    'dagordning.json': {
      name: 'Dagordning (JSON)',
      mimeType: 'application/json',
      prefix: 'dagordning',
      ext: 'json',
    },
    'protokoll.json': {
      name: 'Protokoll (JSON)',
      mimeType: 'application/json',
      prefix: 'protokoll',
      ext: 'json',
    },
    'protokoll.pdf': {
      name: 'Protokoll (PDF/A)',
      mimeType: 'application/pdf',
      prefix: 'protokoll',
      ext: 'pdf',
    },
  }

export function oparlGeneratedFile(
  links: OparlLinks,
  meeting: MeetingRow,
  name: GeneratedFileName,
  measured?: MeasuredFile,
): OparlObject {
  const { mimeType, prefix, ext } = described[name]
  const download = links.portal(`/committees/${meeting.committeeSlug}/${meeting.slug}/${name}`)
  return {
    id: links.meetingFile(meeting.id, name),
    type: oparlType('File'),
    name: `${described[name].name}, ${meeting.committeeName} ${meeting.meetsOn}`,
    fileName: `${prefix}-${meeting.committeeSlug}-${meeting.meetsOn}.${ext}`,
    mimeType,
    date: meeting.meetsOn,
    ...(measured ? { size: measured.size, sha512Checksum: measured.sha512 } : {}),
    accessUrl: download,
    downloadUrl: download,
    ...(name === 'protokoll.json'
      ? { derivativeFile: [links.meetingFile(meeting.id, 'protokoll.pdf')] }
      : {}),
    ...(name === 'protokoll.pdf' ? { masterFile: links.meetingFile(meeting.id, 'protokoll.json') } : {}),
    meeting: [links.meeting(meeting.id)],
    created: new Date(meeting.created).toISOString(),
    modified: new Date(meeting.modified).toISOString(),
    web: download,
  }
}

/** A Meeting's `invitation` and, once a § is signed off (TF 2:10), its `resultsProtocol`. */
export function meetingFiles(links: OparlLinks, meeting: MeetingRow, hasPublicMinutes: boolean) {
  return {
    invitation: oparlGeneratedFile(links, meeting, 'dagordning.json'),
    ...(hasPublicMinutes ? { resultsProtocol: oparlGeneratedFile(links, meeting, 'protokoll.pdf') } : {}),
  }
}
