import { paths } from '../paths.ts'
import type { TargetFields } from './subscription.page.tsx'

// Following something from its own page: the e-mail form of a subscription (double opt-in, the
// same POST /bevaka as the subscribe page) and the Atom feed of the same thing, side by side.

export function SubscribeForm({
  what,
  fields,
  feedHref,
}: {
  /** "sökningen ”budget”", "Anna Andersson". */
  what: string
  fields: TargetFields
  feedHref: string
}) {
  return (
    <section aria-labelledby="bevaka" class="subscribe">
      <h2 id="bevaka">Bevaka</h2>
      <p>
        Få e-post när det publiceras något nytt om {what}. Du får först ett meddelande med en länk som du
        öppnar för att bekräfta, och varje meddelande har en länk för att avsluta. Läs mer på sidan om{' '}
        <a href={paths.privacy()}>integritet</a>.
      </p>
      <form method="post" action="/bevaka">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p>
          <label for="bevaka-epost">E-postadress</label>{' '}
          <input id="bevaka-epost" name="epost" type="email" autocomplete="email" required />{' '}
          <button type="submit">Bevaka</button>
        </p>
      </form>
      <p>
        <a href={feedHref}>Följ som flöde (Atom)</a> i en flödesläsare, utan e-post.
      </p>
    </section>
  )
}
