import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import { definitionTexts, localiseDefinition } from '../../src/questionnaire/definitionTexts'
import { innovationCapacity2018 } from '../../src/questionnaire/definitions'
import {
  readTranslationFile,
  translationCsv,
  translationRows,
  translationXlsx,
} from '../../src/questionnaire/authoring/translationFile'
import { checkTranslationRows } from '../../src/questionnaire/authoring/translationUpload'

const fresh = (): Definition => definitionSchema.parse(innovationCapacity2018)
const label = 'question.funding.has_dedicated.label'
const sentence = 'question.funding.has_dedicated.profile.sentence.1'

/** What a translator does to a downloaded CSV: fills the translation column of some rows. */
function fillCsv(csv: string, fill: Record<string, string>): Buffer {
  const [heading, ...rows] = parse(csv, { bom: true }) as string[][]
  const filled = rows.map(([key, where, english, translation]) => [
    key,
    where,
    english,
    fill[key] ?? translation,
  ])
  return Buffer.from(stringify([heading, ...filled]))
}

describe('a translation file', () => {
  it('has a row per text with its key, where, English and translation', () => {
    const definition = fresh()
    definition.translations = { es: { title: 'Encuesta 2018' } }
    const [heading, first, ...rest] = parse(translationCsv(translationRows(definition, 'es')), {
      bom: true,
    }) as string[][]
    expect(heading).toEqual(['key', 'where', 'English', 'translation'])
    expect(first).toEqual(['title', 'The questionnaire', definition.title, 'Encuesta 2018'])
    expect(rest).toHaveLength(definitionTexts(definition).length - 1)
  })

  it('when downloaded, filled in and uploaded again (CSV), then the definition reads as filled in', async () => {
    const definition = fresh()
    const csv = translationCsv(translationRows(definition, 'es'))
    const fill = {
      title: 'Encuesta 2018',
      [label]: '¿Financiación específica?',
      [sentence]: 'Como el {share}, {city} la tiene.',
    }
    const read = await readTranslationFile(fillCsv(csv, fill))
    if (!read.ok) throw new Error(read.message)
    const checked = checkTranslationRows(definition, read.rows)
    expect(checked).toEqual({ ok: true, translations: fill, warnings: [] })
    definition.translations = { es: checked.ok ? checked.translations : {} }
    const spanish = localiseDefinition(definition, 'es')
    expect(spanish.title).toBe('Encuesta 2018')
    const question = spanish.sections
      .flatMap((s) => s.pages)
      .flatMap((p) => p.questions)
      .find((q) => q.key === 'funding.has_dedicated')
    expect(question?.label).toBe('¿Financiación específica?')
    expect(question?.profile?.sentences?.[0].text).toBe('Como el {share}, {city} la tiene.')
  })

  it('when downloaded and uploaded as an Excel workbook, then the translations come back the same', async () => {
    const definition = fresh()
    definition.translations = { es: { title: 'Encuesta «2018»', [label]: 'Línea uno\nlínea dos' } }
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await translationXlsx(translationRows(definition, 'es'), 'es')) as unknown as ArrayBuffer,
    )
    expect(workbook.worksheets[0].getRow(1).values).toEqual([
      undefined,
      'key',
      'where',
      'English',
      'translation',
    ])
    const read = await readTranslationFile(await translationXlsx(translationRows(definition, 'es'), 'es'))
    if (!read.ok) throw new Error(read.message)
    expect(read.rows).toHaveLength(definitionTexts(definition).length)
    expect(checkTranslationRows(definition, read.rows)).toEqual({
      ok: true,
      translations: definition.translations.es,
      warnings: [],
    })
  })

  it('when rows are wrong, then every problem is listed with its line, and the English changed is a warning', async () => {
    const definition = fresh()
    const file = stringify([
      ['key', 'where', 'English', 'translation'],
      ['title', '', 'An older title', 'Encuesta'],
      ['question.gone.label', 'Question gone', 'Gone', 'Desaparecida'],
      [sentence, '', '', 'Como el {share} de las ciudades.'],
      ['title', '', '', 'Otra vez'],
      ['', '', '', 'Sin clave'],
      [label, '', '', ''],
    ])
    const read = await readTranslationFile(Buffer.from(file))
    if (!read.ok) throw new Error(read.message)
    const checked = checkTranslationRows(definition, read.rows)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.problems.map((p) => [p.line, p.key])).toEqual([
      [3, 'question.gone.label'],
      [4, sentence],
      [5, 'title'],
      [6, ''],
    ])
    expect(checked.problems[1].message).toContain('leaves out {city}')
    expect(checked.problems[2].message).toContain('also on line 2')
    expect(checked.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        key: 'title',
        message: expect.stringContaining(`it now reads “${definition.title}”`),
      }),
    ])
  })

  it('when the file is not a translation file, then it says which columns it needs', async () => {
    expect(await readTranslationFile(Buffer.from('name,email\nAda,ada@example.org\n'))).toEqual({
      ok: false,
      message: expect.stringContaining('“key” and “translation”'),
    })
    expect(await readTranslationFile(Buffer.from('PK\u0003\u0004 not really a workbook'))).toEqual({
      ok: false,
      message: expect.stringContaining('could not be read'),
    })
  })
})
