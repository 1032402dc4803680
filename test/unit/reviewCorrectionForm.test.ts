import { describe, expect, it } from 'vitest'
import { parseCorrection } from '../../src/review/correctionForm'
import { fieldId } from '../../src/questionnaire/formCodec'
import { allQuestions } from '../../src/questionnaire/definitionModel'
import { everyTypeDefinition } from '../support/reviewFactories'
import { validFields } from '../support/collectionFactories'
import { questionOf } from './helpers/definitions'

const definition = everyTypeDefinition()
const q = (key: string) => questionOf(definition, key)

describe('correction form', () => {
  it('when an answer of any type is sent with the officer form’s fields, then it parses to an answer of that type', () => {
    for (const { question } of allQuestions(definition)) {
      const parsed = parseCorrection(question, validFields(question, definition.year), definition.year)
      expect(parsed.errors, question.key).toEqual([])
      expect(parsed.value?.type, question.key).toBe(question.type)
    }
  })

  it('when the form is empty or "remove this answer" is ticked, then the answer is cleared even if required', () => {
    expect(parseCorrection(q('q.text'), {}, 2020)).toEqual({ value: undefined, errors: [] })
    expect(parseCorrection(q('q.count'), { [fieldId('q.count')]: '5', clear: 'yes' }, 2020)).toEqual({
      value: undefined,
      errors: [],
    })
  })

  it('when a value is wrong, then the officer journey’s message is given for that field', () => {
    const tooMany = parseCorrection(q('q.count'), { [fieldId('q.count')]: '1001' }, 2020)
    expect(tooMany.value).toBeUndefined()
    expect(tooMany.errors[0].href).toBe(`#${fieldId('q.count')}`)
    expect(parseCorrection(q('q.count'), { [fieldId('q.count')]: '12' }, 2020).value).toEqual({
      type: 'number',
      value: 12,
    })
  })
})
