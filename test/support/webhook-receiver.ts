import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'

// The test side of webhook-receiver.mjs: starts the receiver process, tells it the secret and how
// to answer, and reads back what it received.

export interface ReceivedDelivery {
  path: string
  method: string
  headers: Record<string, string>
  body: string
  /** The signature checked by the receiver with the secret it was given, and fresh. */
  valid: boolean
  t: number
  /** The status the receiver answered. */
  answered: number
}

export interface WebhookReceiver {
  url: string
  /** Sets the shared secret; `fail` deliveries from now on get `status` (-1: all of them), each after `delayMs`. */
  control(settings: { secret?: string; fail?: number; status?: number; delayMs?: number }): Promise<void>
  received(): Promise<ReceivedDelivery[]>
  stop(): Promise<void>
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const child: ChildProcess = spawn(
    process.execPath,
    [new URL('./webhook-receiver.mjs', import.meta.url).pathname],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer]
  const url = chunk.toString().trim().split('\n')[0] as string
  const ended = once(child, 'exit')
  return {
    url,
    async control(settings) {
      const response = await fetch(`${url}/_control`, { method: 'PUT', body: JSON.stringify(settings) })
      if (response.status !== 204) throw new Error(`the receiver refused the settings: ${response.status}`)
    },
    async received() {
      return (await (await fetch(`${url}/_received`)).json()) as ReceivedDelivery[]
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await ended
    },
  }
}

/** Waits until `condition` holds, polling; fails with `what` after `ms` (not a timing assertion). */
export async function waitUntil(what: string, condition: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
