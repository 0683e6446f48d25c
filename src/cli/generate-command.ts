import type { Db } from '../db/database.ts'
import { isDatabaseEmpty } from '../demo/load-demo.ts'
import { rebuildPublicRecord } from '../domain/public-record/public-record-rebuild.ts'
import { generateArchive } from '../generate/generate-archive.ts'

// `paragraf generate --organisations N --years Y --seed S`: a generated archive in an empty
// database, for benchmarks and trials (src/generate). Mistakes are one Swedish line.

export class GenerateCommandError extends Error {}

export interface GenerateFlags {
  organisations?: string | undefined
  years?: string | undefined
  seed?: string | undefined
}

export interface GenerateSettings {
  organisations: number
  years: number
  seed: string
}

const wholeNumber = (flag: string, value: string | undefined, fallback: number, most: number): number => {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > most)
    throw new GenerateCommandError(`--${flag} ska vara ett heltal från 1 till ${most}, fick "${value}"`)
  return Number(value)
}

/** The flags as settings, or a GenerateCommandError naming the flag and what it takes. */
export function readGenerateFlags(flags: GenerateFlags): GenerateSettings {
  const seed = flags.seed ?? 'paragraf'
  if (seed.trim() === '' || seed.length > 100)
    throw new GenerateCommandError('--seed ska vara en text på 1–100 tecken')
  return {
    organisations: wholeNumber('organisations', flags.organisations, 1, 10_000),
    years: wholeNumber('years', flags.years, 10, 50),
    seed,
  }
}

/** Generates into `db`, which must be empty; prints progress on standard error and a summary. */
export async function generateCommand(db: Db, settings: GenerateSettings): Promise<number> {
  if (!(await isDatabaseEmpty(db))) {
    throw new GenerateCommandError(
      'databasen innehåller redan data; generate skriver bara till en tom databas',
    )
  }
  const started = Date.now()
  const seconds = () => (Date.now() - started) / 1000
  const summary = await generateArchive(db, {
    ...settings,
    onProgress: (p) => {
      if (process.stderr.isTTY)
        process.stderr.write(
          `\rOrganisation ${p.organisation}/${p.organisations}: ${p.agendaItems} dagordningspunkter, ${Math.round(p.agendaItems / seconds())}/s   `,
        )
    },
  })
  if (process.stderr.isTTY) process.stderr.write('\n')
  console.log(
    `Genererade ${summary.organisations} organisationer, ${summary.committees} nämnder, ${summary.people} personer, ` +
      `${summary.meetings} sammanträden, ${summary.agendaItems} dagordningspunkter, ${summary.sections} paragrafer, ` +
      `${summary.documents} handlingar, ${summary.votes} omröstningar och ${summary.searchEntries} sökposter på ${seconds().toFixed(1)} s.`,
  )
  // The rows were written straight into the tables, past the use cases that keep the public change
  // log: it is filled in afterwards, as `paragraf change-log` does, so the feed and OParl hold the archive.
  const logStarted = Date.now()
  const changes = await rebuildPublicRecord(db)
  console.log(
    `Ändringsloggen fylldes med ${changes} ändringar på ${((Date.now() - logStarted) / 1000).toFixed(1)} s.`,
  )
  return 0
}
