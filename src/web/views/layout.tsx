import type { ComponentChildren } from 'preact'
import { oparlBasePath } from '../../domain/publication/oparl/oparl-links.ts'
import { paths } from '../paths.ts'

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
  breadcrumbs?: Array<{ href?: string; label: string }>
  alternates?: Alternate[]
  /** Which main menu entry the page belongs to. */
  section?: 'start' | 'noticeBoard'
}

/** Every public page: Swedish, a skip link, landmarks, and no script or third-party request. */
export function Layout({ title, children, breadcrumbs, alternates = [], section }: LayoutProps) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Paragraf`}</title>
        <link rel="stylesheet" href="/assets/paragraf.css" />
        {alternates.map((a) => (
          <link key={a.href} rel="alternate" type={a.type} title={a.title} href={a.href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <header class="site-header">
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
        </header>
        <main id="innehall" tabIndex={-1}>
          {breadcrumbs && breadcrumbs.length > 0 && (
            <nav aria-label="Du är här" class="breadcrumbs">
              <ol>
                {breadcrumbs.map((crumb) => (
                  <li key={crumb.label}>
                    {crumb.href ? (
                      <a href={crumb.href}>{crumb.label}</a>
                    ) : (
                      <span aria-current="page">{crumb.label}</span>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {children}
        </main>
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
              <a href={paths.openDataExport()}>Öppna data (ZIP)</a>
            </li>
            <li>
              <a href={oparlBasePath}>Öppna data (OParl-API)</a>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  )
}
