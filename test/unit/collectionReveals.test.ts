import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { viewHelpers as sharedHelpers } from '../../src/shared/viewHelpers'
import { questionForm } from '../../src/questionnaire/formCodec'
import { isolatedPartial } from '../../src/shared/isolatedPartial'
import { definitionSchema, type Question } from '../../src/questionnaire/definitionSchema'
import { innovationCapacity2020 } from '../../src/questionnaire/definitions'
import { nestReveals, revealHint } from '../../src/questionnaire/reveals'
import { findPreviewPage, previewPageView } from '../../src/questionnaire/authoring/preview'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import type { FormValue } from '../../src/questionnaire/formCodec'

// The app registers questionForm beside the shared helpers (app.ts).
const viewHelpers = { ...sharedHelpers, questionForm }

const views = path.resolve(import.meta.dirname, '../../views')
const definition = definitionSchema.parse(innovationCapacity2020)
const edition = { year: 2020, title: definition.title, definition } as unknown as Edition

/** The page as the preview renders it (the same question partials as the officer's page). */
function render(sectionKey: string, pageKey: string, values: Record<string, Partial<FormValue>> = {}) {
  const place = findPreviewPage(definition, sectionKey, pageKey)
  const view = previewPageView(edition, place)
  const partial = isolatedPartial(views, false, viewHelpers)
  const html = view.questions
    .map((item) =>
      partial('/authoring/_preview-item', {
        item: { ...item, value: { ...item.value, ...values[item.question.key] } },
        errors: [],
        year: 2020,
      }),
    )
    .join('')
  return { view, html }
}

const question = (key: string) =>
  definition.sections.flatMap((s) => s.pages.flatMap((p) => p.questions)).find((q) => q.key === key)!

describe('follow-up questions revealed by an answer', () => {
  it('when a follow-up depends on an answer on its page, then it is nested under that answer with one short hint', () => {
    const { view, html } = render('vision', 'strategy')
    expect(view.questions.map((item) => item.question.key)).not.toContain('strategy.description')
    const yes = html.indexOf('value="yes"')
    const block = html.indexOf(
      'class="cis-conditional cis-conditional--hidden" id="strategy-formal--reveal-1"',
    )
    expect(yes).toBeGreaterThan(0)
    expect(block).toBeGreaterThan(yes)
    expect(html.indexOf('value="no"')).toBeGreaterThan(block)
    expect(html).toContain('data-cis-controls="strategy-formal--reveal-1"')
    expect(html).toContain('If you chose “Yes”')
    expect(html).not.toContain('Answer this if')
    // Inline radios cannot hold a follow-up.
    expect(html).not.toMatch(
      /govuk-radios--inline[^>]*>\s*<div class="govuk-radios__item">\s*<input[^>]*id="strategy-formal"/,
    )
  })

  it('when the answer that reveals a follow-up is chosen, then the follow-up is shown before any script runs', () => {
    const { html } = render('vision', 'strategy', { 'strategy.formal': { choice: 'yes' } })
    expect(html).toContain('class="cis-conditional" id="strategy-formal--reveal-1"')
  })

  it('when several answers reveal the same follow-ups, then they come once, under the last of those answers, with a hint naming what the answers share', () => {
    const { html } = render('organisation', 'structure')
    expect(html.match(/id="org-staff_count"/g)).toHaveLength(1)
    const staff = html.indexOf('id="org-staff_count"')
    expect(staff).toBeGreaterThan(html.indexOf('value="within_department"'))
    expect(staff).toBeLessThan(html.indexOf('value="sprinkled"'))
    expect(html).toContain('If you chose “A dedicated innovation team …”')
    expect(html).toContain('If you chose “A dedicated innovation team within another department”')
  })

  it('when a single-choice question has "Other", then its box is revealed by that option alone', () => {
    const { html } = render('organisation', 'structure')
    expect(html).toMatch(/value="other" data-cis-controls="org-structure--other-conditional"/)
    expect(html).toContain(
      'class="cis-conditional cis-conditional--hidden" id="org-structure--other-conditional"',
    )
  })

  it('when follow-ups are revealed by answers, then the hint lists two answers and names checkboxes "selected"', () => {
    const multiple = {
      key: 'm',
      type: 'multiple',
      label: 'M',
      options: [
        { key: 'a', label: 'Apples' },
        { key: 'b', label: 'Pears' },
      ],
    } as unknown as Question
    expect(revealHint(multiple, ['a', 'b'])).toBe('If you selected “Apples” or “Pears”')
    const follow = {
      key: 'f',
      type: 'text',
      label: 'F',
      condition: { question: 'm', anyOf: ['a'] },
    } as unknown as Question
    const unrelated = {
      key: 'u',
      type: 'text',
      label: 'U',
      condition: { question: 'elsewhere', anyOf: ['x'] },
    } as unknown as Question
    const nested = nestReveals([{ question: multiple }, { question: follow }, { question: unrelated }])
    expect(nested.map((n) => n.question.key)).toEqual(['m', 'u'])
    expect(nested[0].reveals[0]).toMatchObject({
      id: 'm--reveal-1',
      values: ['a'],
      hint: 'If you selected “Apples”',
    })
    expect(question('org.department').condition).toBeDefined()
  })
})
