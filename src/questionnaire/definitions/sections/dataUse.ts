import { noneOption, option, type PageInput, type SectionInput } from '../builders'
import { dataAreaOptions } from '../policyAreas'

/**
 * Section 4 of the instrument (data use, §3.4), led by the partnership question of section 5:
 * the profile reads the two partnership sentences together, innovation partners first.
 */
export function dataUseSection(): SectionInput {
  return {
    key: 'data',
    title: 'Partnerships and data use',
    intro: 'Who the city works with, and how it uses data in its innovation work.',
    pages: [partnershipsPage(), dataRolePage(), dataAvailabilityPage()],
  }
}

function partnershipsPage(): PageInput {
  return {
    key: 'partnerships',
    title: 'Partnerships',
    questions: [
      {
        key: 'partnerships.innovation',
        type: 'multiple',
        label: 'Who has the city developed partnerships with to promote innovation capacity?',
        hint: 'Select all that apply.',
        options: [
          option('public_agencies', 'Other public agencies', { phrase: 'other public agencies' }),
          option('private_firms', 'Private firms', { phrase: 'private firms' }),
          option('not_for_profit', 'Not-for-profit organizations', {
            phrase: 'not-for-profit organizations',
          }),
          option('residents', 'City residents/resident associations', {
            phrase: 'city residents/resident associations',
          }),
          option('academia', 'Universities and research institutions', {
            phrase: 'universities and research institutions',
          }),
          option('philanthropy', 'Philanthropic organizations', { phrase: 'philanthropic organizations' }),
          option('other_cities', 'Other cities', { phrase: 'other cities' }),
          noneOption('None of these'),
        ],
        other: true,
        messages: {
          required: 'Select who the city has partnerships with, or select “None of these”',
          otherRequired: 'Enter the other partner',
          exclusive: 'Select partners, or select “None of these”, not both',
        },
        profile: {
          section: 'partnerships',
          display: 'sentence',
          heading: 'How is innovation measured?',
          sentences: [
            {
              when: { includes: 'none' },
              text: '{city} has not developed partnerships to promote innovation capacity.',
            },
            { text: '{city} has developed partnerships to promote innovation capacity with {list}.' },
          ],
        },
      },
      {
        key: 'data.partnerships',
        type: 'multiple',
        label: 'Who has the city developed data partnerships with, to collect and analyze data?',
        hint: 'Select all that apply.',
        options: [
          option('private_sector', 'Private sector', { phrase: 'the private sector' }),
          option('academia', 'Academia and think tanks', { phrase: 'academia and think tanks' }),
          option('public_agencies', 'Other public agencies', { phrase: 'other public agencies' }),
          option('civil_society', 'Residents and civil society organizations', {
            phrase: 'residents and civil society organizations',
          }),
          option('other_cities', 'Other cities', { phrase: 'other cities' }),
          noneOption('None of these'),
        ],
        other: true,
        messages: {
          required: 'Select who the city has data partnerships with, or select “None of these”',
          otherRequired: 'Enter the other data partner',
          exclusive: 'Select data partners, or select “None of these”, not both',
        },
        profile: {
          section: 'partnerships',
          display: 'sentence',
          sentences: [
            {
              when: { includes: 'none' },
              text: '{city} has not developed data partnerships to collect and analyze data.',
            },
            {
              when: { includes: 'other_cities', count: 1 },
              text: 'To improve data use, the city has developed data partnerships with other cities.',
            },
            {
              when: { includes: 'other_cities' },
              listExcludes: ['other_cities'],
              text: 'To improve data use, the city has also developed data partnerships with {list}, to collect and analyze data, as well as with other cities.',
            },
            {
              text: 'To improve data use, the city has also developed data partnerships with {list}, to collect and analyze data.',
            },
          ],
        },
      },
    ],
  }
}

function dataRolePage(): PageInput {
  return {
    key: 'data_role',
    title: 'Data in decision-making',
    questions: [
      {
        key: 'data.role_in_decisions',
        type: 'single',
        label: 'How big a role does data play in the city’s innovation decisions and policy-making?',
        options: [
          option('significant', 'A significant role'),
          option('somewhat_significant', 'A somewhat significant role'),
          option('not_very_significant', 'Not a very significant role'),
          option('not_significant', 'No significant role'),
        ],
        messages: { required: 'Select how big a role data plays in the city’s decisions' },
      },
    ],
  }
}

function dataAvailabilityPage(): PageInput {
  return {
    key: 'data_availability',
    title: 'Data availability by policy area',
    questions: [
      {
        key: 'data.availability',
        type: 'matrix',
        label: 'For each policy area, does the city have sufficient data?',
        hint: 'Leave a policy area blank if the city does not collect data on it, or you do not know.',
        required: false,
        options: dataAreaOptions(),
        columns: [option('sufficient', 'Sufficient data'), option('insufficient', 'Insufficient data')],
        profile: {
          section: 'data_availability',
          display: 'matrixLists',
          heading: 'Data availability by policy area',
        },
      },
    ],
  }
}
