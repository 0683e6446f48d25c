import type { ComponentChildren } from 'preact'

export interface Breadcrumb {
  href?: string
  label: string
}

export interface PageChromeProps {
  /** The whole `<title>`, site name included. */
  title: string
  /** Keeps search engines away, as on the workspace. */
  noindex?: boolean
  /** More `<head>` elements, after the stylesheet. */
  head?: ComponentChildren
  bodyClass?: string
  /** The contents of the site header: the site name, menus, who is signed in. */
  header: ComponentChildren
  /** Trail of links shown above the heading, the current page last and unlinked. */
  breadcrumbs?: Breadcrumb[] | undefined
  footer?: ComponentChildren
  children: ComponentChildren
}

/** The frame shared by public and workspace pages: Swedish, a skip link, a header and a focusable main. */
export function PageChrome({
  title,
  noindex,
  head,
  bodyClass,
  header,
  breadcrumbs,
  footer,
  children,
}: PageChromeProps) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {noindex && <meta name="robots" content="noindex" />}
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/paragraf.css" />
        {head}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <header class="site-header">{header}</header>
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
        {footer}
      </body>
    </html>
  )
}
