import { option, whenYes, type SectionInput } from '../builders'

const hasFunding = whenYes('funding.has_dedicated')

/**
 * Section 3 of the instrument: funding for innovation capacity (§3.3). The two funded-activity
 * options that exist in one edition only carry `availableIn` in every definition, so the chart
 * footnote ("… is not an option in the 2018 survey") can be generated from either.
 */
export function fundingSection(): SectionInput {
  return {
    key: 'funding',
    title: 'Funding and resources',
    intro:
      'Funding for innovation capacity: the resources that build the city’s ability to innovate, not the funding of individual programmes.',
    pages: [
      {
        key: 'funding',
        title: 'Dedicated funding',
        questions: [
          {
            key: 'funding.has_dedicated',
            number: '3.1',
            type: 'yesno',
            label: 'Does the city have specific or dedicated funding to support innovation capacity?',
            messages: {
              required: 'Select whether the city has dedicated funding to support innovation capacity',
            },
            profile: {
              section: 'funding',
              display: 'sentence',
              heading: 'How is innovation funded here?',
              sentences: [
                {
                  when: { equals: 'yes' },
                  text: 'Like {share} of cities surveyed, {city} has dedicated funding to support innovation capacity.',
                },
                {
                  when: { equals: 'no', moreThanHalf: true },
                  text: 'Like {share} of cities surveyed, {city} does not have dedicated funding to support innovation capacity.',
                },
                {
                  when: { equals: 'no' },
                  text: 'Unlike {othersShare} of cities surveyed, {city} does not have dedicated funding to support innovation capacity.',
                },
              ],
            },
          },
        ],
      },
      {
        key: 'funding_details',
        title: 'Sources and uses of funding',
        condition: hasFunding,
        questions: [
          {
            key: 'funding.sources',
            number: '3.2',
            type: 'multiple',
            label:
              'To the degree you have funding that enhances your capacity to innovate, where does this funding originate from?',
            hint: 'Select all that apply.',
            condition: hasFunding,
            options: [
              option('international', 'International/multilateral institution budget', {
                hint: 'This refers to resources from international and/or multilateral institutions’ budgets (i.e. European Union)',
              }),
              // Not seen on any profile, but a national level between international and regional is very likely (§3.3).
              option('national', 'National/Federal budget'),
              option('regional', 'Regional/State/Province/Territorial budget'),
              option('municipal', 'Municipal budget', {
                hint: 'This could include, for instance, City Council approved funds; operating budget; a special funding process (bond, Mayoral special initiative funding, etc.); and participatory budgeting / citizen-selected budgeting.',
              }),
              option('external', 'External funding', {
                hint: 'This could include private, philanthropic/non-profit and/or academic/think tank resources.',
              }),
              option('innovative_financing', 'Innovative financing tools', {
                hint: 'e.g. Social Impact Bonds, Crowdsourcing',
              }),
            ],
            other: true,
            messages: {
              required: 'Select where the city’s funding for innovation capacity comes from',
              otherRequired: 'Enter the other source of funding',
            },
            profile: {
              section: 'funding_sources',
              display: 'list',
              heading: 'Top sources of funding',
              askedOf: 'cities with dedicated funding',
            },
          },
          {
            key: 'funding.activities',
            number: '3.3',
            type: 'multiple',
            label: 'Which activities does this funding pay for?',
            hint: 'Select all that apply.',
            condition: hasFunding,
            options: [
              option('launching_project', 'Launching or sustaining a project', { availableIn: [2018] }),
              option('idea_generation', 'Idea generation & brainstorming'),
              option('digital_systems', 'Investing in digital systems'),
              option('physical_infrastructure', 'Investing in physical infrastructure'),
              option('paying_for_services', 'Paying for services'),
              option('training_staff', 'Training staff and building capacity', { availableIn: [2020] }),
            ],
            messages: { required: 'Select the activities the funding pays for' },
            profile: {
              section: 'funding_activities',
              display: 'list',
              heading: 'Activities being funded',
              chart: { title: 'Activities being funded' },
              askedOf: 'cities with dedicated funding',
            },
          },
        ],
      },
    ],
  }
}
