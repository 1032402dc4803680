import path from 'node:path'
import ejs from 'ejs'
import { english } from '../../src/i18n/catalogues'
import { describe, expect, it } from 'vitest'
import { viewHelpers as sharedHelpers } from '../../src/shared/viewHelpers'
import { DEFAULT_IDENTITY } from '../../src/shared/identity'
import { questionForm } from '../../src/questionnaire/formCodec'
import { isolatedPartial } from '../../src/shared/isolatedPartial'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import { innovationCapacity2020 } from '../../src/questionnaire/definitions'
import { buildPageView } from '../../src/collection/pageView'
import { accessFor, type SurveyContext } from '../../src/collection/surveyContext'
import { answersFromRows } from '../../src/collection/surveyModel'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { decodeHtml, definitionTexts, madeUpDefinition } from '../support/collectionFactories'

// The app registers questionForm beside the shared helpers (app.ts).
const viewHelpers = { ...sharedHelpers, questionForm }

const views = path.resolve(import.meta.dirname, '../../views')
const shipped2020 = definitionSchema.parse(innovationCapacity2020)

function editionOf(definition: Definition): Edition {
  return {
    id: 1,
    year: definition.year,
    title: definition.title,
    status: 'open',
    opensOn: null,
    closesOn: `${definition.year}-12-31`,
    closesTime: '23:59',
    timeZone: 'UTC',
    closesAt: null,
    definition,
    basis: 'approved',
    copiedFromYear: null,
    dataRelease: 0,
    publishedAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

function contextOf(definition: Definition): SurveyContext {
  const edition = editionOf(definition)
  const answers = answersFromRows(definition, [])
  return {
    officer: { id: 1, displayName: 'Test Officer', cityId: 1 },
    edition,
    response: undefined,
    rows: [],
    answers,
    visible: answers,
    access: accessFor(edition, undefined),
    deadline: null,
    comments: [],
  }
}

/** Every page of a definition, rendered as the officer sees it (the real page view and partials). */
async function renderAllPages(definition: Definition): Promise<string[]> {
  const ctx = contextOf(definition)
  const locals = {
    ...viewHelpers,
    partial: isolatedPartial(views, false, viewHelpers),
    csrfToken: () => 'token',
    cspNonce: 'nonce',
    currentPath: '/survey',
    // The page's header and title name the survey (the app's `identity` view local).
    identity: DEFAULT_IDENTITY,
    // The interface language (the app's defaults, app.ts): English.
    t: english,
    lang: 'en',
  }
  const pages = definition.sections.flatMap((section, sectionIndex) =>
    section.pages.map((page) => ({ section, sectionIndex, page })),
  )
  return Promise.all(
    pages.map((placed) =>
      ejs.renderFile(
        path.join(views, 'collection/question-page.ejs'),
        { ...locals, ...buildPageView(ctx, placed) },
        { root: views },
      ),
    ),
  )
}

/** The same questionnaire with every question shown (conditions depend on answers this test does not give). */
function withoutConditions(definition: Definition): Definition {
  const copy = structuredClone(definition)
  for (const page of copy.sections.flatMap((s) => s.pages)) {
    delete page.condition
    for (const question of page.questions) delete question.condition
  }
  return copy
}

/** Visible text of rendered HTML: tags and attribute values stripped. */
const visibleText = (html: string) =>
  decodeHtml(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '\n'))

describe('question pages are generated from the definition alone', () => {
  it('when a made-up definition is rendered, then every question, hint and option label it offers appears', async () => {
    const definition = madeUpDefinition(2030)
    const text = visibleText((await renderAllPages(definition)).join('\n'))
    for (const label of definitionTexts(definition, 2030)) expect(text, label).toContain(label)
    // Offered only in 2031: not in 2030's pages.
    expect(text).not.toContain('Dissolved acetylene')
    const in2031 = visibleText((await renderAllPages(madeUpDefinition(2031))).join('\n'))
    expect(in2031).toContain('Dissolved acetylene')
  })

  it('when a made-up definition is rendered, then no text of the shipped questionnaire shows up', async () => {
    const madeUp = visibleText((await renderAllPages(madeUpDefinition(2030))).join('\n'))
    // Generic guidance the page itself also gives ("Select all that apply.") is not question text.
    const shippedTexts = definitionTexts(shipped2020, 2020).filter(
      (text) => text.length > 3 && !/^select all that apply\.?$/i.test(text),
    )
    expect(shippedTexts.length).toBeGreaterThan(50)
    for (const text of shippedTexts) expect(madeUp, text).not.toContain(text)
    // And the other way round: the shipped pages show their own labels and none of ours.
    const shipped = visibleText((await renderAllPages(withoutConditions(shipped2020))).join('\n'))
    for (const text of shippedTexts) expect(shipped, text).toContain(text)
    for (const text of definitionTexts(madeUpDefinition(2020), 2020))
      expect(shipped, text).not.toContain(text)
  })

  it('when pages are rendered, then the markup has no inline styles or fixed widths, so it fits 320px', async () => {
    const html = (await renderAllPages(madeUpDefinition(2030)))
      .concat(await renderAllPages(shipped2020))
      .join('\n')
    expect(html).not.toMatch(/\sstyle="/)
    expect(html).not.toMatch(/\s(width|size|cols)="/)
    const widthClasses = [...html.matchAll(/class="([^"]*)"/g)]
      .flatMap((m) => m[1].split(/\s+/))
      .filter((cls) => cls.includes('width'))
    for (const cls of widthClasses)
      expect(cls).toMatch(/^(govuk-width-container|govuk-input--width-\d+|govuk-!-width-[a-z-]+)$/)
  })

  it('when pages are rendered, then every input has a label and every group a legend', async () => {
    for (const html of await renderAllPages(madeUpDefinition(2030))) {
      const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1])
      for (const id of ids) expect(html, id).toContain(`for="${id}"`)
      expect(html.match(/<fieldset/g)?.length ?? 0).toBe(html.match(/<legend/g)?.length ?? 0)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })
})
