import { describe, expect, it } from 'vitest'
import type { Answers, AnswerValue } from '../../src/questionnaire/answerCodec'
import {
  codebookRows,
  exportColumns,
  exportRow,
  headerRow,
  metaColumns,
  type CityMeta,
} from '../../src/review/exportColumns'
import { neutralise } from '../../src/questionnaire/answerColumns'
import { everyTypeDefinition } from '../support/reviewFactories'
import { parsedDefinition } from './helpers/definitions'

const meta: CityMeta = {
  slug: 'testville-tst',
  name: 'Testville',
  country: 'Testland',
  iso3: 'TST',
  region: 'Europe',
  status: 'approved',
  submittedAt: null,
  approvedAt: '2020-01-01T00:00:00.000Z',
}

const answers: Answers = new Map<string, AnswerValue>([
  ['q.yes', { type: 'yesno', choice: 'yes' }],
  ['q.single', { type: 'single', choice: 'other', other: 'Something else' }],
  ['q.multi', { type: 'multiple', choices: ['b', 'other'], other: 'More', notes: { b: 'A note' } }],
  ['q.count', { type: 'number', value: -5 }],
  ['q.rate', { type: 'rating', cells: { x: 'high' } }],
  ['q.rank', { type: 'ranking', order: ['z', 'x', 'y'] }],
  ['q.grid', { type: 'matrix', cells: { r1: 'c2', r2: 'c1' } }],
  ['q.names', { type: 'textList', values: ['Ann', 'Bo'] }],
  ['q.text', { type: 'text', value: '=HYPERLINK("http://x")' }],
])

describe('export columns', () => {
  const columns = exportColumns(everyTypeDefinition())
  const row = (a: Answers) =>
    Object.fromEntries(headerRow(columns).map((name, i) => [name, exportRow(columns, meta, a)[i]]))

  it('when a definition has every question type, then each gets its stable-key columns in reading order', () => {
    expect(columns.map((c) => c.name)).toEqual([
      'q.yes',
      'q.why',
      'q.single',
      'q.single.other',
      'q.multi.a',
      'q.multi.b',
      'q.multi.other',
      'q.multi.a.note',
      'q.multi.b.note',
      'q.multi.other.note',
      'q.count',
      'q.rate.x',
      'q.rate.y',
      'q.rank.x',
      'q.rank.y',
      'q.rank.z',
      'q.grid.r1',
      'q.grid.r2',
      'q.year',
      'q.url',
      'q.names',
      'q.text',
    ])
    expect(headerRow(columns).slice(0, metaColumns.length)).toEqual([
      'city_slug',
      'city_name',
      'country',
      'iso3',
      'region',
      'response_status',
      'submitted_at',
      'approved_at',
    ])
  })

  it('when an option is not offered in the edition year, then it has no column', () => {
    expect(columns.some((c) => c.name === 'q.multi.old')).toBe(false)
    expect(exportColumns(everyTypeDefinition(2018)).some((c) => c.name === 'q.multi.old')).toBe(true)
  })

  it('when a city answered, then each cell holds the option key, 0/1, rank, number or text', () => {
    expect(row(answers)).toMatchObject({
      city_slug: 'testville-tst',
      'q.yes': 'yes',
      'q.why': null,
      'q.single': 'other',
      'q.single.other': 'Something else',
      'q.multi.a': 0,
      'q.multi.b': 1,
      'q.multi.other': 'More',
      'q.multi.b.note': 'A note',
      'q.multi.a.note': null,
      'q.count': -5,
      'q.rate.x': 'high',
      'q.rate.y': null,
      'q.rank.z': 1,
      'q.rank.x': 2,
      'q.rank.y': 3,
      'q.grid.r1': 'c2',
      'q.grid.r2': 'c1',
      'q.names': 'Ann | Bo',
      'q.year': null,
    })
  })

  it('when a multiple-choice question is unanswered, then its option cells are empty rather than 0', () => {
    expect(row(new Map())).toMatchObject({ 'q.multi.a': null, 'q.multi.b': null, 'q.multi.other': null })
  })

  it('when text starts with = + - @ tab or CR, then it is prefixed with an apostrophe, and numbers are left alone', () => {
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralise(dangerous)).toBe(`'${dangerous}`)
    expect(neutralise('Plain text')).toBe('Plain text')
    expect(neutralise(-5)).toBe(-5)
    expect(neutralise(null)).toBe(null)
  })

  it('when the codebook is built, then every column has its question, type and value labels', () => {
    const book = codebookRows(columns)
    expect(book).toHaveLength(metaColumns.length + columns.length)
    expect(book.find((r) => r[0] === 'q.grid.r1')).toEqual([
      'q.grid.r1',
      'q.grid',
      'Grid',
      'matrix',
      'R1: c1 = C1; c2 = C2',
    ])
    expect(book.find((r) => r[0] === 'q.multi.b')?.[4]).toBe('1 = chosen, 0 = not chosen: B')
    expect(book.find((r) => r[0] === 'q.single')?.[4]).toBe('a = A; b = B; other = Other (please specify)')
  })

  it('when the shipped 2020 questionnaire is exported, then column names are unique', () => {
    const names = exportColumns(parsedDefinition(2020)).map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toContain('data.availability.economic_development')
  })
})
