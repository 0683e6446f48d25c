import { Layout } from './layout.tsx'

/** The page for any error: what happened, in Swedish, and a way on. */
export function ErrorPage({ title, text }: { title: string; text: string }) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">Till startsidan</a>
      </p>
    </Layout>
  )
}
