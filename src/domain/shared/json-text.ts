import { InvalidStateError } from './errors.ts'

// Lists of points and settings are stored as JSON text, the same on both databases.

export function readStringList(text: string | null | undefined): string[] {
  if (!text) return []
  const value: unknown = JSON.parse(text)
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new InvalidStateError('damaged_data', `expected a JSON list of strings, found ${text.slice(0, 80)}`)
  }
  return value
}

export function readJsonObject(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {}
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidStateError('damaged_data', `expected a JSON object, found ${text.slice(0, 80)}`)
  }
  return value as Record<string, unknown>
}
