import { describe, expect, it } from 'vitest'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import {
  addOption,
  removeOption,
  retireOption,
  updateOption,
} from '../../src/questionnaire/authoring/optionEdits'
import {
  addQuestion,
  moveQuestion,
  removeQuestion,
  updateQuestion,
} from '../../src/questionnaire/authoring/questionEdits'
import {
  addPage,
  addSection,
  moveSection,
  removePage,
  removeSection,
} from '../../src/questionnaire/authoring/sectionEdits'
import { problemsToErrors } from '../../src/questionnaire/authoring/formValues'
import { questionToValues } from '../../src/questionnaire/authoring/questionForm'
import { locateQuestion } from '../../src/questionnaire/authoring/locate'
import type { EditOutcome } from '../../src/questionnaire/authoring/editOutcome'
import type { Definition } from '../../src/questionnaire/definitionSchema'
import { fixtureDefinition } from './authoringFixtures'

const context = { knownYears: [2018, 2020] }

/** Validates the draft as the service does and maps its problems to the form's fields. */
function fieldErrors(draft: Definition, outcome: EditOutcome) {
  const result = validateDefinition(draft, context)
  if (result.ok) return []
  return problemsToErrors(result.problems, outcome.fieldFor ?? (() => undefined), {
    field: 'key',
    describe: (p) => p,
  })
}

describe('editing a questionnaire', () => {
  it('when an option is added with a label only, then its key is made from the label and the summary names it', () => {
    const draft = fixtureDefinition(2020)
    const outcome = addOption(draft, 'funding.activities', 'options', {
      key: 'services',
      label: 'Paying for services',
      availability: 'all',
    })
    expect(outcome.summary).toBe('Added option “Paying for services” to funding.activities')
    expect(validateDefinition(draft, context).ok).toBe(true)
  })

  it('when an option repeats a key and offers an unknown edition, then both problems land on their fields', () => {
    const draft = fixtureDefinition(2020)
    const outcome = addOption(draft, 'funding.activities', 'options', {
      key: 'idea_generation',
      label: 'Again',
      availability: 'some',
      availableIn: ['2019'],
    })
    expect(fieldErrors(draft, outcome)).toEqual([
      {
        href: '#key',
        text: "Option 5 'Again' has the key \"idea_generation\", already used by option 1 'Idea generation & brainstorming'",
      },
      {
        href: '#availableIn',
        text: "Option 5 'Again' (idea_generation) is offered in 2019, but there is no 2019 edition",
      },
    ])
  })

  it('when a question is edited, then the form round-trips and the summary lists what changed', () => {
    const draft = fixtureDefinition(2020)
    const values = questionToValues(locateQuestion(draft, 'funding.activities').question)
    const outcome = updateQuestion(draft, 'funding.activities', {
      ...values,
      hint: 'Select all that apply',
      maxChoices: '3',
    })
    expect(outcome.summary).toBe('Changed question funding.activities (hint, maxChoices)')
    const question = locateQuestion(draft, 'funding.activities').question
    expect(question).toMatchObject({
      hint: 'Select all that apply',
      maxChoices: 3,
      condition: { question: 'funding.has_dedicated', anyOf: ['yes'] },
    })
  })

  it('when a question form has an empty label, a bad number and a condition without answers, then each field gets its message', () => {
    const draft = fixtureDefinition(2020)
    const values = questionToValues(locateQuestion(draft, 'funding.activities').question)
    const outcome = updateQuestion(draft, 'funding.activities', {
      ...values,
      label: '',
      conditionAnswers: [],
    })
    expect(fieldErrors(draft, outcome).map((e) => e.href)).toEqual(['#label', '#conditionAnswers'])
    const bad = updateQuestion(fixtureDefinition(2020), 'funding.activities', {
      ...values,
      maxChoices: 'three',
    })
    expect(bad.errors).toEqual([{ href: '#maxChoices', text: 'Enter the most choices as a number, like 10' }])
  })

  it('when profile presentation is edited, then sentences, section and chart are stored', () => {
    const draft = fixtureDefinition(2020)
    const values = questionToValues(locateQuestion(draft, 'funding.has_dedicated').question)
    updateQuestion(draft, 'funding.has_dedicated', {
      ...values,
      profileSection: 'funding',
      profileDisplay: 'sentence',
      profileSentences:
        'equals=yes | Like {share} of cities surveyed, {city} has dedicated funding.\n{city} has no dedicated funding.',
      profileChart: 'true',
      profileChartTitle: 'Funding by number of cities',
    })
    expect(locateQuestion(draft, 'funding.has_dedicated').question.profile).toEqual({
      section: 'funding',
      display: 'sentence',
      sentences: [
        { when: { equals: 'yes' }, text: 'Like {share} of cities surveyed, {city} has dedicated funding.' },
        { text: '{city} has no dedicated funding.' },
      ],
      chart: { title: 'Funding by number of cities' },
    })
    expect(validateDefinition(draft, context).ok).toBe(true)
  })

  it('when a question is added to a page and another moved, then the order follows', () => {
    const draft = fixtureDefinition(2020)
    addQuestion(draft, 'funding.main', {
      key: 'funding.amount',
      type: 'number',
      label: 'How much?',
      required: 'true',
      integer: 'true',
      min: '0',
    })
    moveQuestion(draft, 'funding.amount', 'up')
    expect(draft.sections[1].pages[0].questions.map((q) => q.key)).toEqual([
      'funding.has_dedicated',
      'funding.activities',
      'funding.amount',
      'funding.rating',
    ])
    expect(validateDefinition(draft, context).ok).toBe(true)
  })

  it('when a new choice question has no options, then the options field says so', () => {
    const draft = fixtureDefinition(2020)
    const outcome = addQuestion(draft, 'funding.main', {
      key: 'funding.kinds',
      type: 'single',
      label: 'Which kind?',
      newOptions: '',
    })
    expect(fieldErrors(draft, outcome)).toEqual([
      { href: '#newOptions', text: expect.stringContaining('Enter the options') },
    ])
  })

  it('when a section is added, then it carries its first page and question, and sections move', () => {
    const draft = fixtureDefinition(2020)
    addSection(draft, {
      key: 'data',
      title: 'Data',
      pageKey: 'data.use',
      pageTitle: 'Data use',
      questionKey: 'data.role',
      questionType: 'yesno',
      questionLabel: 'Does data play a role?',
    })
    moveSection(draft, 'data', 'up')
    expect(draft.sections.map((s) => s.key)).toEqual(['strategy', 'data', 'funding'])
    expect(validateDefinition(draft, context).ok).toBe(true)
  })

  it('when a page is added with a missing title or a condition on a later question, then the page fields report it', () => {
    const values = {
      key: 'strategy.more',
      title: '',
      conditionQuestion: 'funding.has_dedicated',
      conditionAnswers: ['funding.has_dedicated=yes'],
      questionKey: 'strategy.more_text',
      questionType: 'text',
      questionLabel: 'Tell us more',
    }
    const untitled = fixtureDefinition(2020)
    // A shape problem (the title) no longer hides the condition's problem: both are reported at once.
    expect(fieldErrors(untitled, addPage(untitled, 'strategy', values))).toEqual([
      { href: '#title', text: 'Enter a title' },
      {
        href: '#conditionQuestion',
        text: expect.stringContaining('a condition can only name an earlier question'),
      },
    ])
    const forward = fixtureDefinition(2020)
    const outcome = addPage(forward, 'strategy', { ...values, title: 'More' })
    expect(fieldErrors(forward, outcome)).toEqual([
      {
        href: '#conditionQuestion',
        text: expect.stringContaining('a condition can only name an earlier question'),
      },
    ])
  })

  it('when the last page, question or option that must stay is removed, then it is refused with a reason', () => {
    expect(removePage(fixtureDefinition(2020), 'strategy.formal').errors?.[0].text).toContain(
      'at least one page',
    )
    const onePage = fixtureDefinition(2020)
    onePage.sections[0].pages[0].questions.splice(1, 1)
    expect(removeQuestion(onePage, 'strategy.has_formal').errors?.[0].text).toContain('at least one question')
    expect(
      removeOption(fixtureDefinition(2020), 'funding.rating', 'scale', 'low').errors?.[0].text,
    ).toContain('at least two')
    const oneSection = fixtureDefinition(2020)
    oneSection.sections.splice(1, 1)
    expect(removeSection(oneSection, 'strategy').errors).toHaveLength(1)
  })

  it('when an option is marked as no longer offered from an edition on, then it is offered only before it', () => {
    const draft = fixtureDefinition(2020)
    const outcome = retireOption(
      draft,
      'funding.activities',
      'options',
      'idea_generation',
      2020,
      [2018, 2020, 2026],
    )
    expect(outcome.summary).toContain('no longer offered from 2020 on')
    const question = locateQuestion(draft, 'funding.activities').question
    expect('options' in question && question.options[0].availableIn).toEqual([2018])
    expect(
      retireOption(
        fixtureDefinition(2020),
        'funding.activities',
        'options',
        'training_staff',
        2020,
        [2018, 2020],
      ).errors?.[0].href,
    ).toBe('#from')
  })

  it('when an option is edited to be offered in every edition, then availableIn is dropped', () => {
    const draft = fixtureDefinition(2020)
    updateOption(draft, 'funding.activities', 'options', 'training_staff', {
      key: 'training_staff',
      label: 'Training staff',
      availability: 'all',
      availableIn: ['2020'],
    })
    const question = locateQuestion(draft, 'funding.activities').question
    expect('options' in question && question.options[3]).toEqual({
      key: 'training_staff',
      label: 'Training staff',
    })
  })
})
