import type { ComponentChildren } from 'preact'
import type { SignedInUser } from '../../domain/account/account.ts'
import { paths } from '../paths.ts'
import { type Breadcrumb, PageChrome } from './page-chrome.tsx'

/** What every workspace page needs besides its content: who is signed in, and the form token. */
export interface AdminView {
  user: SignedInUser
  csrfToken: string
}

export interface AdminLayoutProps {
  title: string
  /** Absent on the login page, where nobody is signed in yet. */
  view?: AdminView | undefined
  breadcrumbs?: Breadcrumb[]
  /** Which menu entry the page belongs to. */
  section?: 'start' | 'account'
  children: ComponentChildren
}

/** The clerks' workspace: Swedish, a skip link, the workspace menu and who is signed in. */
export function AdminLayout({ title, view, breadcrumbs, section, children }: AdminLayoutProps) {
  return (
    <PageChrome
      title={`${title} – Paragraf arbetsrum`}
      noindex
      bodyClass="workspace"
      breadcrumbs={breadcrumbs}
      header={
        <>
          <a class="site-name" href={paths.admin.start()}>
            Paragraf <span class="muted">arbetsrum</span>
          </a>
          {view && (
            <nav aria-label="Arbetsrummets meny">
              <ul>
                <li>
                  <a href={paths.admin.start()} aria-current={section === 'start' ? 'page' : undefined}>
                    Start
                  </a>
                </li>
                <li>
                  <a href={paths.admin.password()} aria-current={section === 'account' ? 'page' : undefined}>
                    Mitt konto
                  </a>
                </li>
                <li>
                  <a href={paths.start()}>Den publika portalen</a>
                </li>
              </ul>
            </nav>
          )}
          {view && (
            <div class="signed-in">
              <p>
                Inloggad som <strong>{view.user.name}</strong> ({view.user.email})
              </p>
              <form method="post" action={paths.admin.logout()}>
                <input type="hidden" name="_csrf" value={view.csrfToken} />
                <button type="submit" class="secondary">
                  Logga ut
                </button>
              </form>
            </div>
          )}
        </>
      }
    >
      {children}
    </PageChrome>
  )
}
