import { describe, expect, it } from 'vitest'
import { answerToRows, type Answers } from '../../src/questionnaire/answerCodec'
import { answerSections, diffAnswers, eventChanges } from '../../src/review/reviewModel'
import { everyTypeDefinition } from '../support/reviewFactories'

const definition = everyTypeDefinition()

describe('review model', () => {
  const before: Answers = new Map([
    ['q.yes', { type: 'yesno', choice: 'yes' }],
    ['q.multi', { type: 'multiple', choices: ['a', 'b'], notes: {} }],
    ['q.text', { type: 'text', value: 'Old mayor' }],
  ])
  const after: Answers = new Map([
    ['q.yes', { type: 'yesno', choice: 'yes' }],
    ['q.multi', { type: 'multiple', choices: ['a', 'b'], notes: {} }],
    ['q.text', { type: 'text', value: 'New mayor' }],
    ['q.count', { type: 'number', value: 3 }],
  ])

  it('when two versions differ, then exactly the changed questions are listed with before and after', () => {
    expect(diffAnswers(definition, before, after)).toEqual([
      { questionKey: 'q.count', label: 'How many?', before: [], after: ['3'] },
      { questionKey: 'q.text', label: 'Mayor', before: ['Old mayor'], after: ['New mayor'] },
    ])
  })

  it('when an event carries before/after as values, rows or maps, then the trail shows the same change', () => {
    const expected = [{ questionKey: 'q.text', label: 'Mayor', before: ['Old mayor'], after: ['New mayor'] }]
    const oldValue = before.get('q.text')!
    const newValue = after.get('q.text')!
    expect(
      eventChanges(definition, { questionKey: 'q.text', before: oldValue, after: newValue, reason: 'x' }),
    ).toEqual(expected)
    expect(
      eventChanges(definition, {
        changes: [
          {
            questionKey: 'q.text',
            before: answerToRows('q.text', oldValue),
            after: answerToRows('q.text', newValue),
          },
        ],
      }),
    ).toEqual(expected)
    expect(
      eventChanges(definition, {
        before: { 'q.text': oldValue, 'q.yes': before.get('q.yes') },
        after: { 'q.text': newValue, 'q.yes': before.get('q.yes') },
      }),
    ).toEqual(expected)
    expect(
      eventChanges(definition, {
        before: answerToRows('q.text', oldValue),
        after: answerToRows('q.text', newValue),
      }),
    ).toEqual(expected)
    expect(eventChanges(definition, undefined)).toEqual([])
  })

  it('when a page is hidden by an answer, then its questions are marked not visible', () => {
    const no: Answers = new Map([['q.yes', { type: 'yesno', choice: 'no' }]])
    const pages = answerSections(definition, no, []).flatMap((s) => s.pages)
    expect(pages.find((p) => p.key === 'p2')!.questions[0].visible).toBe(false)
    expect(pages.find((p) => p.key === 'p1')!.questions.find((x) => x.key === 'q.yes')!.lines).toEqual(['No'])
  })
})
