import fs from 'node:fs'
import path from 'node:path'
import type { DefinitionInput } from '../definitionSchema'
import { innovationCapacityDefinition } from './innovationCapacity'

/** A shipped translation (translations/<name>.<locale>.json): text key → text. */
const translation = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'translations', file), 'utf8')) as Record<
    string,
    string
  >

/**
 * The 2020 follow-up, copied from 2018 (147 cities across both rounds in the original), with a
 * complete Spanish translation (issue 19).
 */
export const innovationCapacity2020: DefinitionInput = {
  ...innovationCapacityDefinition(2020, 2018),
  translations: { es: translation('innovationCapacity2020.es.json') },
}
