import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  definitionSchema,
  questionSchema,
  type Definition,
  type Question,
  type QuestionType,
} from '../../src/questionnaire/definitionSchema'
import { answerToRows, rowsToAnswer } from '../../src/questionnaire/answerCodec'
import { displayAnswer } from '../../src/questionnaire/answerDisplay'
import {
  answerToFormValue,
  emptyFormValue,
  readFormValue,
  type FormValue,
} from '../../src/questionnaire/formCodec'
import { validatePage } from '../../src/questionnaire/pageValidation'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import { questionTypes, typeList } from '../../src/questionnaire/types'
import { dateText, isoDate } from '../../src/questionnaire/types/date'
import {
  buildQuestion,
  questionTypes as authoringTypes,
} from '../../src/questionnaire/authoring/questionForm'
import { exportColumns } from '../../src/review/exportColumns'
import { openDataColumns } from '../../src/profiles/openDataColumns'
import { aggregateCounter, answerSignature } from '../../src/profiles/aggregate'
import { editionCharts } from '../../src/profiles/editionCharts'
import { valueText } from '../../src/profiles/sentences'
import { byType } from '../../src/cli/demo/typeGenerators'
import { demoCities } from '../../src/cli/demo/demoCities'
import { rngFor } from '../../src/cli/demo/prng'

const schemaTypes = questionSchema.options.map((option) => option.shape.type.value)

describe('the registry of question types', () => {
  it('when the schema lists a type, then the registry has its module under that name, and nothing else', () => {
    expect(Object.keys(questionTypes).sort()).toEqual([...schemaTypes].sort())
    for (const [name, module] of Object.entries(questionTypes)) expect(module.type).toBe(name)
  })

  it('when a type names its view, then views/questions has it', () => {
    for (const module of typeList)
      expect(fs.existsSync(`views/questions/${module.view}.ejs`), module.view).toBe(true)
  })

  it('when authoring offers the types, then each has its own name, from its module', () => {
    expect(authoringTypes.map((t) => t.value).sort()).toEqual([...schemaTypes].sort())
    expect(new Set(authoringTypes.map((t) => t.text)).size).toBe(authoringTypes.length)
    expect(authoringTypes.find((t) => t.value === 'date')?.text).toBe('Date')
  })
})

const opened = questionSchema.parse({
  key: 'harbour.opened_on',
  type: 'date',
  label: 'When did the harbour open?',
  min: '1900-01-01',
  max: '2025-12-31',
}) as Extract<Question, { type: 'date' }>
const typed = (day: string, month: string, year: string): FormValue => ({
  ...emptyFormValue(),
  cells: { day, month, year },
})
const check = (value: FormValue, complete = true, question: Question = opened) =>
  validatePage([question], { [question.key]: value }, { year: 2026, complete })

describe('the date type', () => {
  it('when a date is stored and read back, then it is one row with the ISO date as text', () => {
    const rows = answerToRows(opened.key, { type: 'date', value: '1931-09-07' })
    expect(rows).toEqual([
      { questionKey: opened.key, optionKey: '', text: '1931-09-07', number: null, note: null },
    ])
    expect(rowsToAnswer(opened, rows)).toEqual({ type: 'date', value: '1931-09-07' })
  })

  it('when the form is read and filled again, then day, month and year are its three boxes, written without leading zeros', () => {
    const body = {
      'harbour-opened_on--day': '7',
      'harbour-opened_on--month': ['09'],
      'harbour-opened_on--year': '1931',
    }
    expect(readFormValue(opened, body, 2026).cells).toEqual({ day: '7', month: '09', year: '1931' })
    expect(answerToFormValue(opened, { type: 'date', value: '1931-09-07' }).cells).toEqual({
      day: '7',
      month: '9',
      year: '1931',
    })
    // An answer of another type (the definition changed) fills nothing in.
    expect(answerToFormValue(opened, { type: 'year', value: 1931 }).cells).toEqual({})
  })

  it('when a real date within the bounds is typed, then the answer is its ISO date', () => {
    expect(check(typed(' 7 ', '09', '1931'))).toEqual({
      ok: true,
      answers: new Map([[opened.key, { type: 'date', value: '1931-09-07' }]]),
    })
    expect(check(typed('29', '2', '2024'))).toMatchObject({ ok: true })
    expect(check(typed('1', '1', '1900'))).toMatchObject({ ok: true })
    expect(check(typed('31', '12', '2025'))).toMatchObject({ ok: true })
  })

  it('when nothing is typed, then it is required to continue and blank to come back later', () => {
    expect(check(typed('', '', ''))).toEqual({
      ok: false,
      errors: [{ href: '#harbour-opened_on--day', text: 'Enter a date for “When did the harbour open”' }],
    })
    expect(check(typed('', '', ''), false)).toEqual({ ok: true, answers: new Map([[opened.key, undefined]]) })
  })

  it('when a box is missing, not a number or the day does not exist, then the message says which and links to it', () => {
    const error = (value: FormValue) => {
      const result = check(value, false)
      return result.ok ? undefined : result.errors[0]
    }
    const subject = 'The answer to “When did the harbour open”'
    expect(error(typed('7', '', '1931'))).toEqual({
      href: '#harbour-opened_on--month',
      text: `${subject} must include a month`,
    })
    expect(error(typed('7', '9', ''))).toEqual({
      href: '#harbour-opened_on--year',
      text: `${subject} must include a year`,
    })
    expect(error(typed('7', 'Sept', '1931'))?.href).toBe('#harbour-opened_on--month')
    expect(error(typed('7', '9', '31'))?.href).toBe('#harbour-opened_on--year')
    expect(error(typed('x', '9', '1931'))).toEqual({
      href: '#harbour-opened_on--day',
      text: `${subject} must be a real date, like 27 3 2024`,
    })
    expect(error(typed('29', '2', '2023'))?.href).toBe('#harbour-opened_on--day')
    expect(error(typed('31', '4', '2020'))?.href).toBe('#harbour-opened_on--day')
    expect(error(typed('1', '13', '2020'))?.href).toBe('#harbour-opened_on--month')
  })

  it('when a date is outside the bounds, then the message gives them as dates', () => {
    const text = (value: FormValue, question: Question = opened) => {
      const result = check(value, true, question)
      return result.ok ? undefined : result.errors[0].text
    }
    const subject = 'The answer to “When did the harbour open”'
    expect(text(typed('31', '12', '1899'))).toBe(
      `${subject} must be between 1 January 1900 and 31 December 2025`,
    )
    expect(text(typed('1', '1', '2026'))).toBe(
      `${subject} must be between 1 January 1900 and 31 December 2025`,
    )
    const after = questionSchema.parse({ ...opened, max: undefined })
    expect(text(typed('31', '12', '1899'), after)).toBe(`${subject} must be 1 January 1900 or later`)
    const before = questionSchema.parse({ ...opened, min: undefined })
    expect(text(typed('1', '1', '2026'), before)).toBe(`${subject} must be 31 December 2025 or earlier`)
    const worded = questionSchema.parse({ ...opened, messages: { max: 'Not after {max}, please' } })
    expect(text(typed('1', '1', '2026'), worded)).toBe('Not after 31 December 2025, please')
  })

  it('when it is shown, then the date is in words, in check answers and in profile sentences alike', () => {
    expect(displayAnswer(opened, { type: 'date', value: '1931-09-07' })).toEqual(['7 September 1931'])
    expect(valueText(opened, { type: 'date', value: '2024-03-27' })).toBe('27 March 2024')
    expect(displayAnswer(opened, { type: 'year', value: 1931 })).toEqual([])
    expect(dateText('2024-12-01')).toBe('1 December 2024')
    expect(isoDate(29, 2, 2023)).toBeUndefined()
    expect(isoDate(5, 6, 2024)).toBe('2024-06-05')
  })

  it('when the definition gives bounds, then they must be real dates written YYYY-MM-DD', () => {
    for (const bad of ['2024-02-30', '2024/01/01', '27-03-2024', '2024-3-7'])
      expect(questionSchema.safeParse({ ...opened, min: bad }).success, bad).toBe(false)
    expect(questionSchema.safeParse({ ...opened, min: '2024-02-29' }).success).toBe(true)
  })

  it('when the earliest date is after the latest, then the definition is refused at the earliest, and numbers still compare as numbers', () => {
    const problems = (question: object) => {
      const result = validateDefinition(
        {
          year: 2026,
          title: 'Harbours',
          sections: [{ key: 's', title: 'S', pages: [{ key: 'p', title: 'P', questions: [question] }] }],
        },
        { knownYears: [2026] },
      )
      return result.ok ? [] : result.problems.map((p) => [p.path, p.message])
    }
    expect(problems({ ...opened, min: '2025-12-31', max: '2025-01-01' })).toEqual([
      [
        'sections.0.pages.0.questions.0.min',
        'the minimum (2025-12-31) is greater than the maximum (2025-01-01)',
      ],
    ])
    expect(problems({ ...opened, min: '2025-01-01', max: '2025-01-01' })).toEqual([])
    // 9 < 10, though "9" > "10" as text.
    expect(problems({ key: 'n', type: 'number', label: 'N', min: 9, max: 10 })).toEqual([])
    expect(problems({ key: 'n', type: 'number', label: 'N', min: 10, max: 9 })).toHaveLength(1)
  })

  const definition: Definition = definitionSchema.parse({
    year: 2026,
    title: 'Harbours',
    sections: [{ key: 's', title: 'S', pages: [{ key: 'p', title: 'P', questions: [opened] }] }],
  })

  it('when exported, then it is one column of ISO dates in both the review export and the open data', () => {
    for (const columns of [exportColumns(definition), openDataColumns(definition)]) {
      expect(columns.map((c) => [c.name, c.type, c.values])).toEqual([
        ['harbour.opened_on', 'date', 'Date as YYYY-MM-DD'],
      ])
      expect(columns[0].read({ type: 'date', value: '1931-09-07' })).toBe('1931-09-07')
      expect(columns[0].read(undefined)).toBeNull()
      expect(columns[0].read({ type: 'year', value: 1931 })).toBeNull()
    }
  })

  it('when counted, then cities count by year, and only the same day is the same answer', () => {
    const counter = aggregateCounter(definition)
    const dates = ['1931-09-07', '1931-01-02', '1950-05-05', '1931-09-07', '1899-12-31']
    dates.forEach((value, cityId) =>
      counter.add({ cityId, year: 2026, answers: new Map([[opened.key, { type: 'date', value }]]) }),
    )
    const aggregate = counter.questions[opened.key]
    expect(aggregate.answered).toBe(5)
    expect(aggregate.counts).toEqual({ '1899': 1, '1931': 3, '1950': 1 })
    expect(aggregate.signatures['1931-09-07']).toBe(2)
    expect(answerSignature({ type: 'date', value: '1931-01-02' })).toBe('1931-01-02')

    const charts = editionCharts(definition, counter.basis('approved', 5), counter.questions)
    const chart = charts[opened.key]
    expect(chart.title).toBe('When did the harbour open?')
    expect(chart.rows.map((row) => [row.label, row.count, row.share])).toEqual([
      ['1899', 1, 20],
      ['1931', 3, 60],
      ['1950', 1, 20],
    ])
    // Below the disclosure threshold nothing is drawn.
    expect(editionCharts(definition, counter.basis('approved', 6), counter.questions)).toEqual({})
  })

  it('when the demo answers it, then each city gets a date within the bounds, the same every time', () => {
    const answer = (city: (typeof demoCities)[number], question: Question = opened) =>
      byType(question, {
        year: 2026,
        city,
        answers: new Map(),
        rng: rngFor(2026, city.slug, question.key),
        position: () => 0.1,
      })
    const values = demoCities.slice(0, 40).map((city) => answer(city))
    for (const value of values) {
      expect(value?.type).toBe('date')
      const iso = value?.type === 'date' ? value.value : ''
      expect(iso >= '1900-01-01' && iso <= '2025-12-31', iso).toBe(true)
      expect(isoDate(Number(iso.slice(8)), Number(iso.slice(5, 7)), Number(iso.slice(0, 4)))).toBe(iso)
    }
    expect(new Set(values.map((v) => (v?.type === 'date' ? v.value : ''))).size).toBeGreaterThan(30)
    expect(answer(demoCities[0])).toEqual(values[0])
    const unbounded = questionSchema.parse({ ...opened, min: undefined, max: undefined })
    const recent = answer(demoCities[0], unbounded)
    expect(recent?.type === 'date' && recent.value >= '2016-01-01' && recent.value <= '2025-12-31').toBe(true)
  })

  it('when authoring adds or changes one, then its earliest and latest dates are kept as written', () => {
    const { question, errors } = buildQuestion({
      type: 'date',
      key: 'harbour.opened_on',
      label: 'When did the harbour open?',
      required: 'true',
      min: '1900-01-01',
      max: '',
      integer: 'true',
    })
    expect(errors).toEqual([])
    expect(question).toMatchObject({ type: 'date', min: '1900-01-01' })
    expect(question).not.toHaveProperty('max')
    expect(question).not.toHaveProperty('integer')
    expect(questionSchema.safeParse(question).success).toBe(true)
  })
})

describe('every type through its module', () => {
  it('when a question of each type is answered by the demo and stored, then it reads back the same and shows as text', () => {
    const questions: Record<QuestionType, unknown> = {
      yesno: { type: 'yesno' },
      single: { type: 'single', options: [{ key: 'a', label: 'A' }], other: true },
      multiple: {
        type: 'multiple',
        options: [
          { key: 'a', label: 'A' },
          { key: 'b', label: 'B' },
        ],
        notes: true,
      },
      rating: {
        type: 'rating',
        options: [{ key: 'a', label: 'A' }],
        scale: [
          { key: 'lo', label: 'Lo' },
          { key: 'hi', label: 'Hi' },
        ],
      },
      ranking: {
        type: 'ranking',
        options: [
          { key: 'a', label: 'A' },
          { key: 'b', label: 'B' },
        ],
      },
      matrix: {
        type: 'matrix',
        options: [{ key: 'a', label: 'A' }],
        columns: [
          { key: 'x', label: 'X' },
          { key: 'y', label: 'Y' },
        ],
      },
      number: { type: 'number', min: 3, max: 9 },
      year: { type: 'year' },
      date: { type: 'date' },
      text: { type: 'text' },
      longtext: { type: 'longtext' },
      url: { type: 'url' },
      textList: { type: 'textList' },
    }
    for (const [type, fields] of Object.entries(questions)) {
      const question = questionSchema.parse({
        key: `q.${type.toLowerCase()}`,
        label: `Question ${type}`,
        ...(fields as object),
      })
      const city = demoCities[3]
      const answer = byType(question, {
        year: 2026,
        city,
        answers: new Map(),
        rng: rngFor(2026, city.slug, question.key),
        position: () => 0.01,
      })
      expect(answer?.type, type).toBe(type)
      if (!answer) continue
      expect(rowsToAnswer(question, answerToRows(question.key, answer)), type).toEqual(answer)
      expect(displayAnswer(question, answer).length, type).toBeGreaterThan(0)
      // What the form shows for it is valid, and stands for the same answer.
      const result = validatePage(
        [question],
        { [question.key]: answerToFormValue(question, answer) },
        { year: 2026, complete: true },
      )
      expect(result, type).toEqual({ ok: true, answers: new Map([[question.key, answer]]) })
    }
  })
})

describe('the multiple-choice type', () => {
  const areas = questionSchema.parse({
    key: 'policy_areas',
    type: 'multiple',
    label: 'Policy areas',
    maxChoices: 2,
    options: [
      { key: 'health', label: 'Health' },
      { key: 'waste', label: 'Waste' },
      { key: 'culture', label: 'Culture' },
      { key: 'none', label: 'None of these', exclusive: true },
    ],
  })
  const chosen = (...choices: string[]) =>
    validatePage([areas], { [areas.key]: { ...emptyFormValue(), choices } }, { year: 2026, complete: true })

  it('when "None of these" is chosen alone or up to the most choices are, then the choices are the answer', () => {
    expect(chosen('none')).toEqual({
      ok: true,
      answers: new Map([[areas.key, { type: 'multiple', choices: ['none'], notes: {} }]]),
    })
    expect(chosen('waste', 'health')).toEqual({
      ok: true,
      answers: new Map([[areas.key, { type: 'multiple', choices: ['health', 'waste'], notes: {} }]]),
    })
  })

  it('when "None of these" comes with another choice, or more than the most choices are made, then each is refused with its message', () => {
    expect(chosen('health', 'none')).toEqual({
      ok: false,
      errors: [
        {
          href: '#policy_areas--none',
          text: 'Select either “None of these” or other answers for “Policy areas”, not both',
        },
      ],
    })
    expect(chosen('health', 'waste', 'culture')).toEqual({
      ok: false,
      errors: [{ href: '#policy_areas', text: 'Select no more than 2 answers for “Policy areas”' }],
    })
  })
})
