import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import { definitionTexts } from '../../src/questionnaire/definitionTexts'
import type { TestApp } from './testApp'

/** What publishing needs of an app: its repositories and services. */
type Publisher = Pick<TestApp, 'repos' | 'services'>
import { buildCity } from './factories'
import { buildResponse, multiple, no, yes } from './profilesFactories'
import type { City } from '../../src/cities/citiesRepository'

/**
 * A small questionnaire with a complete Spanish translation (issue 19): a yes/no question whose
 * sentence compares the city with the others, a choice of skills whose sentence counts them
 * (plurals), both charted. `year + 1` is the same questionnaire with its translation left half done.
 */
const english = (year: number) => ({
  year,
  title: `Innovation survey ${year}`,
  sections: [
    {
      key: 'capacity',
      title: 'Capacity',
      pages: [
        {
          key: 'capacity.money',
          title: 'Money and skills',
          questions: [
            {
              key: 'funding.dedicated',
              type: 'yesno',
              label: 'Does the city have dedicated funding for innovation?',
              profile: {
                section: 'answers',
                display: 'sentence',
                chart: { title: 'Dedicated funding' },
                sentences: [
                  {
                    when: { equals: 'yes' },
                    text: 'Like {share} of cities surveyed, {city} has dedicated funding to support innovation capacity.',
                  },
                  {
                    when: { equals: 'no' },
                    text: 'Like {share} of cities surveyed, {city} does not have dedicated funding to support innovation capacity.',
                  },
                ],
              },
            },
            {
              key: 'skills',
              type: 'multiple',
              label: 'Which innovation skills does the city have?',
              options: [
                { key: 'design', label: 'Service design', phrase: 'service design' },
                { key: 'data', label: 'Data analysis', phrase: 'data analysis' },
                { key: 'lab', label: 'An innovation lab', phrase: 'an innovation lab' },
              ],
              profile: {
                section: 'answers',
                display: 'sentence',
                chart: { title: 'Innovation skills' },
                sentences: [
                  { when: { count: 1 }, text: '{city} uses 1 innovation skill: {list}.' },
                  { text: '{city} uses {count} innovation skills: {list}.' },
                ],
              },
            },
          ],
        },
      ],
    },
  ],
  profile: { blocks: [{ key: 'answers', title: 'Answers', heading: 'How {city} innovates' }] },
})

/** Spanish for every text of the questionnaire, by its English. */
const spanish: Record<string, string> = {
  'Innovation survey 2050': 'Encuesta de innovación 2050',
  'Innovation survey 2051': 'Encuesta de innovación 2051',
  Capacity: 'Capacidad',
  'Money and skills': 'Dinero y competencias',
  'Does the city have dedicated funding for innovation?':
    '¿Tiene la ciudad financiación específica para la innovación?',
  'Dedicated funding': 'Financiación específica',
  'Like {share} of cities surveyed, {city} has dedicated funding to support innovation capacity.':
    'Como el {share} de las ciudades encuestadas, {city} tiene financiación específica para apoyar su capacidad de innovación.',
  'Like {share} of cities surveyed, {city} does not have dedicated funding to support innovation capacity.':
    'Como el {share} de las ciudades encuestadas, {city} no tiene financiación específica para apoyar su capacidad de innovación.',
  'Which innovation skills does the city have?': '¿Qué competencias de innovación tiene la ciudad?',
  'Service design': 'Diseño de servicios',
  'service design': 'diseño de servicios',
  'Data analysis': 'Análisis de datos',
  'data analysis': 'análisis de datos',
  'An innovation lab': 'Un laboratorio de innovación',
  'an innovation lab': 'un laboratorio de innovación',
  'Innovation skills': 'Competencias de innovación',
  '{city} uses 1 innovation skill: {list}.': '{city} usa 1 competencia de innovación: {list}.',
  '{city} uses {count} innovation skills: {list}.': '{city} usa {count} competencias de innovación: {list}.',
  Answers: 'Respuestas',
  'How {city} innovates': 'Cómo innova {city}',
}

/** The questionnaire of `year` with its Spanish translation, complete or (`complete: false`) half done. */
export function spanishDefinition(year: number, complete = true): Definition {
  const base = definitionSchema.parse(english(year))
  const texts = definitionTexts(base)
  const es = Object.fromEntries(
    texts
      .filter((_, index) => complete || index % 2 === 0)
      .map((text) => {
        const translated = spanish[text.english]
        if (!translated) throw new Error(`No Spanish for "${text.english}"`)
        return [text.key, translated]
      }),
  )
  return definitionSchema.parse({ ...english(year), translations: { es } })
}

export interface SpanishProfiles {
  /** The city whose profiles the tests read: funding yes, two skills. */
  city: City
  complete: number
  incomplete: number
}

/**
 * Publishes 2050 (translated) and 2051 (half translated, unless `bothComplete`) with seven cities: five with dedicated
 * funding (71%), and skills chosen so the city's two are shared by 4 of 7.
 */
export async function publishSpanishProfiles(
  t: Publisher,
  complete = 2050,
  options: { bothComplete?: boolean } = {},
): Promise<SpanishProfiles> {
  const incomplete = complete + 1
  for (const [year, done] of [
    [complete, true],
    [incomplete, options.bothComplete ?? false],
  ] as const) {
    const definition = spanishDefinition(year, done)
    await t.repos.editions.create({
      year,
      title: definition.title,
      status: 'published',
      definition,
      basis: 'approved',
    })
  }
  const cities: City[] = []
  for (let i = 0; i < 7; i++)
    cities.push(await buildCity(t.repos, { name: i === 0 ? 'Villaverde' : `Ciudad ${i}` }))
  for (const year of [complete, incomplete])
    for (const [index, city] of cities.entries())
      await buildResponse(t.repos, {
        year,
        cityId: city.id,
        answers: [
          ['funding.dedicated', index < 5 ? yes : no],
          ['skills', index < 4 ? multiple(['design', 'data']) : multiple(['lab'])],
        ],
      })
  for (const year of [complete, incomplete])
    await t.services.profiles.regeneration.regenerateEdition((await t.repos.editions.findByYear(year))!.id)
  return { city: cities[0], complete, incomplete }
}
