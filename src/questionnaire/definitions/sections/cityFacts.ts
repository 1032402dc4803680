import type { SectionInput } from '../builders'

/**
 * Step 0: the facts that head every public profile (instrument §3.0). The original may have
 * filled these in itself; here the city's officer gives them, so they can change each edition.
 */
export function cityFactsSection(year: number): SectionInput {
  return {
    key: 'city',
    title: 'About your city',
    publicTitle: 'The city and its innovation leads',
    intro: 'Who leads the city and its innovation work. These facts head the city’s public profile.',
    pages: [
      {
        key: 'city_facts',
        title: 'City facts',
        questions: [
          {
            key: 'city.mayor',
            type: 'text',
            label: 'Name of the mayor',
            hint: 'Full name, as it should appear on the city’s public profile.',
            maxLength: 200,
            messages: {
              required: 'Enter the name of the mayor',
              maxLength: 'The mayor’s name must be 200 characters or fewer',
            },
            profile: { section: 'header', display: 'value', heading: 'Mayor' },
          },
          {
            key: 'city.population',
            type: 'number',
            label: 'Population of the city',
            hint: 'Number of residents within the city’s administrative boundary, for example 159000.',
            min: 1,
            max: 50_000_000,
            integer: true,
            unit: 'residents',
            messages: {
              required: 'Enter the population of the city',
              invalid: 'Population must be a number, like 159000',
              integer: 'Population must be a whole number',
              min: 'Population must be 1 or more',
              max: 'Population must be 50,000,000 or fewer',
            },
            profile: { section: 'header', display: 'value', heading: 'Population' },
          },
          {
            key: 'city.population_year',
            type: 'year',
            label: 'Year of the population figure',
            hint: `The year the population was counted or estimated, for example ${year - 1}.`,
            min: 1990,
            max: year,
            messages: {
              required: 'Enter the year of the population figure',
              invalid: `Year must be a real year, like ${year - 1}`,
              min: 'Year must be 1990 or later',
              max: 'Year must be {max} or earlier',
            },
            profile: { section: 'header', display: 'value' },
          },
          {
            key: 'city.innovation_website',
            type: 'url',
            label: 'Innovation website',
            hint: 'The web page about the city’s innovation work, if there is one.',
            required: false,
            messages: {
              invalid: 'Enter the web address in the correct format, like https://www.example.org/innovation',
            },
            profile: { section: 'header', display: 'value', heading: 'Innovation Website' },
          },
        ],
      },
      {
        key: 'city_people',
        title: 'Innovation lead and spotlight',
        questions: [
          {
            key: 'city.lead_innovation_officers',
            type: 'textList',
            label: 'Lead innovation officer or officers',
            hint: 'Full names. You can add a note in brackets, for example “(current)” or “(at time of the previous survey)”.',
            maxItems: 5,
            maxLength: 200,
            messages: {
              required: 'Enter the name of at least one lead innovation officer',
              maxItems: 'Enter up to 5 lead innovation officers',
              maxLength: 'Each name must be 200 characters or fewer',
            },
            profile: { section: 'header', display: 'value', heading: 'Lead Innovation Officer' },
          },
          {
            key: 'city.spotlight',
            type: 'longtext',
            label: 'Spotlight on innovation in your city',
            hint: 'One project or partnership that shows the city’s innovation work, in a short paragraph. It is published on the city’s profile as written.',
            required: false,
            maxLength: 3000,
            messages: { maxLength: 'The spotlight must be 3,000 characters or fewer' },
            profile: { section: 'spotlight', display: 'value', heading: 'Spotlight on innovation in {city}' },
          },
        ],
      },
    ],
  }
}
