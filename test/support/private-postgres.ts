import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './free-port.ts'

// A PostgreSQL cluster of a test's own, in a temp dir on a free port, that the test may stop and
// start as an operator restarts one. The shared PostgreSQL at 5432 is never touched: other tests
// use it at the same time.

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string
  port: number
  start(): void
  /** `pg_ctl stop -m fast`, as a restart does: every connection gets 57P01, new ones are refused. */
  stop(): void
  /** Stops the cluster if it runs and removes its files. */
  remove(): void
}

/** The directory holding initdb and pg_ctl, or undefined when PostgreSQL's server programs are not installed. */
export function postgresBinDir(): string | undefined {
  const candidates = [process.env.PARAGRAF_PG_BIN]
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian))
    candidates.push(
      ...readdirSync(debian)
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join(debian, version, 'bin')),
    )
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  if (onPath.status === 0) candidates.push(onPath.stdout.trim())
  return candidates.find((dir): dir is string => Boolean(dir && existsSync(path.join(dir, 'initdb'))))
}

/**
 * Creates and starts a cluster. PostgreSQL refuses to run as root, so as root the cluster belongs
 * to the `postgres` user and its programs run through runuser.
 */
export async function createPrivatePostgres(binDir: string): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(dir, uid, gid)
  }
  const run = (program: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(binDir, program)
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(binDir, program), ...args] : args
    const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0)
      throw new Error(`${program} failed: ${result.stderr || result.stdout}\n${readLog(dir)}`)
  }
  const data = path.join(dir, 'data')
  const port = await freePort()
  // -N: no fsync while creating; fsync=off while running. A test cluster needs no durability.
  run('initdb', ['-N', '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`
  let running = false
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', '-o', options, 'start'])
      running = true
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'])
      running = false
    },
    remove() {
      if (running) {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
        } catch {
          // already gone: removing the files is all that is left
        }
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  cluster.start()
  return cluster
}

function readLog(dir: string): string {
  const log = path.join(dir, 'log')
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : ''
}
