import type { Db } from '../db/database.ts'
import {
  checkDocumentFiles,
  orphanGraceMs,
  sweepOrphanedFiles,
} from '../domain/document/document-files.service.ts'
import { sealUnsealed, verifySeals } from '../domain/sign-off/record-seal.service.ts'
import type { DocumentStore } from '../storage/document-store.ts'

export interface VerifyOptions {
  sealUnsealed?: boolean
  /** The document store: its files are compared with the document rows. */
  store?: DocumentStore
  /** Remove the files no document names that are older than the grace period. */
  removeOrphans?: boolean
  /** The grace period in minutes (default 60): a younger file may be an upload still in flight. */
  graceMinutes?: number
}

/**
 * `paragraf verify`: recomputes the seal of every sign-off and rectification from the database as it
 * is now and reports, in Swedish, every signed-off record that changed since; with a store, also
 * every document whose file is gone (exit 1 when either is found) and the files no document names
 * (left by an upload cut short; harmless, reported without failing). `--seal-unsealed` first seals
 * what has no seal yet (minutes signed off before migration 0016); `--remove-orphans` removes the
 * files no document names that are older than the grace period.
 */
export async function verifyCommand(
  db: Db,
  options: VerifyOptions = {},
  out: (line: string) => void = console.log,
): Promise<number> {
  if (options.sealUnsealed) {
    const sealed = await sealUnsealed(db)
    out(
      sealed === 0
        ? 'Alla justeringar och rättelser var redan förseglade.'
        : `Förseglade ${sealed} justeringar och rättelser som saknade försegling, så som de ser ut nu: en senare ändring syns, men inget visas om tiden före.`,
    )
  }
  const { checked, findings } = await verifySeals(db)
  let status = 0
  if (findings.length === 0) {
    out(`Alla ${checked} förseglingar stämmer: inget justerat protokoll har ändrats efter justeringen.`)
  } else {
    for (const f of findings) out(`${f.committee}, sammanträdet ${f.meetsOn}: ${f.problem}`)
    out(
      `${findings.length} ${findings.length === 1 ? 'avvikelse' : 'avvikelser'} bland ${checked} förseglingar. Ett justerat protokoll ändras bara genom en rättelse: jämför med säkerhetskopian och granskningsloggen.`,
    )
    status = 1
  }
  if (options.store) {
    if ((await verifyDocumentFiles(db, options.store, options, out)) !== 0) status = 1
  }
  return status
}

async function verifyDocumentFiles(
  db: Db,
  store: DocumentStore,
  options: VerifyOptions,
  out: (line: string) => void,
): Promise<number> {
  const graceMs = options.graceMinutes === undefined ? orphanGraceMs : options.graceMinutes * 60_000
  if (options.removeOrphans) {
    const swept = await sweepOrphanedFiles(db, store, { olderThan: new Date(Date.now() - graceMs) })
    out(
      `Tog bort ${swept.removed.length} ${swept.removed.length === 1 ? 'fil' : 'filer'} som inget dokument använder` +
        (swept.unfinished > 0 ? ` och ${swept.unfinished} avbrutna skrivningar` : '') +
        (swept.kept > 0
          ? `; ${swept.kept} yngre än ${minutes(graceMs)} lämnades (en uppladdning kan pågå)`
          : '') +
        '.',
    )
  }
  const report = await checkDocumentFiles(db, store)
  for (const m of report.missing)
    out(
      `Filen till ${m.documentIds.length === 1 ? 'dokumentet' : 'dokumenten'} ${m.documentIds.join(', ')} saknas i dokumentarkivet (${m.storageKey.slice(0, 16)}…): läs tillbaka den från säkerhetskopian.`,
    )
  if (report.orphans.length > 0)
    out(
      `${report.orphans.length} ${report.orphans.length === 1 ? 'fil' : 'filer'} i dokumentarkivet används inte av något dokument (en uppladdning som avbröts, ofarligt); paragraf verify --remove-orphans tar bort dem som är äldre än ${minutes(graceMs)}.`,
    )
  if (report.missing.length === 0) {
    out(`Alla dokuments filer finns i dokumentarkivet (${report.stored} filer).`)
    return 0
  }
  out(
    `${report.missing.length} ${report.missing.length === 1 ? 'fil saknas' : 'filer saknas'} i dokumentarkivet.`,
  )
  return 1
}

const minutes = (ms: number) => (ms === 60 * 60_000 ? 'en timme' : `${Math.round(ms / 60_000)} minuter`)
