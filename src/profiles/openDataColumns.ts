import { answerColumns, type AnswerColumn } from '../questionnaire/answerColumns'
import type { Definition } from '../questionnaire/definitionSchema'

import type { Cell } from '../questionnaire/answerColumns'

export type { Cell }

/** One column of the open data: a stable key, its codebook entry and how to read it from an answer. */
export type DataColumn = AnswerColumn

/**
 * Every question's columns in reading order, stable keys as names, with the options offered in
 * any of the years the answers come from (the edition's own year by default). The same columns
 * as the review export's (src/questionnaire/answerColumns.ts), in the public files' layout.
 */
export function openDataColumns(definition: Definition, years: number[] = [definition.year]): DataColumn[] {
  return answerColumns(definition, { years, kind: 'openData' })
}

export const cityColumns = ['city_slug', 'city_name', 'country', 'iso3', 'region'] as const

interface CityFacts {
  slug: string
  name: string
  country: string
  iso3: string
  region: string
}

/** A row's first cells, in the order of `cityColumns`. */
export const cityCells = (city: CityFacts): Cell[] => [
  city.slug,
  city.name,
  city.country,
  city.iso3,
  city.region,
]

/** JSON that is safe to embed or sniff: <, >, & and line separators as \u escapes (same data when parsed). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
