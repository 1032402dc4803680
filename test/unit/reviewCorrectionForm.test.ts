import { describe, expect, it } from 'vitest'
import { formValues, parseCorrection } from '../../src/review/correctionForm'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { everyTypeDefinition } from '../support/reviewFactories'
import { questionOf } from './helpers/definitions'

const definition = everyTypeDefinition()
const q = (key: string) => questionOf(definition, key)

describe('correction form', () => {
  it('when an answer of each type is shown in the form and sent back, then it parses to the same answer', () => {
    const values: Array<[string, AnswerValue]> = [
      ['q.yes', { type: 'yesno', choice: 'no' }],
      ['q.single', { type: 'single', choice: 'other', other: 'Else' }],
      ['q.multi', { type: 'multiple', choices: ['a', 'other'], other: 'More', notes: { a: 'Why a' } }],
      ['q.count', { type: 'number', value: 12 }],
      ['q.rate', { type: 'rating', cells: { x: 'low', y: 'high' } }],
      ['q.rank', { type: 'ranking', order: ['y', 'z', 'x'] }],
      ['q.grid', { type: 'matrix', cells: { r2: 'c1' } }],
      ['q.year', { type: 'year', value: 2015 }],
      ['q.url', { type: 'url', value: 'https://example.org/x' }],
      ['q.names', { type: 'textList', values: ['Ann', 'Bo'] }],
      ['q.text', { type: 'text', value: 'Mayor Name' }],
    ]
    for (const [key, value] of values)
      expect(parseCorrection(q(key), formValues(value)), key).toEqual({ value, errors: [] })
  })

  it('when the form is empty, then the answer is cleared', () => {
    for (const key of ['q.yes', 'q.multi', 'q.count', 'q.rate', 'q.rank', 'q.names', 'q.text'])
      expect(parseCorrection(q(key), {}).value).toBeUndefined()
  })

  it('when values are wrong, then each field gets its own message', () => {
    expect(parseCorrection(q('q.yes'), { answer: 'maybe' }).errors).toEqual([
      { href: '#answer', text: 'Select one of the options' },
    ])
    expect(parseCorrection(q('q.single'), { answer: 'other', other: ' ' }).errors[0].href).toBe('#other')
    expect(parseCorrection(q('q.count'), { answer: '12.5' }).errors[0].text).toBe('Enter a whole number')
    expect(parseCorrection(q('q.count'), { answer: '1001' }).errors[0].text).toBe(
      'Enter a number of 1000 or less',
    )
    expect(parseCorrection(q('q.rank'), { 'rank-x': '1', 'rank-y': '1' }).errors[0].href).toBe('#rank-y')
    expect(parseCorrection(q('q.rate'), { 'cell-x': 'medium' }).errors[0].href).toBe('#cell-x')
    expect(parseCorrection(q('q.url'), { answer: 'not a url' }).errors[0].href).toBe('#answer')
    expect(parseCorrection(q('q.multi'), { answer: ['a', 'nope'] }).errors[0].text).toBe(
      'Select from the options shown',
    )
  })
})
