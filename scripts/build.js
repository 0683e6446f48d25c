#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ with tsc, then copies what tsc does not — every file in
// src/ that is not TypeScript (the stylesheet, the fonts of the archival PDFs), to the same place
// under dist/, so `node dist/cli.js` finds them where the sources do.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
if (tsc.status !== 0) process.exit(tsc.status ?? 1)

function copyAssets(dir) {
  for (const entry of readdirSync(path.join(root, 'src', dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name)
    if (entry.isDirectory()) copyAssets(rel)
    else if (!/\.(tsx?|md)$/.test(entry.name)) {
      mkdirSync(path.join(root, 'dist', dir), { recursive: true })
      copyFileSync(path.join(root, 'src', rel), path.join(root, 'dist', rel))
    }
  }
}
copyAssets('')
