import type { Db } from '../db/database.ts'
import { sealUnsealed, verifySeals } from '../domain/sign-off/record-seal.service.ts'

/**
 * `paragraf verify`: recomputes the seal of every sign-off and rectification from the database as it
 * is now and reports, in Swedish, every signed-off record that changed since. Exit 1 when any did.
 * `--seal-unsealed` first seals what has no seal yet (minutes signed off before migration 0016).
 */
export async function verifyCommand(
  db: Db,
  options: { sealUnsealed?: boolean } = {},
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
