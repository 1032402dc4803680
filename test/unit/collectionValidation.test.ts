import { describe, expect, it } from 'vitest'
import { questionSchema, type Question } from '../../src/questionnaire/definitionSchema'
import { allQuestions } from '../../src/questionnaire/definitionModel'
import {
  answerToFormValue,
  emptyFormValue,
  fieldId,
  readFormValue,
  type FormValue,
} from '../../src/questionnaire/formCodec'
import { validatePage } from '../../src/questionnaire/pageValidation'
import { nounPhrase, validationMessage, whetherClause } from '../../src/questionnaire/validationMessages'
import { madeUpDefinition, validFields } from '../support/collectionFactories'

const question = (input: unknown): Question => questionSchema.parse(input)
const typed = (fields: Partial<FormValue>): FormValue => ({ ...emptyFormValue(), ...fields })
const check = (q: Question, value: Partial<FormValue>, complete = true) =>
  validatePage([q], { [q.key]: typed(value) }, { year: 2026, complete })

const funding = question({
  key: 'funding.has_dedicated',
  type: 'yesno',
  label: 'Does the city have specific or dedicated funding to support innovation capacity?',
})
const population = question({
  key: 'city.population',
  type: 'number',
  label: 'What is the population?',
  min: 1,
  max: 50_000_000,
})

describe('messages written from the label, per question and failure', () => {
  it('when a yes/no question is unanswered, then the message asks whether, in the question’s own words', () => {
    expect(check(funding, {})).toEqual({
      ok: false,
      errors: [
        {
          href: '#funding-has_dedicated',
          text: 'Select whether the city has specific or dedicated funding to support innovation capacity',
        },
      ],
    })
    expect(whetherClause('Do you run a lab?')).toBe('you run a lab')
    expect(whetherClause('Is the team permanent?')).toBeUndefined()
  })

  it('when a number is wrong, then it says how: not a number, not whole, out of range', () => {
    expect(check(population, { text: 'lots' })).toMatchObject({
      errors: [{ text: 'Enter the population as a number' }],
    })
    expect(check(population, { text: '0' })).toMatchObject({
      errors: [{ text: 'The population must be between 1 and 50,000,000' }],
    })
    expect(check(population, { text: '12.5' })).toMatchObject({
      errors: [{ text: 'Enter the population as a whole number' }],
    })
    expect(check(population, { text: ' 159,000 ' })).toEqual({
      ok: true,
      answers: new Map([['city.population', { type: 'number', value: 159000 }]]),
    })
    expect(nounPhrase('Population')).toBe('the population')
    expect(nounPhrase('How many staff work in the team?')).toBe('the number of staff')
    expect(nounPhrase('Describe the strategy')).toBeUndefined()
  })

  it('when the definition words a failure itself, then its words are used, with placeholders filled', () => {
    const worded = question({
      ...population,
      messages: { required: 'Enter the population', max: 'Population must be {max} or fewer' },
    })
    expect(check(worded, {})).toMatchObject({ errors: [{ text: 'Enter the population' }] })
    expect(check(worded, { text: '60000000' })).toMatchObject({
      errors: [{ text: 'Population must be 50,000,000 or fewer' }],
    })
    // A range without its own wording falls back to the definition's "max", then to our "between".
    expect(check(worded, { text: '0' })).toMatchObject({
      errors: [{ text: 'The population must be between 1 and 50,000,000' }],
    })
    expect(validationMessage(worded, ['range', 'max'], { min: 1, max: 50_000_000 })).toBe(
      'Population must be 50,000,000 or fewer',
    )
  })

  it('when saving for later, then nothing is required but what is typed must still be valid', () => {
    expect(check(funding, {}, false)).toEqual({
      ok: true,
      answers: new Map([['funding.has_dedicated', undefined]]),
    })
    expect(check(population, { text: 'lots' }, false).ok).toBe(false)
  })

  it('when a web address has no scheme, then https is assumed; when it is not an address, it is refused', () => {
    const url = question({ key: 'city.website', type: 'url', label: 'Innovation website' })
    expect(check(url, { text: 'www.example.org/lab' })).toEqual({
      ok: true,
      answers: new Map([['city.website', { type: 'url', value: 'https://www.example.org/lab' }]]),
    })
    expect(check(url, { text: 'javascript:alert(1)' })).toMatchObject({
      errors: [{ text: 'Enter the innovation website as a web address, like https://www.example.org' }],
    })
  })
})

describe('required answers and boundaries', () => {
  const roles = question({
    key: 'roles',
    type: 'multiple',
    label: 'Which innovation skills or roles does the city have?',
    options: [
      { key: 'project_manager', label: 'Project manager' },
      { key: 'designer', label: 'Designer' },
    ],
  })

  it('when a required multiple-choice question has nothing ticked, then the page is refused with its own message; saved for later, it is left empty', () => {
    const refused = check(roles, {})
    expect(refused.ok).toBe(false)
    expect(refused).toMatchObject({ errors: [{ href: '#roles' }] })
    expect(check(roles, { choices: ['designer'] })).toEqual({
      ok: true,
      answers: new Map([['roles', { type: 'multiple', choices: ['designer'], notes: {} }]]),
    })
    expect(check(roles, {}, false)).toEqual({ ok: true, answers: new Map([['roles', undefined]]) })
  })

  it('when a number or year is exactly its minimum or maximum, then it is accepted; one beyond, it is refused', () => {
    const staff = question({ key: 'staff', type: 'number', label: 'How many staff?', min: 3, max: 10 })
    const since = question({ key: 'since', type: 'year', label: 'Since when?', min: 1990, max: 2030 })
    for (const [q, low, high] of [
      [staff, 3, 10],
      [since, 1990, 2030],
    ] as const) {
      expect(check(q, { text: String(low) }).ok, `${q.key} ${low}`).toBe(true)
      expect(check(q, { text: String(high) }).ok, `${q.key} ${high}`).toBe(true)
      expect(check(q, { text: String(low - 1) }).ok, `${q.key} ${low - 1}`).toBe(false)
      expect(check(q, { text: String(high + 1) }).ok, `${q.key} ${high + 1}`).toBe(false)
    }
  })
})

describe('bounds on one side, and choices not offered', () => {
  it('when a number has only a minimum or only a maximum, then the message names that bound alone', () => {
    const atLeast = question({
      key: 'staff',
      type: 'number',
      label: 'How many staff work in the team?',
      min: 3,
    })
    const atMost = question({
      key: 'staff',
      type: 'number',
      label: 'How many staff work in the team?',
      max: 10,
    })
    expect(check(atLeast, { text: '2' })).toMatchObject({
      errors: [{ text: 'The number of staff must be 3 or more' }],
    })
    expect(check(atLeast, { text: '1000000' }).ok).toBe(true)
    expect(check(atMost, { text: '11' })).toMatchObject({
      errors: [{ text: 'The number of staff must be 10 or less' }],
    })
    expect(check(atMost, { text: '-5' }).ok).toBe(true)
  })

  it('when a body ticks an option that is not offered, or "Other" where there is none, then the page is refused', () => {
    const roles = question({
      key: 'roles',
      type: 'multiple',
      label: 'Which roles?',
      options: [{ key: 'designer', label: 'Designer' }],
    })
    expect(check(roles, { choices: ['designer', 'wizard'] }).ok).toBe(false)
    expect(check(roles, { choices: ['other'], other: 'Wizard' }).ok).toBe(false)
    const withOther = question({ ...roles, other: true })
    expect(check(withOther, { choices: ['other'], other: 'Wizard' })).toEqual({
      ok: true,
      answers: new Map([['roles', { type: 'multiple', choices: ['other'], notes: {}, other: 'Wizard' }]]),
    })
  })
})

describe('form fields ⇄ answers', () => {
  it('when every question of a definition is answered through its form fields, then the answers read back the same', () => {
    for (const { question: q } of allQuestions(madeUpDefinition(2030))) {
      const fields = validFields(q, 2030)
      const value = readFormValue(q, fields, 2030)
      const result = validatePage([q], { [q.key]: value }, { year: 2030, complete: true })
      expect(result.ok, q.key).toBe(true)
      const answer = result.ok ? result.answers.get(q.key) : undefined
      expect(answer, q.key).toBeDefined()
      // Saved answer → form → answer again is stable.
      const again = validatePage(
        [q],
        { [q.key]: answerToFormValue(q, answer) },
        { year: 2030, complete: true },
      )
      expect(again.ok && again.answers.get(q.key), q.key).toEqual(answer)
    }
  })

  it('when field ids are made, then they are valid HTML ids and a question’s parts never collide with another question', () => {
    expect(fieldId('funding.has_dedicated')).toBe('funding-has_dedicated')
    expect(fieldId('lamp.colours', '', 'note', 'red')).toBe('lamp-colours--note--red')
    expect(fieldId('a.other')).not.toBe(fieldId('a', '', 'other'))
    expect(fieldId('lamp.fuel', 'preview-')).toBe('preview-lamp-fuel')
  })

  it('when a body carries options not offered or repeated, then only offered notes are read and choices are de-duplicated', () => {
    const [multiple] = madeUpDefinition(2030).sections[0].pages[1].questions.filter(
      (q) => q.type === 'multiple',
    )
    const value = readFormValue(
      multiple,
      {
        'lamp-colours': ['red', 'red', 'green'],
        'lamp-colours--note--red': 'Port',
        'lamp-colours--note--bogus': 'x',
      },
      2030,
    )
    expect(value.choices).toEqual(['red', 'green'])
    expect(value.notes).toEqual({ red: 'Port' })
  })
})

describe('multiple choices: exclusive answers, limits, notes and Other', () => {
  const areas = question({
    key: 'areas',
    type: 'multiple',
    label: 'Which policy areas?',
    notes: true,
    other: true,
    options: [
      { key: 'health', label: 'Health' },
      { key: 'transport', label: 'Transport' },
      { key: 'housing', label: 'Housing' },
      { key: 'none', label: 'None of these', exclusive: true },
    ],
  })
  const answer = (result: ReturnType<typeof check>) =>
    result.ok ? result.answers.get('areas') : result.errors

  it('when "None of these" is ticked with another answer, then the page is refused; alone, it is the answer', () => {
    expect(check(areas, { choices: ['health', 'none'] })).toEqual({
      ok: false,
      errors: [
        {
          href: '#areas--none',
          text: 'Select either “None of these” or other answers for “Which policy areas”, not both',
        },
      ],
    })
    expect(answer(check(areas, { choices: ['none'] }))).toEqual({
      type: 'multiple',
      choices: ['none'],
      notes: {},
    })
    expect(answer(check(areas, { choices: ['transport', 'health'] }))).toEqual({
      type: 'multiple',
      choices: ['health', 'transport'],
      notes: {},
    })
  })

  it('when more answers are ticked than the question allows, then the page is refused; as many as allowed are kept', () => {
    const twoAtMost = question({ ...areas, maxChoices: 2 })
    expect(check(twoAtMost, { choices: ['health', 'transport', 'housing'] })).toEqual({
      ok: false,
      errors: [{ href: '#areas', text: 'Select no more than 2 answers for “Which policy areas”' }],
    })
    expect(check(twoAtMost, { choices: ['health', 'transport'] }).ok).toBe(true)
    expect(check(areas, { choices: ['health', 'transport', 'housing'] }).ok).toBe(true)
  })

  it('when notes are typed, then those of ticked answers are kept trimmed, blank and unticked ones are dropped, and a long one is refused', () => {
    expect(
      answer(
        check(areas, {
          choices: ['health', 'transport'],
          notes: { health: '  run by the IT team  ', transport: '   ', housing: 'not ticked' },
        }),
      ),
    ).toEqual({ type: 'multiple', choices: ['health', 'transport'], notes: { health: 'run by the IT team' } })
    const withoutNotes = question({ ...areas, notes: false })
    expect(answer(check(withoutNotes, { choices: ['health'], notes: { health: 'a note' } }))).toEqual({
      type: 'multiple',
      choices: ['health'],
      notes: {},
    })
    expect(check(areas, { choices: ['health'], notes: { health: 'x'.repeat(1000) } }).ok).toBe(true)
    expect(check(areas, { choices: ['health'], notes: { health: 'x'.repeat(1001) } })).toEqual({
      ok: false,
      errors: [
        { href: '#areas--note--health', text: 'The note about “Health” must be 1,000 characters or fewer' },
      ],
    })
  })

  it('when "Other" is ticked without its text, then the page is refused; text typed for an unticked Other is not kept', () => {
    expect(check(areas, { choices: ['other'], other: '  ' })).toEqual({
      ok: false,
      errors: [{ href: '#areas--other', text: 'Enter your other answer for “Which policy areas”' }],
    })
    expect(answer(check(areas, { choices: ['health'], other: 'Culture' }))).toStrictEqual({
      type: 'multiple',
      choices: ['health'],
      notes: {},
    })
  })

  it('when a number is out of its bounds, then the message links to its field', () => {
    const staff = question({ key: 'staff', type: 'number', label: 'How many staff?', min: 3, max: 10 })
    for (const text of ['2', '11'])
      expect(check(staff, { text })).toEqual({
        ok: false,
        errors: [{ href: '#staff', text: 'The answer to “How many staff” must be between 3 and 10' }],
      })
  })
})
