import { fieldsForm, formWithKeys, params } from '../shared/request.schema.ts'

// What the seats' routes read.

export const committeeParams = params('committee')
export const membershipParams = params('committee', 'membership')
export const seatForm = fieldsForm([
  'personId',
  'role',
  'partyId',
  'termId',
  'startsOn',
  'endsOn',
  'substituteOrder',
])
export const endSeatForm = fieldsForm(['endsOn'])
/** `order-<membershipId>`: each substitute's place in the order. */
export const substituteOrderForm = formWithKeys({}, /^order-\d{1,9}$/)
