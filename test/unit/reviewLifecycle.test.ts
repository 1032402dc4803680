import { describe, expect, it } from 'vitest'
import { actionsFrom, officerCanEdit, refusal } from '../../src/review/editionLifecycle'
import { completeness } from '../../src/review/completeness'
import type { Answers } from '../../src/questionnaire/answerCodec'
import { everyTypeDefinition } from '../support/reviewFactories'

describe('edition lifecycle', () => {
  it('when an edition is in each status, then only the next steps are offered', () => {
    expect(actionsFrom('draft')).toEqual(['open'])
    expect(actionsFrom('open')).toEqual(['close'])
    expect(actionsFrom('closed')).toEqual(['open', 'publish'])
    expect(actionsFrom('published')).toEqual(['unpublish'])
  })

  it('when a step is illegal, then the refusal says what the status must be first', () => {
    expect(refusal('draft', 'publish')).toBe(
      'You cannot publish results while the survey year is a draft. It must be closed first.',
    )
    expect(refusal('published', 'close')).toMatch(/must be open first/)
    expect(refusal('closed', 'publish')).toBeUndefined()
  })

  it('when the edition is closed, then officers may only fix a returned response', () => {
    expect(officerCanEdit('open', undefined)).toBe(true)
    expect(officerCanEdit('open', 'in_progress')).toBe(true)
    expect(officerCanEdit('open', 'submitted')).toBe(false)
    expect(officerCanEdit('closed', 'in_progress')).toBe(false)
    expect(officerCanEdit('closed', 'returned')).toBe(true)
    expect(officerCanEdit('published', 'returned')).toBe(false)
    expect(officerCanEdit('draft', undefined)).toBe(false)
  })
})

describe('completeness', () => {
  const definition = everyTypeDefinition()
  // Required and always shown: q.yes, q.single, q.multi, q.rate, q.rank, q.year, q.names, q.text = 8.
  it('when nothing is answered, then conditional questions are not required', () => {
    expect(completeness(definition, new Map())).toEqual({ required: 8, answered: 0, percent: 0 })
  })

  it('when an answer shows conditional questions, then they join the required count', () => {
    const answers: Answers = new Map([['q.yes', { type: 'yesno', choice: 'yes' }]])
    expect(completeness(definition, answers)).toEqual({ required: 10, answered: 1, percent: 10 })
  })

  it('when a hidden question has an answer, then it is not counted', () => {
    const answers: Answers = new Map([
      ['q.yes', { type: 'yesno', choice: 'no' }],
      ['q.why', { type: 'longtext', value: 'kept from before' }],
      ['q.text', { type: 'text', value: 'Mayor' }],
    ])
    expect(completeness(definition, answers)).toEqual({ required: 8, answered: 2, percent: 25 })
  })

  it('when a share is not whole, then it is rounded down so 100% means complete', () => {
    const answers: Answers = new Map([
      ['q.yes', { type: 'yesno', choice: 'no' }],
      ['q.single', { type: 'single', choice: 'a' }],
      ['q.text', { type: 'text', value: 'x' }],
    ])
    expect(completeness(definition, answers).percent).toBe(37)
  })
})

describe('small helpers', () => {
  it('when a city is named, then its slug is made from the name and country code', async () => {
    const { deriveSlug } = await import('../../src/review/cityAdminService')
    expect(deriveSlug('Enschede', 'NLD')).toBe('enschede-nld')
    expect(deriveSlug('São Paulo', 'bra')).toBe('sao-paulo-bra')
    expect(deriveSlug('  Tel Aviv-Yafo ', 'ISR')).toBe('tel-aviv-yafo-isr')
  })

  it('when a progress link changes one thing, then the other filters are kept and defaults left out', async () => {
    const { progressHref } = await import('../../src/review/progressService')
    const query = {
      status: 'submitted' as const,
      region: 'Latin America',
      sort: 'city' as const,
      dir: 'asc' as const,
      page: 3,
    }
    expect(progressHref(2026, query, { sort: 'percent', dir: 'desc', page: 1 })).toBe(
      '/admin/editions/2026/progress?status=submitted&region=Latin+America&sort=percent&dir=desc',
    )
    expect(progressHref(2026, query, { status: undefined })).toBe(
      '/admin/editions/2026/progress?region=Latin+America&sort=city&dir=asc&page=3',
    )
  })
})
