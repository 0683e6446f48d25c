import type { WebhookPoster } from '../domain/webhook/webhook.service.ts'
import { webhookTimeoutMs } from '../domain/webhook/webhook.ts'

/**
 * POSTs with fetch. A redirect is not followed (it counts as a failed attempt): the signed body goes
 * only to the URL the administrator registered. The answer's body is read and dropped, never kept.
 */
export function createHttpPoster(timeoutMs = webhookTimeoutMs): WebhookPoster {
  return {
    async post(url, body, headers) {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      await response.body?.cancel().catch(() => undefined)
      return response.status
    },
  }
}
