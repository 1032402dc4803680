import { describe, expect, it } from 'vitest'
import { checkPreviewPage, findPreviewPage, previewPageView } from '../../src/questionnaire/authoring/preview'
import { fieldId } from '../../src/questionnaire/formCodec'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { fixtureDefinition } from './authoringFixtures'

function edition(): Edition {
  const definition = fixtureDefinition(2020)
  definition.sections[0].pages[0].questions[1].required = true
  return {
    id: 1,
    year: 2020,
    title: definition.title,
    status: 'draft',
    opensOn: null,
    closesOn: null,
    closesTime: '23:59',
    timeZone: 'UTC',
    closesAt: null,
    definition,
    basis: 'approved',
    copiedFromYear: 2018,
    dataRelease: 0,
    publishedAt: null,
    updatedAt: '',
  }
}

describe('the preview of a page', () => {
  it('when a question depends on an answer on the same page, then it is checked only when that answer shows it', () => {
    const e = edition()
    const place = findPreviewPage(e.definition, 'strategy', 'strategy.formal')
    const no = checkPreviewPage(e, place, { [fieldId('strategy.has_formal')]: 'no' })
    expect(no).toMatchObject({ ok: true, next: { page: { key: 'funding.main' } } })
    const yes = checkPreviewPage(e, place, { [fieldId('strategy.has_formal')]: 'yes' })
    expect(yes.ok).toBe(false)
    if (!yes.ok)
      expect(yes.view.errors.map((error) => error.href)).toEqual([`#${fieldId('strategy.description')}`])
  })

  it('when a question depends on an earlier page, then it is shown with a note saying when officers see it', () => {
    const e = edition()
    e.definition.sections[1].pages[0].questions[2].condition = {
      question: 'strategy.has_formal',
      anyOf: ['yes'],
    }
    const view = previewPageView(e, findPreviewPage(e.definition, 'funding', 'funding.main'))
    const rating = view.items.find((item) => item.question.key === 'funding.rating')!
    expect(rating.earlierCondition).toBe(
      'Shown when “Does the city have a formal innovation strategy?” is Yes',
    )
    const controller = view.questions.find((item) => item.question.key === 'funding.has_dedicated')!
    expect(controller.reveals.map((group) => [group.hint, group.items.map((i) => i.question.key)])).toEqual([
      ['If you chose “Yes”', ['funding.activities']],
    ])
    expect(view.position).toEqual({ number: 2, count: 2 })
    expect(view.next).toBeUndefined()
  })

  it('when "come back later" is pressed, then required answers may be left out', () => {
    const e = edition()
    const place = findPreviewPage(e.definition, 'funding', 'funding.main')
    expect(checkPreviewPage(e, place, {}).ok).toBe(false)
    expect(checkPreviewPage(e, place, { _action: 'later' }).ok).toBe(true)
  })
})
