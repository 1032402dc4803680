import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { shippedDefinitions } from '../../src/questionnaire/definitions'

const root = path.resolve(__dirname, '../..')

/** Folders that may know the shipped questionnaire: the definitions themselves and the demo data made for them. */
const allowed = ['src/questionnaire/definitions/', 'src/cli/demo/']

/**
 * Keys that are also everyday words of the code, where a quoted match says nothing about the
 * questionnaire: "city" is the unit every page speaks of (a sentence placeholder, a sort column,
 * "1 city"), and "data" is an open-data file's name and a stream's event.
 */
const generic = new Set(['city', 'data'])

/** Every section, page, question and profile block key of the shipped definitions. */
function shippedKeys(): string[] {
  const keys = new Set<string>()
  for (const definition of shippedDefinitions) {
    for (const block of definition.profile?.blocks ?? []) keys.add(block.key)
    for (const section of definition.sections) {
      keys.add(section.key)
      for (const page of section.pages) {
        keys.add(page.key)
        for (const question of page.questions) keys.add(question.key)
      }
    }
  }
  return [...keys].filter((key) => !generic.has(key))
}

function filesUnder(folder: string, extensions: string[]): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !allowed.some((prefix) => file.startsWith(prefix)))
}

const escaped = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('the engine owes nothing to the shipped questionnaire', () => {
  it('when the code and views are read, then no key of the shipped definitions is written in them as a quoted string', () => {
    const keys = shippedKeys()
    expect(keys).toEqual(expect.arrayContaining(['city.spotlight', 'funding', 'spotlight', 'helping_to']))
    const quoted = new RegExp(`(['"\`])(${keys.map(escaped).join('|')})\\1`, 'g')
    const found: string[] = []
    for (const file of [...filesUnder('src', ['.ts']), ...filesUnder('views', ['.ejs'])]) {
      const lines = readFileSync(path.join(root, file), 'utf8').split('\n')
      lines.forEach((line, i) => {
        for (const match of line.matchAll(quoted)) found.push(`${file}:${i + 1} ${match[0]}`)
      })
    }
    expect(found).toEqual([])
  })
})
