import { noticeKindLabels } from '../../domain/notice-board/notice.ts'
import type { BoardNotice } from '../../domain/publication/notice-board-record.ts'
import { paths } from '../paths.ts'
import { formatDate, formatLongDate } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { subscribePaths } from './subscription.page.tsx'

const alternates = [
  { href: paths.noticeBoardFeed(), title: 'Anslagstavlan', type: 'application/atom+xml' as const },
]

/** The anslagstavla: a separate, clearly marked part of the site (KL 8:9) with the notices up today. */
export function NoticeBoardPage({ notices, today }: { notices: BoardNotice[]; today: string }) {
  return (
    <Layout
      title="Anslagstavla"
      section="noticeBoard"
      alternates={alternates}
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: 'Anslagstavla' }]}
    >
      <div class="notice-board">
        <h1>Anslagstavla</h1>
        <p class="lead">
          Det här är kommunens officiella anslagstavla enligt kommunallagen (8 kap. 9–11 §§). Här anslås
          tillkännagivanden om nämndernas sammanträden, om justerade protokoll och om delegationsbeslut som
          inte anmäls till en nämnd. Ett anslag om ett justerat protokoll sitter uppe under hela tiden då
          beslutet kan överklagas.
        </p>
        <p class="muted">Anslag uppe {formatLongDate(today)}.</p>
        <p>
          <a href={subscribePaths.noticeBoard()}>Bevaka anslagstavlan via e-post</a>
        </p>
        <section aria-labelledby="anslag">
          <h2 id="anslag">Aktuella anslag</h2>
          {notices.length === 0 ? <p>Det finns inga anslag just nu.</p> : <NoticeList notices={notices} />}
        </section>
        <AppealHelp />
        <p>
          <a href={paths.noticeArchive()}>Tidigare anslag (arkiv)</a>
        </p>
      </div>
    </Layout>
  )
}

/** The archive: notices that have come down, newest first, a page at a time. */
export function NoticeArchivePage({
  notices,
  page,
  hasMore,
}: {
  notices: BoardNotice[]
  page: number
  hasMore: boolean
}) {
  return (
    <Layout
      title={page > 1 ? `Arkiv för anslagstavlan, sida ${page}` : 'Arkiv för anslagstavlan'}
      section="noticeBoard"
      alternates={alternates}
      breadcrumbs={[
        { href: paths.start(), label: 'Start' },
        { href: paths.noticeBoard(), label: 'Anslagstavla' },
        { label: 'Arkiv' },
      ]}
    >
      <div class="notice-board">
        <h1>Arkiv för anslagstavlan</h1>
        <p>
          Anslag som har tagits ned. Överklagandetiden för dessa beslut har gått ut. Aktuella anslag finns på{' '}
          <a href={paths.noticeBoard()}>anslagstavlan</a>.
        </p>
        <section aria-labelledby="arkiv">
          <h2 id="arkiv">Nedtagna anslag{page > 1 ? `, sida ${page}` : ''}</h2>
          {notices.length === 0 ? (
            <p>Det finns inga nedtagna anslag att visa.</p>
          ) : (
            <NoticeList notices={notices} />
          )}
        </section>
        {(page > 1 || hasMore) && (
          <nav aria-label="Sidor i arkivet" class="pager">
            <ul>
              {page > 1 && (
                <li>
                  <a href={paths.noticeArchive(page - 1)} rel="prev">
                    Nyare anslag
                  </a>
                </li>
              )}
              {hasMore && (
                <li>
                  <a href={paths.noticeArchive(page + 1)} rel="next">
                    Äldre anslag
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
    </Layout>
  )
}

function NoticeList({ notices }: { notices: BoardNotice[] }) {
  return (
    <ul class="card-list notices">
      {notices.map(({ notice, target }) => (
        <li key={notice.id}>
          <article aria-labelledby={`anslag-${notice.id}`}>
            <h3 id={`anslag-${notice.id}`}>
              <span class="status">{noticeKindLabels[notice.kind]}</span> {notice.title}
            </h3>
            <dl class="facts">
              <dt>Anslaget</dt>
              <dd>{formatDate(notice.postedOn)}</dd>
              {target?.signedOffOn && (
                <>
                  <dt>Justerat</dt>
                  <dd>{formatDate(target.signedOffOn)}</dd>
                </>
              )}
              {notice.keptAt && (
                <>
                  <dt>Protokollet förvaras</dt>
                  <dd>{notice.keptAt}</dd>
                </>
              )}
              {notice.lastAppealDay && (
                <>
                  <dt>Sista dag att överklaga</dt>
                  <dd>{formatLongDate(notice.lastAppealDay)}</dd>
                </>
              )}
              <dt>Tas ned</dt>
              <dd>{formatDate(notice.removedOn)}</dd>
            </dl>
            {target && notice.kind === 'minutes' && (
              <p>
                <a href={paths.minutes(target.committeeSlug, target.meetingSlug)}>
                  Läs protokollet, {target.committeeName} {formatDate(target.meetsOn)}
                </a>
              </p>
            )}
            {target && notice.kind === 'meeting' && (
              <p>
                <a href={paths.meeting(target.committeeSlug, target.meetingSlug)}>
                  Kallelse och dagordning, {target.committeeName} {formatDate(target.meetsOn)}
                </a>
              </p>
            )}
          </article>
        </li>
      ))}
    </ul>
  )
}

/** How to appeal a decision (laglighetsprövning, KL 13 kap.): the notice board must say so (KL 8:11). */
function AppealHelp() {
  return (
    <section aria-labelledby="overklaga" class="help">
      <h2 id="overklaga">Så överklagar du ett beslut</h2>
      <p>
        Alla som är medlemmar i kommunen kan överklaga ett beslut genom laglighetsprövning enligt 13 kap.
        kommunallagen. Du kan begära att förvaltningsrätten prövar om beslutet har kommit till på rätt sätt
        och om det är lagligt.
      </p>
      <ul>
        <li>
          Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då anslaget om
          att protokollet har justerats sattes upp på anslagstavlan. Sista dagen står vid varje anslag.
        </li>
        <li>
          Skriv vilket beslut du överklagar (nämnd, datum och paragraf) och varför du anser att det är
          olagligt.
        </li>
        <li>Skicka överklagandet till förvaltningsrätten. Skriv under det och ange dina kontaktuppgifter.</li>
      </ul>
      <p>Vissa beslut överklagas i stället genom förvaltningsbesvär; det står då i beslutet hur du gör.</p>
    </section>
  )
}
