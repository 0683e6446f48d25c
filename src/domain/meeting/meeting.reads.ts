// What other modules may read of this one: reads and pure mappings only, no writes. Another module
// imports this file, never the repository itself (module-boundaries.test.ts holds that line).
export {
  getMeeting,
  getOrganisationIdOfMeeting,
  isMeetingCreatedInTransaction,
  listMeetingRows,
  listMeetingsByIds,
  toMeeting,
} from './meeting.repository.ts'
