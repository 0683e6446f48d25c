import type { Endpoint } from './api-endpoint.ts'
import { listChangesEndpoint } from './changes.endpoint.ts'
import { getCommitteeEndpoint, listCommitteesEndpoint } from './committee.endpoints.ts'
import { indexEndpoint } from './index.endpoint.ts'
import {
  getAgendaEndpoint,
  getMeetingEndpoint,
  getMinutesEndpoint,
  listCommitteeMeetingsEndpoint,
  listMeetingsEndpoint,
} from './meeting.endpoints.ts'
import {
  getPartyEndpoint,
  getPersonEndpoint,
  listPartiesEndpoint,
  listPeopleEndpoint,
} from './people.endpoints.ts'
import {
  getMatterEndpoint,
  getNoticeArchiveEndpoint,
  getNoticeBoardEndpoint,
  searchEndpoint,
} from './record.endpoints.ts'

/**
 * Every endpoint of /api/v1, in the order the documentation lists them. An endpoint in this list is
 * served (api.routes.ts) and described in /api/v1/openapi.json and on /api (openapi.ts): to add
 * one, declare it with `endpoint({...})` and add it here, one line (docs/api.md).
 */
export const apiEndpoints: Endpoint[] = [
  indexEndpoint,
  listCommitteesEndpoint,
  getCommitteeEndpoint,
  listMeetingsEndpoint,
  listCommitteeMeetingsEndpoint,
  getMeetingEndpoint,
  getAgendaEndpoint,
  getMinutesEndpoint,
  listPeopleEndpoint,
  getPersonEndpoint,
  listPartiesEndpoint,
  getPartyEndpoint,
  getMatterEndpoint,
  getNoticeBoardEndpoint,
  getNoticeArchiveEndpoint,
  searchEndpoint,
  listChangesEndpoint,
]
