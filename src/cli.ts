import { readFileSync } from 'node:fs'
import { type FileHandle, open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError } from './cli/backup-archive.ts'
import { lazily } from './cli/lazily.ts'
import { type Config, ConfigError, loadConfig } from './config.ts'
import type { Db } from './db/database.ts'
import { type DatabaseFault, databaseFaultOf } from './db/database-faults.ts'
import type { DocumentJson } from './domain/publication/document-json.ts'
import { systemActor } from './domain/shared/actor.ts'
import { DomainError } from './domain/shared/errors.ts'
import { refusalSentence } from './domain/shared/refusal-sentences.ts'
import type { ImportOutcome, ImportTarget } from './import/import-document.ts'
import { todayInSweden } from './web/views/format.ts'

// Each command's modules load when it runs (lazily.ts), so `paragraf --help` starts at once.
const mainModule = () => import('./main.ts')
const openMigrated = lazily(mainModule, 'openMigrated')
const serve = lazily(mainModule, 'serve')
const isDatabaseEmpty = lazily(() => import('./demo/load-demo.ts'), 'isDatabaseEmpty')
const loadDemoData = lazily(() => import('./demo/load-demo.ts'), 'loadDemoData')
const writeBulkExport = lazily(() => import('./domain/publication/bulk-export.ts'), 'writeBulkExport')
const reindexAllMeetings = lazily(() => import('./domain/search/search.service.ts'), 'reindexAllMeetings')
const compactSearchIndex = lazily(() => import('./domain/search/search-compaction.ts'), 'compactSearchIndex')
const rebuildPublicRecord = lazily(
  () => import('./domain/public-record/public-record-rebuild.ts'),
  'rebuildPublicRecord',
)
const queueSubscriptionMail = lazily(
  () => import('./domain/subscription/subscription-mail.service.ts'),
  'queueSubscriptionMail',
)
const parseDocument = lazily(() => import('./import/parse-document.ts'), 'parseDocument')
const deliverAll = lazily(() => import('./mail/mail-delivery.ts'), 'deliverAll')
const queueDueSignOffReminders = lazily(() => import('./mail/mail-delivery.ts'), 'queueDueSignOffReminders')
const addUserCommand = lazily(() => import('./cli/user-command.ts'), 'addUserCommand')
const backupCommand = lazily(() => import('./cli/backup-command.ts'), 'backupCommand')
const restoreCommand = lazily(() => import('./cli/restore-command.ts'), 'restoreCommand')

// The `paragraf` command. A user's mistake is one line on standard error and a non-zero exit,
// never a stack trace.

const usage = `Användning: paragraf <kommando> [flaggor]

Kommandon:
  serve      starta webbservern (--port, --host, --database-url, --data-dir, --demo)
  migrate    uppdatera databasens schema
  demo       läs in demodata i en tom databas
  generate   skapa ett påhittat arkiv i en tom databas, för prestandamätning och test
             (--organisations N (1), --years ÅR (10), --seed TEXT (paragraf))
  reindex    bygg om sökindexet från publicerade uppgifter
  change-log  fyll i eller laga den offentliga ändringsloggen (ändringsflödet, OParl:s
             modified och borttagna objekt) från det som är publicerat; skriver bara det som saknas
  parse FIL  skriv ut en publicerad dagordning eller ett protokoll som JSON
  export FIL.zip  skriv allt som portalen publicerar till en ZIP-fil (öppna data)
  backup FIL  spara databasen och dokumentens filer i en fil (medan servern är igång)
  restore FIL  läs tillbaka en säkerhetskopia till en tom databas
  verify     kontrollera att inget justerat protokoll har ändrats efter justeringen
             (varje justering och rättelse har en kedjad kontrollsumma, SHA-256);
             --seal-unsealed förseglar först det som justerades före kontrollsummorna;
             jämför också dokumentarkivet med dokumenten: en fil som saknas är ett fel,
             en fil som inget dokument använder (en avbruten uppladdning) tas bort med
             --remove-orphans när den är äldre än en timme (--grace-minutes N)
  import FIL…  läs in publicerade dagordningar och protokoll i databasen
             (--organisation NAMN, --committee SLUG, --meeting-date ÅÅÅÅ-MM-DD)
  mail send  lägg påminnelser om justering och bevakningar i utkorgen och skicka e-post som väntar där
             (kräver SMTP_URL och MAIL_FROM)
  user add EPOST --role ROLL [--committee SLUG] [--organisation NAMN] [--name NAMN]
             skapa ett konto (administrator, secretary, registrar); lösenordet läses
             från standard in, annars skapas ett och visas en gång
  help       visa den här hjälpen

Miljövariabler: PORT (3000), HOST (localhost), DATABASE_URL (SQLite i DATA_DIR),
DATA_DIR (./data), LOG_LEVEL (info). Flaggor går före miljövariabler.`

class UsageError extends Error {}

const flagOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  organisation: { type: 'string' },
  committee: { type: 'string' },
  'meeting-date': { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  organisations: { type: 'string' },
  years: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'seal-unsealed': { type: 'boolean' },
  'remove-orphans': { type: 'boolean' },
  'grace-minutes': { type: 'string' },
} as const

/** node:util's parseArgs refuses in English; the same problem in one Swedish line. */
function flagProblem(error: Error & { code?: string }): string {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1] ?? ''
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `okänd flagga ${flag} (se paragraf help)`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /argument missing/.test(error.message) ? `${flag} tar ett värde` : `${flag} tar inget värde`
  return error.message
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof flagOptions; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: argv, options: flagOptions, allowPositionals: true })
  } catch (error) {
    throw new UsageError(flagProblem(error as Error & { code?: string }))
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    console.log(pkg.version)
    return 0
  }
  if (values.help || !command || command === 'help') {
    console.log(usage)
    return command || values.help ? 0 : 2
  }
  const config = () =>
    loadConfig(process.env, {
      PORT: values.port,
      HOST: values.host,
      DATABASE_URL: values['database-url'],
      DATA_DIR: values['data-dir'],
    })
  switch (command) {
    case 'serve': {
      noArguments(command, rest)
      const settings = config()
      const stop = await serve(settings, { demo: values.demo ?? false })
      const where = settings.database.dialect === 'sqlite' ? settings.database.file : 'PostgreSQL'
      console.log(`Paragraf är igång på http://${settings.host}:${settings.port} (databas: ${where})`)
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          stop().then(() => process.exit(0))
        })
      }
      return -1
    }
    case 'migrate': {
      noArguments(command, rest)
      const db = await openMigrated(config())
      await db.destroy()
      console.log('Databasen är uppdaterad.')
      return 0
    }
    case 'demo': {
      noArguments(command, rest)
      const db = await openMigrated(config())
      try {
        if (!(await isDatabaseEmpty(db))) {
          console.error('paragraf: databasen innehåller redan data; demodata läses bara in i en tom databas')
          return 1
        }
        const summary = await loadDemoData(db)
        console.log(`Demodata inläst: ${summary}`)
        return 0
      } finally {
        await db.destroy()
      }
    }
    case 'generate': {
      noArguments(command, rest)
      const { GenerateCommandError, generateCommand, readGenerateFlags } = await import(
        './cli/generate-command.ts'
      )
      try {
        const settings = readGenerateFlags(values)
        const db = await openMigrated(config())
        try {
          return await generateCommand(db, settings)
        } finally {
          await db.destroy()
        }
      } catch (error) {
        if (!(error instanceof GenerateCommandError)) throw error
        throw new UsageError(error.message)
      }
    }
    case 'import': {
      if (rest.length === 0) throw new UsageError('import tar en eller flera filer: paragraf import FIL…')
      const db = await openMigrated(config())
      try {
        return await importFiles(db, rest, {
          ...(values.organisation ? { organisation: values.organisation } : {}),
          ...(values.committee ? { committeeSlug: values.committee } : {}),
          ...(values['meeting-date'] ? { meetingDate: values['meeting-date'] } : {}),
        })
      } finally {
        await db.destroy()
      }
    }
    case 'verify': {
      noArguments(command, rest)
      const { verifyCommand } = await import('./cli/verify-command.ts')
      const settings = config()
      const graceMinutes = values['grace-minutes'] === undefined ? undefined : Number(values['grace-minutes'])
      if (graceMinutes !== undefined && !(Number.isInteger(graceMinutes) && graceMinutes >= 0))
        throw new UsageError('--grace-minutes tar ett antal minuter, 0 eller fler')
      const { openDocumentStore } = await import('./storage/open-document-store.ts')
      const db = await openMigrated(settings)
      try {
        return await verifyCommand(db, {
          sealUnsealed: values['seal-unsealed'] === true,
          store: openDocumentStore(settings.storage),
          removeOrphans: values['remove-orphans'] === true,
          ...(graceMinutes === undefined ? {} : { graceMinutes }),
        })
      } finally {
        await db.destroy()
      }
    }
    case 'change-log': {
      noArguments(command, rest)
      const db = await openMigrated(config())
      try {
        const started = Date.now()
        const written = await rebuildPublicRecord(db)
        console.log(
          `Ändringsloggen är genomgången: ${written} ändringar skrevs på ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        )
        return 0
      } finally {
        await db.destroy()
      }
    }
    case 'reindex': {
      noArguments(command, rest)
      const db = await openMigrated(config())
      try {
        const meetings = await reindexAllMeetings(db)
        await compactSearchIndex(db)
        console.log(`Sökindexet är ombyggt (${meetings} sammanträden).`)
        return 0
      } finally {
        await db.destroy()
      }
    }
    case 'mail': {
      if (rest.join(' ') !== 'send') throw new UsageError('mail tar ett underkommando: paragraf mail send')
      const settings = config()
      if (!settings.mail) throw new ConfigError('SMTP_URL is not set: nothing can be sent (smtp://HOST:PORT)')
      const db = await openMigrated(settings)
      const mailer = (await import('./mail/smtp-mailer.ts')).createSmtpMailer(settings.mail)
      try {
        // Reminders first, so a run from cron both queues what is due and sends it.
        const reminders = await queueDueSignOffReminders(db, settings.publicUrl)
        if (reminders > 0)
          console.log(
            `Lade ${reminders} ${reminders === 1 ? 'påminnelse' : 'påminnelser'} om justering i utkorgen.`,
          )
        const news = await queueSubscriptionMail(db, { publicUrl: settings.publicUrl })
        if (news > 0)
          console.log(
            `Lade ${news} ${news === 1 ? 'bevakningsmeddelande' : 'bevakningsmeddelanden'} i utkorgen.`,
          )
        const { sent, failed } = await deliverAll(db, mailer, 50)
        console.log(
          `Skickade ${sent} e-postmeddelanden${failed ? `; ${failed} misslyckades och försöks igen senare` : ''}.`,
        )
        return failed > 0 ? 1 : 0
      } finally {
        mailer.close()
        await db.destroy()
      }
    }
    case 'user': {
      if (rest[0] !== 'add' || rest.length !== 2)
        throw new UsageError('user tar ett underkommando: paragraf user add EPOST --role ROLL')
      const db = await openMigrated(config())
      try {
        return await addUserCommand(db, {
          email: rest[1],
          role: values.role,
          committee: values.committee,
          organisation: values.organisation,
          name: values.name,
        })
      } catch (error) {
        if (!(error instanceof (await import('./cli/user-command.ts')).UserCommandError)) throw error
        throw new UsageError(error.message)
      } finally {
        await db.destroy()
      }
    }
    case 'export': {
      if (rest.length !== 1) throw new UsageError('export tar en fil: paragraf export FIL.zip')
      return exportToFile(rest[0] as string, config())
    }
    case 'backup':
    case 'restore': {
      if (rest.length !== 1) throw new UsageError(`${command} tar en fil: paragraf ${command} FIL`)
      const run = command === 'backup' ? backupCommand : restoreCommand
      try {
        console.log(await run(rest[0] as string, config()))
        return 0
      } catch (error) {
        if (!(error instanceof BackupError)) throw error
        console.error(`paragraf: ${error.message}`)
        return 1
      }
    }
    case 'parse': {
      if (rest.length !== 1) throw new UsageError('parse tar en fil: paragraf parse FIL')
      return parseFile(rest[0] as string)
    }
    default:
      throw new UsageError(`okänt kommando "${command}" (se paragraf help)`)
  }
}

/**
 * Imports each file in its own transaction and prints what it brought. A file that is no meeting
 * document, or that cannot be stored, is reported on one line and the others still go in; the exit
 * status is then 2 (unreadable) or 1 (not stored).
 */
async function importFiles(db: Db, files: string[], target: ImportTarget): Promise<number> {
  const { describeSummary, documentsATransaction, importDocuments } = await import(
    './import/import-document.ts'
  )
  let status = 0
  // Files are read and parsed a transaction's worth at a time (importDocuments commits them
  // together); each file's line is printed once what it tells is committed, in the order given.
  for (let start = 0; start < files.length; start += documentsATransaction) {
    const lines: Array<(() => void) | undefined> = []
    const parsed: Array<{ file: string; line: number; document: DocumentJson }> = []
    let printed = 0
    const printReady = () => {
      for (; printed < lines.length && lines[printed]; printed++) lines[printed]?.()
    }
    // A file that cannot be read ends the command, after what was read before it is stored.
    let unreadable: unknown
    for (const file of files.slice(start, start + documentsATransaction)) {
      const bytes = await readDocument(file).catch((error: unknown) => {
        unreadable = error
      })
      if (!bytes) break
      const outcome = await parseDocument({ bytes, fileName: path.basename(file) })
      if (outcome.ok) {
        parsed.push({ file, line: lines.length, document: outcome.document })
        lines.push(undefined) // said once committed
      } else {
        lines.push(() => console.error(`paragraf: ${file}: ${outcome.reason}`))
        status = Math.max(status, 2)
      }
    }
    const committed = (outcome: ImportOutcome, n: number) => {
      const { file, line } = parsed[n] as (typeof parsed)[number]
      if (outcome instanceof DomainError) {
        status = Math.max(status, 1)
        lines[line] = () => console.error(`paragraf: ${file}: ${refusalSentence(outcome)}`)
      } else {
        lines[line] = () => {
          console.log(describeSummary(outcome))
          for (const warning of outcome.warnings) console.log(`  varning: ${warning}`)
        }
      }
      printReady()
    }
    printReady()
    try {
      await importDocuments(
        db,
        systemActor('import'),
        parsed.map((p) => p.document),
        target,
        committed,
      )
    } finally {
      // Ended by an error that is no refusal: what was committed is said, and every unreadable file.
      printReady()
      for (const line of lines.slice(printed)) line?.()
    }
    if (unreadable) throw unreadable
  }
  // Each transaction added its segment to the search's indexes: merged once the files are in, when
  // FTS5's own merging has left more than a few.
  await compactSearchIndex(db, { segmentsAbove: 4 })
  return status
}

async function readDocument(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      code === 'ENOENT' ? `filen ${file} finns inte` : `filen ${file} kan inte läsas (${code})`,
    )
  }
}

/** Prints the document JSON of one published document; exit 2 when it is no meeting document (document-json.md). */
async function parseFile(file: string): Promise<number> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      code === 'ENOENT' ? `filen ${file} finns inte` : `filen ${file} kan inte läsas (${code})`,
    )
  }
  const outcome = await parseDocument({ bytes, fileName: path.basename(file) })
  if (!outcome.ok) {
    console.error(`paragraf: ${file}: ${outcome.reason}`)
    return 2
  }
  process.stdout.write(`${JSON.stringify(outcome.document, null, 2)}\n`)
  return 0
}

/** Writes the bulk export of everything published to `file`; an unwritable path is one line, and no file is left behind. */
async function exportToFile(file: string, settings: Config): Promise<number> {
  let handle: FileHandle
  try {
    handle = await open(file, 'w')
  } catch (error) {
    throw new UsageError(`filen ${file} kan inte skrivas (${(error as NodeJS.ErrnoException).code})`)
  }
  try {
    const db = await openMigrated(settings)
    try {
      const now = new Date()
      const summary = await writeBulkExport(
        db,
        (await import('./web/portal/export-links.ts')).exportLinks(settings.publicUrl, todayInSweden(now)),
        handle.createWriteStream(),
        now,
      )
      console.log(
        `Exporterade ${summary.meetings} sammanträden (${summary.agendas} dagordningar, ${summary.minutes} protokoll) till ${file}.`,
      )
      return 0
    } finally {
      await db.destroy()
    }
  } catch (error) {
    await rm(file, { force: true })
    throw error
  } finally {
    await handle.close().catch(() => undefined)
  }
}

const faultMessages: Record<DatabaseFault, string> = {
  full: 'disken är full, så det kunde inte sparas (databasen och dokumenten ligger i DATA_DIR): frigör utrymme och försök igen',
  unavailable: 'databasen svarar inte just nu, så det kunde inte sparas: försök igen när den är igång',
}

function noArguments(command: string, rest: string[]) {
  if (rest.length > 0) throw new UsageError(`${command} tar inga argument, fick "${rest.join(' ')}"`)
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  async (error: unknown) => {
    // Loaded already by whichever command failed to start; here only to recognise the error.
    const { StartError } = await import('./main.ts')
    if (error instanceof UsageError) {
      console.error(`paragraf: ${error.message}`)
      process.exitCode = 2
    } else if (error instanceof DomainError) {
      // The refusal's Swedish sentence, from the same table the workspace shows.
      console.error(`paragraf: ${refusalSentence(error)}`)
      process.exitCode = 1
    } else if (error instanceof ConfigError || error instanceof StartError) {
      console.error(`paragraf: ${error.message}`)
      process.exitCode = 1
    } else if (databaseFaultOf(error)) {
      // The operator's to fix, not a bug: say what, in one line.
      console.error(`paragraf: ${faultMessages[databaseFaultOf(error) as DatabaseFault]}`)
      process.exitCode = 1
    } else {
      // A bug, not a user's mistake: the details help whoever reports it.
      console.error('paragraf: ett oväntat fel inträffade:', error)
      process.exitCode = 1
    }
  },
)
