import { describe, expect, it } from 'vitest'
import { diffDefinitions, optionsInOnlyOne } from '../../src/questionnaire/authoring/definitionDiff'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { fixtureDefinition } from './authoringFixtures'

describe('what changed between two editions', () => {
  it('when an option is offered only in the earlier edition and another only in the later, then both are named', () => {
    const changes = diffDefinitions(fixtureDefinition(2018), fixtureDefinition(2020, { copiedFrom: 2018 }))
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'option_added',
        questionKey: 'funding.activities',
        optionKey: 'training_staff',
        label: 'Training staff and building capacity',
      }),
      expect.objectContaining({
        kind: 'option_removed',
        questionKey: 'funding.activities',
        optionKey: 'launching_projects',
        label: 'Launching or sustaining a project',
      }),
    ])
  })

  it('when the later definition no longer holds an option at all, then it is listed as removed', () => {
    const later = fixtureDefinition(2020)
    const activities = later.sections[1].pages[0].questions[1]
    if (activities.type !== 'multiple') throw new Error('fixture changed')
    activities.options = activities.options.filter((o) => o.key !== 'launching_projects')
    const removed = diffDefinitions(fixtureDefinition(2018), later).filter((c) => c.kind === 'option_removed')
    expect(removed).toHaveLength(1)
    expect(removed[0]).toMatchObject({ optionKey: 'launching_projects' })
  })

  it('when a definition is copied unchanged, then nothing changed', () => {
    const earlier = fixtureDefinition(2018)
    expect(diffDefinitions(earlier, copyDefinition(earlier, 2030))).toEqual([])
  })

  it('when questions are added, removed, relabelled and conditions change, then each is listed', () => {
    const earlier = fixtureDefinition(2018)
    const later = structuredClone(earlier)
    const [strategyPage, fundingPage] = [later.sections[0].pages[0], later.sections[1].pages[0]]
    strategyPage.questions[0].label = 'Is there a formal strategy?'
    strategyPage.questions[1].condition = { question: 'strategy.has_formal', anyOf: ['yes', 'no'] }
    fundingPage.questions.splice(2, 1)
    fundingPage.questions.push({
      key: 'funding.amount',
      type: 'number',
      label: 'How much?',
      required: true,
      integer: true,
    })
    const kinds = diffDefinitions(earlier, later).map((c) => `${c.kind} ${c.questionKey}`)
    expect(kinds).toEqual([
      'question_relabelled strategy.has_formal',
      'condition_changed strategy.description',
      'question_added funding.amount',
      'question_removed funding.rating',
    ])
    const condition = diffDefinitions(earlier, later).find((c) => c.kind === 'condition_changed')
    expect(condition).toMatchObject({ to: 'Shown when “Is there a formal strategy?” is Yes or No' })
  })

  it('when an option is relabelled, then the old and new labels are given', () => {
    const earlier = fixtureDefinition(2018)
    const later = structuredClone(earlier)
    const rating = later.sections[1].pages[0].questions[2]
    if (rating.type !== 'rating') throw new Error('fixture changed')
    rating.scale[1].label = 'Very high'
    expect(diffDefinitions(earlier, later)).toEqual([
      expect.objectContaining({
        kind: 'option_relabelled',
        list: 'scale',
        optionKey: 'high',
        from: 'High',
        to: 'Very high',
      }),
    ])
  })

  it('when asked for footnotes, then each option offered in one edition only names the edition missing it', () => {
    expect(optionsInOnlyOne(fixtureDefinition(2018), fixtureDefinition(2020), 'funding.activities')).toEqual([
      { label: 'Training staff and building capacity', missingIn: 2018 },
      { label: 'Launching or sustaining a project', missingIn: 2020 },
    ])
  })
})
