import { describe, expect, it } from 'vitest'
import type { Answers } from '../../src/questionnaire/answerCodec'
import {
  applicableQuestions,
  applicablePages,
  missingAnswers,
  sectionProgress,
  shownQuestions,
} from '../../src/collection/surveyModel'
import { asReturnTarget, responseReference } from '../../src/web/surveyPaths'
import { accessFor } from '../../src/collection/surveyContext'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import type { ResponseSummary } from '../../src/responses/responseRecords'
import { madeUpDefinition } from '../support/collectionFactories'

const definition = madeUpDefinition(2030)
const [basics] = definition.sections[0].pages

describe('which questions and pages apply', () => {
  it('when a condition is on the same page, then the question is shown and applies only once its condition holds', () => {
    const none: Answers = new Map()
    expect(shownQuestions(basics, none).map((q) => q.key)).toContain('lamp.fresnel_maker')
    expect(applicableQuestions(basics, none, new Map()).map((q) => q.key)).not.toContain('lamp.fresnel_maker')
    const yes: Answers = new Map([['lamp.has_fresnel', { type: 'yesno', choice: 'yes' }]])
    expect(applicableQuestions(basics, none, yes).map((q) => q.key)).toContain('lamp.fresnel_maker')
    // The page's current answer wins over the saved one.
    const no: Answers = new Map([['lamp.has_fresnel', { type: 'yesno', choice: 'no' }]])
    expect(applicableQuestions(basics, yes, no).map((q) => q.key)).not.toContain('lamp.fresnel_maker')
  })

  it('when a page’s condition is not met, then the page is skipped and its questions are not missing', () => {
    expect(applicablePages(definition, new Map()).map((p) => p.page.key)).not.toContain('keeper_records')
    expect(missingAnswers(definition, new Map(), 2030).map((m) => m.question.key)).not.toContain(
      'keepers.names',
    )
    const answered: Answers = new Map([['lamp.has_fresnel', { type: 'yesno', choice: 'no' }]])
    expect(applicablePages(definition, answered).map((p) => p.page.key)).toContain('keeper_records')
    expect(missingAnswers(definition, answered, 2030).map((m) => m.question.key)).toContain('keepers.names')
  })

  it('when a required grid is partly answered, then it still counts as missing', () => {
    const partial: Answers = new Map([
      ['keepers.duty_rating', { type: 'rating', cells: { trim_wick: 'weekly' } }],
    ])
    expect(missingAnswers(definition, partial, 2030).map((m) => m.question.key)).toContain(
      'keepers.duty_rating',
    )
  })
})

describe('section status', () => {
  const [lamps] = definition.sections
  const base = {
    missing: [],
    answers: new Map() as Answers,
    prefilledKeys: new Set<string>(),
    problemKeys: new Set<string>(),
  }
  it('when nothing is answered, then not started; some, in progress; all required, completed; a comment, a problem', () => {
    expect(sectionProgress(lamps, base).status).toBe('not_started')
    const some: Answers = new Map([['lamp.has_fresnel', { type: 'yesno', choice: 'no' }]])
    const missing = missingAnswers(definition, some, 2030)
    expect(sectionProgress(lamps, { ...base, answers: some, missing }).status).toBe('in_progress')
    expect(
      sectionProgress(lamps, {
        ...base,
        answers: some,
        missing: missing.filter((m) => m.section.key !== 'lamps'),
      }).status,
    ).toBe('completed')
    expect(
      sectionProgress(lamps, { ...base, answers: some, prefilledKeys: new Set(['lamp.fuel']) }).status,
    ).toBe('in_progress')
    expect(
      sectionProgress(lamps, { ...base, answers: some, problemKeys: new Set(['lamp.fuel']) }).status,
    ).toBe('problem')
  })
})

describe('access and addresses', () => {
  const edition = { status: 'open' } as Edition
  const response = (status: ResponseSummary['status']) => ({ status }) as ResponseSummary
  it('when the response is submitted or approved, or the edition closed, then it is read-only; returned in a closed edition, editable', () => {
    expect(accessFor(edition, undefined)).toEqual({ editable: true })
    expect(accessFor(edition, response('submitted'))).toEqual({ editable: false, reason: 'submitted' })
    expect(accessFor(edition, response('approved'))).toEqual({ editable: false, reason: 'approved' })
    expect(accessFor({ status: 'closed' } as Edition, response('in_progress'))).toEqual({
      editable: false,
      reason: 'closed',
    })
    expect(accessFor({ status: 'closed' } as Edition, response('returned'))).toEqual({ editable: true })
  })

  it('when a return target is given, then only our own route names are accepted', () => {
    expect(asReturnTarget('check-answers')).toBe('check-answers')
    expect(asReturnTarget('section-check-answers')).toBe('section-check-answers')
    expect(asReturnTarget('//evil.example')).toBeUndefined()
    expect(asReturnTarget(['check-answers'])).toBeUndefined()
    expect(responseReference(2026, 123)).toBe('CIS-2026-000123')
  })
})
