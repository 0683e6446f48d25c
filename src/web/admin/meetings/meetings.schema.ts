import { fieldsForm, params, savedQuery } from '../shared/request.schema.ts'

// What the calendar's routes read.

export const committeeParams = params('committee')
export const meetingParams = params('committee', 'meeting')
export const pageQuery = savedQuery
export const scheduleForm = fieldsForm(['meetsOn', 'startTime', 'endTime', 'location'])
export const seriesForm = fieldsForm([
  'firstOn',
  'everyWeeks',
  'count',
  'seriesStartTime',
  'seriesEndTime',
  'seriesLocation',
])
export const moveForm = fieldsForm(['version', 'meetsOn', 'startTime', 'endTime', 'location'])
export const cancelForm = fieldsForm(['cancelVersion', 'reason'], ['reason'])
