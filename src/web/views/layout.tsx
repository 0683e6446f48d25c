import type { ComponentChildren } from 'preact'

export interface LayoutProps {
  title: string
  children: ComponentChildren
  /** Trail of links shown above the heading, the current page last and unlinked. */
  breadcrumbs?: Array<{ href?: string; label: string }>
}

/** Every public page: Swedish, a skip link, landmarks, and no script or third-party request. */
export function Layout({ title, children, breadcrumbs }: LayoutProps) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Paragraf`}</title>
        <link rel="stylesheet" href="/assets/paragraf.css" />
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
                <a href="/">Nämnder och möten</a>
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
        </footer>
      </body>
    </html>
  )
}
