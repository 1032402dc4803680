import { highlightBars } from './barChart'
import type { ChartContent, ProfileContent, ProfileView, ViewBlock } from './profileContent'

/**
 * A stored profile as its page shows it: each chart block gets the edition's chart (drawn once
 * per edition) with the city's own bars marked "bar--own". A chart the edition lacks is left out.
 */
export function profileView(profile: ProfileContent, charts: Record<string, ChartContent>): ProfileView {
  return {
    ...profile,
    sections: profile.sections.map((section) => ({
      key: section.key,
      blocks: section.blocks.flatMap((block): ViewBlock[] => {
        if (block.kind !== 'chart') return [block]
        const chart = charts[block.questionKey]
        if (!chart) return []
        return [
          { kind: 'chart', chart: { ...chart, svg: highlightBars(chart.svg, block.own), own: block.own } },
        ]
      }),
    })),
  }
}
