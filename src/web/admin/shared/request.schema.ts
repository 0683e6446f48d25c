import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { InvalidInputError } from '../../../domain/shared/errors.ts'

// Every workspace route declares what it reads — its address's segments, its form, its query — as
// zod schemas in the <feature>.schema.ts beside its routes; admin.plugin.tsx parses each request
// through them before the handler runs (Fastify's validator compiler), and the handler reads only
// what was parsed. The schemas say the shape: which fields, each one string of bounded length (a
// list only where the form sends several under one name). What a value must say (a date, a number
// in range, a known person) stays with the route and the use case, which answer beside the field
// in Swedish as before. A body of another shape is refused with 400 and a Swedish sentence.

declare module '../../../domain/shared/errors.ts' {
  interface RefusalReasons {
    /** A field of a workspace request of the wrong shape: a list, an object, a number. */
    request_field_malformed: { field: string }
    /** A field of a workspace request longer than any form of the workspace sends. */
    request_field_too_long: { field: string; most: number }
  }
}

/** One line of a form: a name, a date, a number as typed, a choice, a hidden id or version. */
export const line = z.string().max(2_000)
/** A text area: a §'s text and decision, a motion, a member list pasted in. */
export const text = z.string().max(500_000)
/** Checkboxes that share a name: one value, or several. */
export const choices = z.union([line, z.array(line).max(10_000)])
/** A segment of the address (a slug, an id, a § number): Fastify has already refused longer ones with 404. */
export const segment = z.string().max(200)

/** The address's named segments. */
export function params<const K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, segment])) as Record<K, typeof segment>)
}

/** A form's named fields, each optional (an empty or unticked field is not sent); others are dropped. */
export function form<S extends z.ZodRawShape>(fields: S) {
  return z.object(fields).partial()
}

/** A form of the named fields: one line each, the `long` ones text areas. */
export function fieldsForm<const K extends string>(names: readonly K[], long: readonly K[] = []) {
  return form(
    Object.fromEntries(names.map((name) => [name, long.includes(name) ? text : line])) as Record<
      K,
      typeof line
    >,
  )
}

/**
 * A form whose field names carry ids (`rost-<personId>`, `p-<number>`, `justerare-<i>`): its named
 * fields, and the fields whose names match `dynamic`, each a line (or `value`). Others are dropped.
 */
export function formWithKeys<S extends z.ZodRawShape>(
  fields: S,
  dynamic: RegExp,
  value: z.ZodType<string | string[]> = line,
) {
  return z
    .object(fields)
    .partial()
    .catchall(z.unknown())
    .transform((body, context) => {
      const kept: Record<string, unknown> = {}
      for (const [name, field] of Object.entries(body)) {
        if (name in fields) kept[name] = field
        else if (dynamic.test(name)) {
          const parsed = value.safeParse(field)
          if (parsed.success) kept[name] = parsed.data
          else for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: [name] })
        }
      }
      return kept as Partial<z.infer<z.ZodObject<S>>> & Record<string, string | string[]>
    })
}

/**
 * A query string, read forgivingly as the pages read it: each named parameter is its first string
 * (a parameter given twice is read once), a missing or odd one is undefined. Never refused.
 */
export function query<const K extends string>(...names: K[]) {
  const first = z
    .unknown()
    .transform((value) => {
      const one = Array.isArray(value) ? value[0] : value
      return typeof one === 'string' ? one : undefined
    })
    .optional()
  return z.object(Object.fromEntries(names.map((name) => [name, first])) as Record<K, typeof first>)
}

/** A page that reads no query (the query is dropped). */
export const noQuery = z.object({})

/** A form of one button: its CSRF token (read before the schema) and no fields. */
export const noFields = form({})

/** The query of a page that says "saved" after a post/redirect/get (savedAt, wasSaved). */
export const savedQuery = query('sparat')

/**
 * An upload form's fields parsed through its schema. They are read from the stream before the file
 * (shared/upload-form.ts), after Fastify's validation, so the route parses them itself.
 */
export function parseFields<S extends z.ZodType>(schema: S, fields: unknown): z.infer<S> {
  const result = schema.safeParse(fields ?? {})
  if (!result.success) throw refusalOf(result.error)
  return result.data
}

/** The parsed value, or the refusal of the first field that is not of the declared shape. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data ?? {})
    if (result.success) return { value: result.data }
    return { error: refusalOf(result.error) }
  }

function refusalOf(error: z.ZodError): InvalidInputError {
  const issue = error.issues[0]
  const field = String(issue?.path[0] ?? '')
  return issue?.code === 'too_big' && issue.origin === 'string'
    ? new InvalidInputError(
        'request_field_too_long',
        `field ${field} longer than ${issue.maximum} characters`,
        field,
        { field, most: Number(issue.maximum) },
      )
    : new InvalidInputError('request_field_malformed', `field ${field}: ${issue?.message}`, field, {
        field,
      })
}
