#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` and `npm ci` run it): src/ to plain JavaScript
// in dist/, which bin/paragraf.js runs when it is up to date, so the command starts without
// compiling TypeScript. esbuild (which tsx brings) strips the types file by file in about a second;
// it checks nothing, so `npm run typecheck` stays the type check. Relative imports of .ts files
// become .js, as tsc's rewriteRelativeImportExtensions does. Every other file in src/ that is not
// TypeScript (the stylesheet, the fonts of the archival PDFs) is copied to the same place under
// dist/, so the code finds them where the sources do. dist/.built marks when the build finished.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const started = Date.now()

function filesIn(dir) {
  return readdirSync(path.join(root, 'src', dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name)
    return entry.isDirectory() ? filesIn(rel) : [rel]
  })
}

const files = filesIn('')
const sources = files.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'))

rmSync(dist, { recursive: true, force: true })
await build({
  entryPoints: sources.map((f) => path.join(root, 'src', f)),
  outbase: path.join(root, 'src'),
  outdir: dist,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  charset: 'utf8',
  tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
  write: true,
})

// "./x.ts" -> "./x.js" in static and dynamic imports and re-exports of relative paths.
const relativeTs = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]+?)\.tsx?\2/g
for (const file of sources) {
  const out = path.join(dist, file.replace(/\.tsx?$/, '.js'))
  const code = readFileSync(out, 'utf8')
  const rewritten = code.replace(
    relativeTs,
    (_m, keyword, quote, target) => `${keyword}${quote}${target}.js${quote}`,
  )
  if (rewritten !== code) writeFileSync(out, rewritten)
}

for (const file of files) {
  if (/\.(tsx?|md)$/.test(file)) continue
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true })
  copyFileSync(path.join(root, 'src', file), path.join(dist, file))
}
writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`)
console.log(`dist/: ${sources.length} filer byggda på ${((Date.now() - started) / 1000).toFixed(1)} s`)
