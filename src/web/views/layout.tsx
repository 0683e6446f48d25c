import type { ComponentChildren } from 'preact'
import { oparlBasePath } from '../../domain/publication/oparl/oparl-links.ts'
import { apiDocsPath } from '../api/api-links.ts'
import { paths } from '../paths.ts'
import { type Breadcrumb, PageChrome } from './page-chrome.tsx'

/** A feed, calendar, open-data (JSON) or PDF version of the page's object, announced with `<link rel="alternate">`. */
export interface Alternate {
  href: string
  title: string
  type: 'application/atom+xml' | 'text/calendar' | 'application/json' | 'application/pdf'
}

export interface LayoutProps {
  title: string
  children: ComponentChildren
  /** Trail of links shown above the heading, the current page last and unlinked. */
  breadcrumbs?: Breadcrumb[]
  alternates?: Alternate[]
  /** Which main menu entry the page belongs to. */
  section?: 'start' | 'noticeBoard'
}

/** Every public page: Swedish, a skip link, landmarks, and no script or third-party request. */
export function Layout({ title, children, breadcrumbs, alternates = [], section }: LayoutProps) {
  return (
    <PageChrome
      title={`${title} – Paragraf`}
      head={alternates.map((a) => (
        <link key={a.href} rel="alternate" type={a.type} title={a.title} href={a.href} />
      ))}
      breadcrumbs={breadcrumbs}
      header={
        <>
          <a class="site-name" href="/">
            Paragraf
          </a>
          <nav aria-label="Huvudmeny">
            <ul>
              <li>
                <a href={paths.start()} aria-current={section === 'start' ? 'page' : undefined}>
                  Nämnder och möten
                </a>
              </li>
              <li>
                <a href={paths.noticeBoard()} aria-current={section === 'noticeBoard' ? 'page' : undefined}>
                  Anslagstavla
                </a>
              </li>
            </ul>
          </nav>
        </>
      }
      footer={
        <footer class="site-footer">
          <p>
            Paragraf – öppen programvara för kommunala nämnders sammanträden. Ingen spårning, inga kakor för
            besökare.
          </p>
          <ul class="footer-links">
            <li>
              <a href={paths.accessibility()}>Tillgänglighetsredogörelse</a>
            </li>
            <li>
              <a href={paths.privacy()}>Integritet och kakor</a>
            </li>
            <li>
              <a href={paths.noticeBoard()}>Anslagstavla</a>
            </li>
            <li>
              <a href={paths.calendar()}>Kalender (iCal)</a>
            </li>
            <li>
              <a href={paths.agendaFeed()}>Nya kallelser (Atom)</a>
            </li>
            <li>
              <a href={paths.minutesFeed()}>Justerade protokoll (Atom)</a>
            </li>
            <li>
              <a href={paths.openDataExport()}>Öppna data (ZIP)</a>
            </li>
            <li>
              <a href={oparlBasePath}>Öppna data (OParl-API)</a>
            </li>
            <li>
              <a href={apiDocsPath}>API för appbyggare (JSON)</a>
            </li>
            <li>
              {/* The one way in for a new secretary who starts from the public site. */}
              <a href={paths.admin.start()}>Arbetsrum för nämndernas sekreterare (logga in)</a>
            </li>
          </ul>
        </footer>
      }
    >
      {children}
    </PageChrome>
  )
}
