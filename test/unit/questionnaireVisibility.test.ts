import { describe, expect, it } from 'vitest'
import type { Answers } from '../../src/questionnaire/answerCodec'
import { conditionHolds } from '../../src/questionnaire/visibility'

const answers: Answers = new Map([
  ['areas', { type: 'multiple', choices: ['health', 'transport'], notes: {} }],
  ['approach', { type: 'single', choice: 'both' }],
  ['funding', { type: 'yesno', choice: 'yes' }],
  ['staff', { type: 'number', value: 5 }],
])

describe('conditions on earlier answers', () => {
  it('when a condition names options, then it holds if the earlier answer chose one of them, ticked among several or chosen alone', () => {
    expect(conditionHolds({ question: 'areas', anyOf: ['housing', 'transport'] }, answers)).toBe(true)
    expect(conditionHolds({ question: 'areas', anyOf: ['housing'] }, answers)).toBe(false)
    expect(conditionHolds({ question: 'approach', anyOf: ['both'] }, answers)).toBe(true)
    expect(conditionHolds({ question: 'funding', anyOf: ['yes'] }, answers)).toBe(true)
    expect(conditionHolds({ question: 'funding', anyOf: ['no'] }, answers)).toBe(false)
  })

  it('when the earlier question is unanswered or has no options, then the condition does not hold; with no condition, it does', () => {
    expect(conditionHolds({ question: 'budget', anyOf: ['yes'] }, answers)).toBe(false)
    expect(conditionHolds({ question: 'staff', anyOf: ['5'] }, answers)).toBe(false)
    expect(conditionHolds(undefined, answers)).toBe(true)
  })
})
