import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-config-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('loadConfig', () => {
  it('defaults to port 3000 and SQLite in the data directory', () => {
    const config = loadConfig({ DATA_DIR: dir })
    assert.equal(config.port, 3000)
    assert.deepEqual(config.database, { dialect: 'sqlite', file: path.join(dir, 'paragraf.sqlite') })
    assert.ok(Object.isFrozen(config))
  })

  it('lets flags win over the environment', () => {
    const config = loadConfig({ DATA_DIR: dir, PORT: '4000' }, { PORT: '5000' })
    assert.equal(config.port, 5000)
  })

  for (const [value, expected] of [
    [undefined, 'loopback'],
    ['true', true],
    ['FALSE', false],
    ['10.0.0.1, 10.0.0.2', '10.0.0.1, 10.0.0.2'],
  ] as const) {
    it(`believes forwarding headers from ${JSON.stringify(expected)} with TRUST_PROXY=${value ?? '(unset)'}`, () => {
      const config = loadConfig({ DATA_DIR: dir, ...(value ? { TRUST_PROXY: value } : {}) })
      assert.equal(config.trustProxy, expected)
    })
  }

  it('takes the tag authority of feed ids (FEED_ID_AUTHORITY) and refuses one that is not a tag authority', () => {
    assert.equal(loadConfig({ DATA_DIR: dir }).feedIdAuthority, undefined)
    assert.equal(
      loadConfig({ DATA_DIR: dir, FEED_ID_AUTHORITY: 'Stockholm.se,2026' }).feedIdAuthority,
      'stockholm.se,2026',
    )
    assert.equal(
      loadConfig({ DATA_DIR: dir, FEED_ID_AUTHORITY: 'diariet@stockholm.se,2026-01-01' }).feedIdAuthority,
      'diariet@stockholm.se,2026-01-01',
    )
    assert.throws(
      () => loadConfig({ DATA_DIR: dir, FEED_ID_AUTHORITY: 'https://stockholm.se' }),
      /FEED_ID_AUTHORITY/,
    )
  })

  it('takes the e-legitimation broker for signing (SIGNING_OIDC_*), with a client id', () => {
    assert.equal(loadConfig({ DATA_DIR: dir }).signingOidc, undefined)
    assert.deepEqual(
      loadConfig({
        DATA_DIR: dir,
        SIGNING_OIDC_ISSUER: 'https://broker.example.se/',
        SIGNING_OIDC_CLIENT_ID: 'paragraf',
        SIGNING_OIDC_CLIENT_SECRET: 'hemligt',
      }).signingOidc,
      {
        issuer: 'https://broker.example.se/',
        clientId: 'paragraf',
        clientSecret: 'hemligt',
        providerName: 'e-legitimation',
        identityClaim: 'personal_identity_number',
      },
    )
    assert.throws(
      () => loadConfig({ DATA_DIR: dir, SIGNING_OIDC_ISSUER: 'https://broker.example.se/' }),
      /SIGNING_OIDC_CLIENT_ID behövs/,
    )
    assert.throws(() => loadConfig({ DATA_DIR: dir, SIGNING_OIDC_ISSUER: 'broker' }), /SIGNING_OIDC_ISSUER/)
  })

  it('takes a PostgreSQL URL', () => {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://paragraf@127.0.0.1:5432/paragraf' })
    assert.equal(config.database.dialect, 'postgres')
  })

  const invalid: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a malformed DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL ska börja med postgres/],
    [
      'a PostgreSQL URL without a database',
      { DATABASE_URL: 'postgres://127.0.0.1:5432' },
      /anger ingen databas/,
    ],
    ['a port that is not a number', { PORT: 'abc' }, /PORT ska vara ett tal/],
    ['a port out of range', { PORT: '70000' }, /PORT ska vara 0–65535/],
    ['a negative PAGE_CACHE_MB', { PAGE_CACHE_MB: '-1' }, /PAGE_CACHE_MB ska vara ett helt antal megabyte/],
    ['a LOG_LEVEL it does not know', { LOG_LEVEL: 'loud' }, /LOG_LEVEL ska vara fatal, error/],
  ]
  for (const [what, environment, message] of invalid) {
    it(`stops on ${what} with one line naming the problem`, () => {
      assert.throws(
        () => loadConfig({ DATA_DIR: dir, ...environment }),
        (error: Error) =>
          error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'),
      )
    })
  }

  it('reports every problem at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', DATA_DIR: dir, LOG_LEVEL: 'loud' }),
      (error: Error) => /PORT/.test(error.message) && /LOG_LEVEL ska vara fatal, error/.test(error.message),
    )
  })

  it('stops on an unwritable DATA_DIR', () => {
    // A regular file where the directory should be: unwritable for every user, root included.
    const file = path.join(dir, 'a-file')
    writeFileSync(file, 'not a directory')
    assert.throws(
      () => loadConfig({ DATA_DIR: path.join(file, 'data') }),
      /DATA_DIR .* går inte att skapa eller skriva i/,
    )
  })
})

describe('loadConfig: where document files are kept', () => {
  it('keeps them in DATA_DIR/documents by default', () => {
    assert.deepEqual(loadConfig({ DATA_DIR: dir }).storage, {
      kind: 'disk',
      dir: path.join(dir, 'documents'),
    })
  })

  it('takes an S3-compatible store', () => {
    const config = loadConfig({
      DATA_DIR: dir,
      STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'handlingar',
      S3_ACCESS_KEY_ID: 'paragraf',
      S3_SECRET_ACCESS_KEY: 'hemligt',
    })
    assert.deepEqual(config.storage, {
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'handlingar',
      region: 'us-east-1',
      credentials: { accessKeyId: 'paragraf', secretAccessKey: 'hemligt' },
    })
  })

  it('reports every storage problem with the others, at once', () => {
    assert.throws(
      () =>
        loadConfig({
          DATA_DIR: dir,
          PORT: 'abc',
          STORAGE: 's3',
          S3_ENDPOINT: 'ftp://example.org',
          S3_ACCESS_KEY_ID: 'paragraf',
        }),
      (error: Error) =>
        error instanceof ConfigError &&
        /PORT ska vara ett tal/.test(error.message) &&
        /S3_ENDPOINT ska vara en http\(s\)-adress/.test(error.message) &&
        /STORAGE=s3 behöver S3_BUCKET/.test(error.message) &&
        /S3_ACCESS_KEY_ID och S3_SECRET_ACCESS_KEY ska anges tillsammans/.test(error.message),
    )
  })

  it('stops on an unknown STORAGE', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dir, STORAGE: 'ftp' }), /STORAGE ska vara disk eller s3/)
  })
})
