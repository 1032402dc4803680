import { describe, expect, it } from 'vitest'
import {
  emptyUsage,
  unsafeChanges,
  usageKey,
  type AnswerUsage,
} from '../../src/questionnaire/authoring/safeChanges'
import { fixtureDefinition } from './authoringFixtures'

const answered = (): AnswerUsage => ({
  responses: 12,
  questions: new Map([
    ['funding.activities', 9],
    ['funding.rating', 4],
  ]),
  options: new Map([
    [usageKey('funding.activities', 'options', 'idea_generation'), 7],
    [usageKey('funding.rating', 'scale', 'high'), 1],
  ]),
})

const activities = (definition: ReturnType<typeof fixtureDefinition>) => {
  const question = definition.sections[1].pages[0].questions[1]
  if (question.type !== 'multiple') throw new Error('fixture changed')
  return question
}

describe('safe changes once answers exist', () => {
  it('when the edition has no responses, then any change is allowed', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    after.sections.splice(1, 1)
    expect(unsafeChanges(before, after, emptyUsage())).toEqual([])
  })

  it('when wording changes and an option and a question are added, then it is allowed', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    activities(after).label = 'What does the funding pay for?'
    activities(after).options.push({ key: 'services', label: 'Paying for services' })
    after.sections[1].pages[0].questions.push({
      key: 'funding.amount',
      type: 'number',
      label: 'How much?',
      required: true,
      integer: true,
    })
    expect(unsafeChanges(before, after, answered())).toEqual([])
  })

  it('when an answered option is removed, then it is refused with the number of responses using it', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    activities(after).options.shift()
    const problems = unsafeChanges(before, after, answered())
    expect(problems).toHaveLength(1)
    expect(problems[0].message).toContain('Idea generation & brainstorming')
    expect(problems[0].message).toContain('used in 7 responses')
    expect(problems[0].message).toContain('no longer offered')
  })

  it('when an answered option is re-keyed, then it is refused like a removal', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    activities(after).options[0].key = 'ideas'
    expect(unsafeChanges(before, after, answered())).toHaveLength(1)
  })

  it('when an unanswered option or question is removed, then it is allowed', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    activities(after).options.splice(1, 1)
    after.sections[0].pages[0].questions.splice(1, 1)
    expect(unsafeChanges(before, after, answered())).toEqual([])
  })

  it('when an answered question is removed or re-keyed, then it is refused with its count', () => {
    const before = fixtureDefinition(2020)
    const removed = structuredClone(before)
    removed.sections[1].pages[0].questions.splice(1, 1)
    const rekeyed = structuredClone(before)
    activities(rekeyed).key = 'funding.uses'
    for (const after of [removed, rekeyed]) {
      const problems = unsafeChanges(before, after, answered())
      expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('answered in 9 responses')])
    }
  })

  it('when a rating scale point that answers use is removed, then it is refused (singular wording for one response)', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    const rating = after.sections[1].pages[0].questions[2]
    if (rating.type !== 'rating') throw new Error('fixture changed')
    rating.scale.push({ key: 'medium', label: 'Medium' })
    rating.scale.splice(1, 1)
    const problems = unsafeChanges(before, after, answered())
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('used in 1 response,')])
  })

  it('when an answered question changes type, then it is refused', () => {
    const before = fixtureDefinition(2020)
    const after = structuredClone(before)
    after.sections[1].pages[0].questions[1] = {
      key: 'funding.activities',
      type: 'text',
      label: 'Activities',
      required: true,
      maxLength: 200,
    }
    expect(unsafeChanges(before, after, answered())[0].message).toContain('type cannot change')
  })

  it('when "Other" is switched off while answers use it, then it is refused; unused, it may go', () => {
    const before = fixtureDefinition(2020)
    activities(before).other = true
    const after = structuredClone(before)
    activities(after).other = false
    const usage = answered()
    expect(unsafeChanges(before, after, usage)).toEqual([])
    usage.options.set(usageKey('funding.activities', 'options', 'other'), 3)
    expect(unsafeChanges(before, after, usage).map((p) => p.message)).toEqual([
      expect.stringContaining('used in 3 responses, so it cannot be switched off'),
    ])
  })

  it('when a single response uses a question, an option or "Other", then removing each is refused (one is enough)', () => {
    const one: AnswerUsage = {
      responses: 1,
      questions: new Map([['funding.activities', 1]]),
      options: new Map([
        [usageKey('funding.activities', 'options', 'idea_generation'), 1],
        [usageKey('funding.activities', 'options', 'other'), 1],
      ]),
    }
    const before = fixtureDefinition(2020)
    activities(before).other = true
    const removed = structuredClone(before)
    removed.sections[1].pages[0].questions.splice(1, 1)
    expect(unsafeChanges(before, removed, one).map((p) => p.message)).toEqual([
      expect.stringContaining('answered in 1 response,'),
    ])
    const trimmed = structuredClone(before)
    activities(trimmed).options = activities(trimmed).options.filter((o) => o.key !== 'idea_generation')
    activities(trimmed).other = false
    expect(unsafeChanges(before, trimmed, one).map((p) => p.path)).toEqual([
      'funding.activities.options.idea_generation',
      'funding.activities.other',
    ])
  })
})
