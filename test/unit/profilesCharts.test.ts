import { describe, expect, it } from 'vitest'
import { describeBars, highlightBars, renderBarChart } from '../../src/profiles/barChart'
import { availabilityFootnote, chartOptions } from '../../src/profiles/footnotes'
import { profileTestDefinition } from '../support/profilesFactories'

const bars = [
  { key: 'idea_generation', label: 'Idea generation & brainstorming', value: 79, valueLabel: '79 cities' },
  { key: 'digital_systems', label: 'Investing in <digital> systems', value: 51, valueLabel: '51 cities' },
  { key: 'none_yet', label: 'Nothing', value: 0, valueLabel: '0 cities' },
]

const activities = () => {
  const question = profileTestDefinition().sections[3].pages[0].questions[1]
  if (question.type !== 'multiple') throw new Error('The fixture changed')
  return question
}

describe('bar chart renderer', () => {
  it('when a chart is drawn, then each bar is a row of text: its label, and its count beside the bar', () => {
    const html = renderBarChart({
      id: 'chart-x',
      title: 'Activities being funded',
      description: describeBars(bars),
      bars,
    })
    expect(html).toMatch(/^<div class="cis-chart" id="chart-x"><ol class="cis-bars">/)
    expect(html).toContain(
      '<li class="bar" data-option="idea_generation"><span class="cis-bars__label">Idea generation &amp; brainstorming<span class="visually-hidden">: 79 cities</span></span>',
    )
    expect(html).toContain('>79 cities</text>')
    expect(html.match(/<li class="bar" data-option="[a-z_]+"/g)).toHaveLength(3)
    // Text is HTML, or SVG text in an SVG without a viewBox: nothing scales it below its CSS size.
    expect(html).not.toContain('viewBox')
  })

  it('when labels hold markup, then it is escaped', () => {
    const html = renderBarChart({ id: 'c', title: 'T <b>', description: 'd', bars })
    expect(html).toContain('Investing in &lt;digital&gt; systems')
    expect(html).not.toContain('<digital>')
  })

  it('when bars differ, then their widths follow the counts and the largest leaves room for its value', () => {
    const html = renderBarChart({ id: 'c', title: 't', description: 'd', bars })
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)%"/g)].map((m) => Number(m[1]))
    expect(widths[0]).toBe(70)
    expect(widths[1]).toBeCloseTo((70 * 51) / 79, 0)
    expect(widths[2]).toBe(0)
  })

  it('when bars are drawn, then they are sorted by count with "Other" and "Don\'t know" last', () => {
    const html = renderBarChart({
      id: 'c',
      title: 't',
      description: 'd',
      bars: [
        { key: 'other', label: 'Other', value: 90, valueLabel: '90 cities' },
        { key: 'small', label: 'Small', value: 3, valueLabel: '3 cities' },
        { key: 'dont_know', label: 'Don’t know', value: 50, valueLabel: '50 cities' },
        { key: 'big', label: 'Big', value: 40, valueLabel: '40 cities' },
        { key: 'tie', label: 'Tie', value: 3, valueLabel: '3 cities' },
      ],
    })
    const order = [...html.matchAll(/data-option="([a-z_]+)"/g)].map((m) => m[1])
    expect(order).toEqual(['big', 'small', 'tie', 'other', 'dont_know'])
  })

  it('when a bar carries a footnote marker, then the marker sits on its label', () => {
    const marked = bars.map((bar, i) => (i === 1 ? { ...bar, marker: '*' } : bar))
    const html = renderBarChart({ id: 'c', title: 't', description: 'd', bars: marked })
    expect(html).toContain('Investing in &lt;digital&gt; systems<sup class="cis-bars__marker">*</sup>')
    expect(html.match(/cis-bars__marker/g)).toHaveLength(1)
  })

  it('when a city chose options, then only their bars gain "bar--own" and nothing is redrawn', () => {
    const svg = renderBarChart({ id: 'c', title: 't', description: 'd', bars })
    const own = highlightBars(svg, ['digital_systems'])
    expect(own).toContain('class="bar bar--own" data-option="digital_systems"')
    expect(own).toContain('class="bar" data-option="idea_generation"')
    expect(own.replace('class="bar bar--own"', 'class="bar"')).toBe(svg)
  })
})

describe('edition footnotes', () => {
  it('when a chart counts 2018 and 2020 answers, then the footnote names both edition-only options like the seed', () => {
    expect(availabilityFootnote(activities(), [2018, 2020])).toBe(
      '*"Training staff and building capacity" is not an option in the 2018 survey, while "Launching or sustaining a project" is not an option in the 2020 survey.',
    )
  })

  it("when a chart counts one edition only, then it shows that edition's options and needs no footnote", () => {
    expect(availabilityFootnote(activities(), [2018])).toBeUndefined()
    expect(chartOptions(activities(), [2018]).map((o) => o.key)).toEqual([
      'launching_project',
      'idea_generation',
      'digital_systems',
    ])
  })

  it('when two options are missing from the same edition, then they share one clause', () => {
    const question = {
      ...activities(),
      options: activities().options.map((o) =>
        o.key === 'digital_systems' ? { ...o, availableIn: [2020] } : o,
      ),
    }
    expect(availabilityFootnote(question, [2018, 2020])).toBe(
      '*"Investing in digital systems" and "Training staff and building capacity" are not options in the 2018 survey, while "Launching or sustaining a project" is not an option in the 2020 survey.',
    )
  })
})
