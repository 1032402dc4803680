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
  it('when a chart is drawn, then it is an accessible image with a title, a description and labelled counts', () => {
    const svg = renderBarChart({
      id: 'chart-x',
      title: 'Activities being funded',
      description: describeBars(bars),
      bars,
    })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="cis-chart"/)
    expect(svg).toContain('role="img" aria-labelledby="chart-x-title chart-x-desc"')
    expect(svg).toContain('<title id="chart-x-title">Activities being funded</title>')
    expect(svg).toContain(
      '<desc id="chart-x-desc">Horizontal bar chart. Idea generation &amp; brainstorming: 79 cities; ',
    )
    expect(svg).toContain('>79 cities</text>')
    expect(svg.match(/<rect class="bar" data-option="[a-z_]+"/g)).toHaveLength(3)
  })

  it('when labels hold markup, then it is escaped', () => {
    const svg = renderBarChart({ id: 'c', title: 'T <b>', description: 'd', bars })
    expect(svg).toContain('Investing in &lt;digital&gt; systems')
    expect(svg).toContain('T &lt;b&gt;')
    expect(svg).not.toContain('<digital>')
  })

  it('when bars differ, then their widths follow the counts and the largest fills the plot', () => {
    const svg = renderBarChart({ id: 'c', title: 't', description: 'd', bars })
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(widths[0]).toBe(544)
    expect(widths[1]).toBeCloseTo((544 * 51) / 79, 0)
    expect(widths[2]).toBe(0)
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
