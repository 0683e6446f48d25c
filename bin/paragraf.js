#!/usr/bin/env node
// The `paragraf` command. Runs the compiled JavaScript in dist/ (built by `npm install`, `npm ci`
// and `npm run build`) when it is newer than every file in src/, so the command starts without
// compiling TypeScript; otherwise (a checkout before its first build, or sources edited since) it
// runs the sources through tsx, which compiles them at every start.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

function builtAt() {
  try {
    return statSync(path.join(root, 'dist', '.built')).mtimeMs
  } catch {
    return undefined
  }
}

/** Whether any file under src/ changed after `since`: the build would not be what the sources say. */
function changedSince(dir, since) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory() ? changedSince(file, since) : statSync(file).mtimeMs > since) return true
  }
  return false
}

const built = builtAt()
if (built !== undefined && !changedSince(path.join(root, 'src'), built)) {
  await import('../dist/cli.js')
} else {
  // Only a person at a terminal is told: scripts and tests read standard error as the command's own.
  if (process.stderr.isTTY)
    process.stderr.write(
      `paragraf: ${built === undefined ? 'dist/ saknas' : 'src/ har ändrats sedan dist/ byggdes'}; kör källkoden via tsx (npm run build ger snabbare start)\n`,
    )
  const { register } = await import('tsx/esm/api')
  // The project's tsconfig (JSX through Preact), wherever the command is run from: tsx looks in the
  // working directory, and from elsewhere every page failed ('React is not defined').
  register({ tsconfig: path.join(root, 'tsconfig.json') })
  await import('../src/cli.ts')
}
