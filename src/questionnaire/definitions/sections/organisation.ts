import { noneOption, option, type PageInput, type SectionInput } from '../builders'

/** Structures with a dedicated team: they are asked about its department, size and age. */
export const dedicatedTeamStructures: readonly string[] = [
  'mayors_office',
  'city_managers_office',
  'independent_department',
  'within_department',
]

/** Section 2 of the instrument: organisational structure, staffing and leadership (§3.2). */
export function organisationSection(): SectionInput {
  return {
    key: 'organisation',
    title: 'Organisation, skills and leadership',
    intro: 'How the city’s innovation work is organised, the skills it draws on, and what makes it succeed.',
    pages: [structurePage(), rolesPage(), successFactorsPage()],
  }
}

function structurePage(): PageInput {
  const dedicated = { question: 'org.structure', anyOf: [...dedicatedTeamStructures] }
  return {
    key: 'structure',
    title: 'Innovation team',
    questions: [
      {
        key: 'org.structure',
        type: 'single',
        label: 'How is the city’s innovation work organised?',
        options: [
          option('mayors_office', 'A dedicated innovation team in the Mayor’s office'),
          option('city_managers_office', 'A dedicated innovation team in the City Manager’s office'),
          option(
            'independent_department',
            'A dedicated innovation team as an independent department or body',
          ),
          option('within_department', 'A dedicated innovation team within another department', {
            hint: 'For example within the finance or technology services department.',
          }),
          option('sprinkled', 'Spread throughout the municipality, with no dedicated staff', {
            hint: 'Innovation work is “sprinkled” across departments; no staff work specifically on building innovation capacity.',
          }),
        ],
        other: true,
        messages: {
          required: 'Select how the city’s innovation work is organised',
          otherRequired: 'Describe how the city’s innovation work is organised',
        },
        profile: {
          section: 'organisation',
          display: 'sentence',
          sentences: [
            {
              when: { equals: 'sprinkled' },
              text: '{city}’s innovation work is sprinkled throughout the municipality, with no dedicated staff working specifically on building innovation capacity.',
            },
            {
              when: { equals: 'mayors_office' },
              text: 'Situated in the Mayor’s office, {city}’s dedicated team for innovation (i-team) leads the work on building innovation capacity.',
            },
            {
              when: { equals: 'city_managers_office' },
              text: 'Situated in the City Manager’s office, {city}’s dedicated innovation team leads the work on building innovation capacity.',
            },
            {
              when: { equals: 'independent_department' },
              text: 'As an independent department, {city}’s dedicated innovation team leads the work on building innovation capacity.',
            },
            {
              when: { equals: 'within_department' },
              text: 'Situated within another municipal department, {city}’s dedicated innovation team leads the work on building innovation capacity.',
            },
            // "Other": the city's own description is shown as written (instrument §7.5).
            { when: { equals: 'other' }, text: '{value}' },
          ],
        },
      },
      {
        key: 'org.department',
        type: 'text',
        label: 'Which department is the innovation team part of?',
        condition: { question: 'org.structure', anyOf: ['within_department'] },
        maxLength: 200,
        messages: {
          required: 'Enter the department the innovation team is part of',
          maxLength: 'The department must be 200 characters or fewer',
        },
      },
      {
        key: 'org.staff_count',
        type: 'number',
        label: 'How many staff work in the dedicated innovation team?',
        hint: 'Full-time equivalents, rounded to a whole number.',
        condition: dedicated,
        min: 1,
        max: 10_000,
        integer: true,
        unit: 'staff',
        messages: {
          required: 'Enter how many staff work in the innovation team',
          invalid: 'Number of staff must be a number, like 5',
          integer: 'Number of staff must be a whole number',
          min: 'Number of staff must be 1 or more',
          max: 'Number of staff must be 10,000 or fewer',
        },
        profile: {
          section: 'organisation',
          display: 'sentence',
          sentences: [{ text: 'The team consists of {value} staff.' }],
        },
      },
      {
        key: 'org.team_age_years',
        type: 'number',
        label: 'For how many years has the innovation team existed?',
        hint: 'Enter 0 if it was set up less than a year ago.',
        condition: dedicated,
        min: 0,
        max: 100,
        integer: true,
        unit: 'years',
        messages: {
          required: 'Enter for how many years the innovation team has existed',
          invalid: 'Years must be a number, like 3',
          integer: 'Years must be a whole number',
          min: 'Years must be 0 or more',
          max: 'Years must be 100 or fewer',
        },
      },
    ],
  }
}

/** Instrument list E. The count sentence includes "Other" roles, as the site's counts did. */
function rolesPage(): PageInput {
  return {
    key: 'roles',
    title: 'Innovation skills and roles',
    questions: [
      {
        key: 'roles',
        type: 'multiple',
        label: 'Which innovation skills or roles does the city have for its innovation work?',
        hint: 'Select all that apply, wherever the staff sit in the municipality.',
        options: [
          option('project_manager', 'Project manager'),
          option('data_scientist', 'Data scientist'),
          option('designer', 'Designer'),
          option('engineer', 'Engineer'),
          option('sociologist', 'Sociologist'),
          option('communication_officer', 'Communication officer'),
          option('community_engagement', 'Community engagement staff'),
          noneOption('None of these'),
        ],
        other: true,
        messages: {
          required: 'Select the innovation skills or roles the city has, or select “None of these”',
          otherRequired: 'Enter the other skill or role',
          exclusive: 'Select skills or roles, or select “None of these”, not both',
        },
        profile: {
          section: 'roles',
          display: 'list',
          // The count sentence is the heading of the list, as on the original profiles.
          sentences: [
            {
              when: { includes: 'none' },
              text: '{city} does not report specific innovation skills or roles.',
            },
            { when: { count: 1 }, text: '{city} utilizes 1 innovation skill or role' },
            { when: { count: 'many' }, text: '{city} utilizes {count} different innovation skills or roles' },
          ],
          chart: { title: 'Innovation roles by number of cities' },
        },
      },
    ],
  }
}

/** Instrument list F. "Human resource support" is seen on profiles from both editions. */
function successFactorsPage(): PageInput {
  return {
    key: 'success_factors',
    title: 'Critical success factors',
    questions: [
      {
        key: 'success_factors',
        type: 'multiple',
        label: 'What are the critical success factors for the city’s innovation work?',
        hint: 'Select all that apply.',
        options: [
          option('dedicated_funding', 'Dedicated funding'),
          option('focus_on_measurement', 'Focus on measurement'),
          option('dedicated_team', 'Dedicated innovation team'),
          option('culture_of_innovation', 'Culture of innovation in city'),
          option('leadership_from_mayor', 'Leadership from Mayor'),
          option('engagement_with_partners', 'Engagement with partners'),
          option('outside_support', 'Support from outside city administration'),
          option('human_resource_support', 'Human resource support'),
        ],
        messages: { required: 'Select the critical success factors for the city’s innovation work' },
        profile: { section: 'success_factors', display: 'list', heading: 'Critical success factors:' },
      },
    ],
  }
}
