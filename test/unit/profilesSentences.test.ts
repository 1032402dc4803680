import { describe, expect, it } from 'vitest'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { questionSchema, sentenceSchema } from '../../src/questionnaire/definitionSchema'
import { renderSentence, type SentenceContext } from '../../src/profiles/sentences'

/** One profile sentence at a time, its parts as the page prints them (shares in bold). */
const areas = questionSchema.parse({
  key: 'areas',
  type: 'multiple',
  label: 'Which policy areas?',
  options: [
    { key: 'health', label: 'Health' },
    { key: 'transport', label: 'Transport' },
    { key: 'none', label: 'None of these', exclusive: true },
  ],
})
const both: AnswerValue = { type: 'multiple', choices: ['health', 'transport'], notes: {} }
// 10 cities answered: 6 chose health (4 of them health alone, 2 with transport), 3 transport.
const context: SentenceContext = {
  cityName: 'Enschede',
  aggregate: {
    answered: 10,
    counts: { health: 6, transport: 3 },
    signatures: { health: 4, 'health,transport': 2, transport: 1 },
  },
  threshold: 5,
  suppressed: false,
  base: { basisSize: 10 },
}
const render = (text: string, when?: object, listExcludes?: string[]) =>
  renderSentence(
    areas,
    sentenceSchema.parse({ text, ...(when ? { when } : {}), ...(listExcludes ? { listExcludes } : {}) }),
    both,
    context,
  )

describe('a profile sentence, part by part', () => {
  it('when a template gives the share of the same answer, then it is that share, in bold, with every other placeholder filled and no empty parts', () => {
    expect(render('{share} of cities surveyed work on {list}, like {city}')).toEqual({
      parts: [
        { text: '20%', strong: true },
        { text: ' of cities surveyed work on ' },
        { text: 'Health and Transport' },
        { text: ', like ' },
        { text: 'Enschede' },
      ],
      text: '20% of cities surveyed work on Health and Transport, like Enschede',
      share: 20,
    })
  })

  it('when a sentence speaks of the cities that included one answer, then its shares count those cities, in words and for the others', () => {
    expect(
      render('{shareInWords} of cities surveyed work on health; {othersShare} do not', {
        includes: 'health',
      }),
    ).toEqual({
      parts: [
        { text: 'more than half', strong: true },
        { text: ' of cities surveyed work on health; ' },
        { text: '40%', strong: true },
        { text: ' do not' },
      ],
      text: 'more than half of cities surveyed work on health; 40% do not',
      share: 60,
    })
  })

  it('when a sentence compares nothing, then it carries no share; the answer, its count and unknown placeholders are written as they are', () => {
    const rendered = render('{city} works on {count} areas ({value}) {unknown}')
    expect(rendered).toEqual({
      parts: [
        { text: 'Enschede' },
        { text: ' works on ' },
        { text: '2' },
        { text: ' areas (' },
        { text: 'Health and Transport' },
        { text: ') ' },
        { text: '{unknown}' },
      ],
      text: 'Enschede works on 2 areas (Health and Transport) {unknown}',
    })
    expect(rendered !== 'withheld' && 'share' in rendered).toBe(false)
  })

  it('when a sentence names an answer itself, then its list leaves that answer out, while its value gives the whole answer', () => {
    const rendered = render('{city} works on transport, and on {list} ({value})', undefined, ['transport'])
    expect(rendered !== 'withheld' && rendered.text).toBe(
      'Enschede works on transport, and on Health (Health and Transport)',
    )
  })
})
