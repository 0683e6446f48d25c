#!/usr/bin/env node
// The `paragraf` command. Runs the TypeScript sources through tsx, so a checkout needs no build
// step; `npm run build` gives plain JavaScript in dist/ for those who prefer it.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
