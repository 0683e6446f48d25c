import type { Db } from '../db/database.ts'
import { verifySeals } from '../domain/sign-off/record-seal.service.ts'

/**
 * `paragraf verify`: recomputes the seal of every sign-off and rectification from the database as it
 * is now and reports, in Swedish, every signed-off record that changed since. Exit 1 when any did.
 */
export async function verifyCommand(db: Db, out: (line: string) => void = console.log): Promise<number> {
  const { checked, findings } = await verifySeals(db)
  if (findings.length === 0) {
    out(`Alla ${checked} förseglingar stämmer: inget justerat protokoll har ändrats efter justeringen.`)
    return 0
  }
  for (const f of findings) out(`${f.committee}, sammanträdet ${f.meetsOn}: ${f.problem}`)
  out(
    `${findings.length} ${findings.length === 1 ? 'avvikelse' : 'avvikelser'} bland ${checked} förseglingar. Ett justerat protokoll ändras bara genom en rättelse: jämför med säkerhetskopian och granskningsloggen.`,
  )
  return 1
}
