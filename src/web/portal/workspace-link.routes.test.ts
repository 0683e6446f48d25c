import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { createApp } from '../app.ts'

// A new secretary who starts from the public site finds the workspace by clicking: the footer of
// every public page links to it, and the link leads a signed-out visitor to the login page.

describeOnEachDatabase('the way from the public site into the workspace', (getDb) => {
  let app: FastifyInstance

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
  })
  after(() => app.close())

  it('links the public start page to the workspace, which asks a visitor to log in', async () => {
    const start = await app.inject({ url: '/' })
    const link = /<a href="(\/admin)">([^<]+)<\/a>/.exec(start.body)
    assert.ok(link, 'the start page links to /admin')
    assert.match(link[2]!, /Arbetsrum.*logga in/)
    const workspace = await app.inject({ url: link[1]! })
    assert.equal(workspace.statusCode, 303)
    assert.match(String(workspace.headers.location), /^\/admin\/logga-in/)
  })
})
