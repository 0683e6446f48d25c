// Every public address in one place, so links and routes cannot drift apart. The shapes follow
// the city's own portal: /committees/socialnamnden/mote-2022-12-14.

export const paths = {
  start: () => '/',
  committee: (committeeSlug: string) => `/committees/${committeeSlug}`,
  meeting: (committeeSlug: string, meetingSlug: string) => `/committees/${committeeSlug}/${meetingSlug}`,
  minutes: (committeeSlug: string, meetingSlug: string) =>
    `/committees/${committeeSlug}/${meetingSlug}/protokoll`,
}
