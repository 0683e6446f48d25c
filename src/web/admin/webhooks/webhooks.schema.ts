import { form, line, params, query } from '../shared/request.schema.ts'

// What the webhooks' routes read.

export const webhooksParams = params('organisation')
export const webhookParams = params('organisation', 'id')
/** `klart`: what the page says after a post/redirect/get. */
export const webhooksQuery = query('klart')
export const webhookForm = form({ url: line })
