import { describe, expect, it } from 'vitest'
import { demoAnswers, demoCities, type DemoCity } from '../../src/cli/demo/demoData'
import { namesFor } from '../../src/cli/demo/demoNames'
import { parsedDefinition } from './helpers/definitions'

const definitions = new Map([2018, 2020].map((year) => [year, parsedDefinition(year)]))
const fictional = demoCities.filter((city) => city.fictional)

/** Every person a city's demo answers name: its mayors and lead innovation officers. */
function peopleOf(city: DemoCity): string[] {
  return city.editions.flatMap((year) => {
    const answers = demoAnswers(definitions.get(year)!, city)
    const mayor = answers.get('city.mayor')
    const officers = answers.get('city.lead_innovation_officers')
    return [
      ...(mayor?.type === 'text' ? [mayor.value] : []),
      ...(officers?.type === 'textList' ? officers.values : []),
    ]
  })
}

/** "Elif Yılmaz" → ["Elif", "Yılmaz"]; "Daan de Vries" → ["Daan", "de Vries"]. */
const split = (name: string) => [name.slice(0, name.indexOf(' ')), name.slice(name.indexOf(' ') + 1)]

describe('demo people’s names', () => {
  it('when a demo city’s answers name people, then their first names and surnames come from its own country’s or region’s list', () => {
    let people = 0
    for (const city of fictional) {
      const { first, last } = namesFor(city)
      for (const name of peopleOf(city)) {
        const [given, surname] = split(name)
        expect(first, `${name} in ${city.name}, ${city.country}`).toContain(given)
        expect(last, `${name} in ${city.name}, ${city.country}`).toContain(surname)
        people++
      }
    }
    expect(people).toBeGreaterThan(fictional.length)
  })

  it('when cities of one region lie in different countries, then their people’s names differ: a Turkish mayor is no “Omar Mensah”', () => {
    const inCountry = (iso3: string) => fictional.find((city) => city.iso3 === iso3)!
    const [turkish, israeli, saudi] = ['TUR', 'ISR', 'SAU'].map((iso3) => namesFor(inCountry(iso3)))
    expect(turkish.last).toContain('Yılmaz')
    expect(turkish.last).not.toContain('Mensah')
    expect(turkish.first).not.toContain('Omar')
    expect(new Set([turkish, israeli, saudi]).size).toBe(3)
    for (const city of fictional.filter((c) => c.iso3 === 'TUR'))
      for (const name of peopleOf(city)) expect(turkish.last).toContain(split(name)[1])
  })

  it('when the demo answers are drawn twice, then every city’s people have the same names', () => {
    for (const city of fictional.slice(0, 20)) expect(peopleOf(city)).toEqual(peopleOf(city))
  })
})
