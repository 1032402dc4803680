import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import type { Definition } from '../src/questionnaire/definitionSchema'
import { definitionTexts } from '../src/questionnaire/definitionTexts'

// The shipped 2020 questionnaire gained a complete Spanish translation (issue 19), but editions
// stored before (the demo's 2020 edition and the survey years copied from it) keep the definition
// they were saved with. This gives each stored edition from 2020 on without Spanish the translation
// of every text whose English is still the shipped English (the edition's year read as 2020), so a
// reworded text stays untranslated and is listed in the editor. Data only. The translation is read
// from its file as it is when this runs; text keys are stable by design (definitionTexts.ts).

const SHIPPED_YEAR = 2020
const sourceDir = path.join(import.meta.dirname, '..', 'src', 'questionnaire', 'definitions')

interface Row {
  id: number
  year: number
  definition: string
}

export function shippedPairs(): Map<string, { english: string; spanish: string }> {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>
  const spanish = read(path.join(sourceDir, 'translations', 'innovationCapacity2020.es.json'))
  const english = read(path.join(import.meta.dirname, 'data', '141_innovationCapacity2020.en.json'))
  return new Map(
    Object.entries(english).flatMap(([key, text]) =>
      spanish[key] ? [[key, { english: text, spanish: spanish[key] }] as const] : [],
    ),
  )
}

/** The Spanish of a stored definition's texts that are the shipped English, or undefined when none is. */
export function spanishFor(
  definition: Definition,
  pairs: Map<string, { english: string; spanish: string }>,
): Record<string, string> | undefined {
  const year = String(definition.year)
  const spanish: Record<string, string> = {}
  for (const text of definitionTexts(definition)) {
    const pair = pairs.get(text.key)
    if (pair && text.english.replaceAll(year, String(SHIPPED_YEAR)) === pair.english)
      spanish[text.key] = pair.spanish.replaceAll(String(SHIPPED_YEAR), year)
  }
  return Object.keys(spanish).length > 0 ? spanish : undefined
}

export async function up(knex: Knex): Promise<void> {
  const pairs = shippedPairs()
  const rows: Row[] = await knex('editions')
    .where('year', '>=', SHIPPED_YEAR)
    .select('id', 'year', 'definition')
  for (const row of rows) {
    let definition: Definition
    try {
      definition = JSON.parse(row.definition) as Definition
      if (definition.translations?.es) continue
      const spanish = spanishFor(definition, pairs)
      if (!spanish) continue
      definition.translations = { ...definition.translations, es: spanish }
    } catch {
      // Not a definition this can read: it is left as it is.
      continue
    }
    await knex('editions')
      .where({ id: row.id })
      .update({ definition: JSON.stringify(definition) })
  }
}

// Nothing to undo: code before this change reads no translations, and removing them would lose
// translations made since.
export async function down(): Promise<void> {}
