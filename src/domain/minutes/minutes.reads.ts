// What other modules may read of this one: reads and pure mappings only, no writes. Another module
// imports this file, never the repository itself (module-boundaries.test.ts holds that line).
export {
  findMinutesOfMeeting,
  getMinutes,
  getSection,
  listSectionRows,
  listSignatoryIds,
} from './minutes.repository.ts'
export { listRectifications } from './rectification.repository.ts'
export { listRecusals, listServices, nextPosition } from './section-record.repository.ts'
