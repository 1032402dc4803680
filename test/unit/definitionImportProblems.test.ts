import { describe, expect, it } from 'vitest'
import { checkImport } from '../../src/questionnaire/authoring/definitionImport'

const context = { knownYears: [2030] }

/** A small questionnaire of another domain, with one problem of a different kind in each of five questions. */
function servicesSurvey() {
  return {
    year: 2030,
    title: 'Digital services 2030',
    sections: [
      {
        key: 'services',
        title: 'Services online',
        pages: [
          {
            key: 'services.main',
            title: 'Services',
            questions: [
              { key: 'software.used', type: 'text', label: 'Software used' },
              { key: 'services.channel', type: 'slider', label: 'Main channel' },
              { key: 'services.portal', type: 'yesno' },
              {
                key: 'services.launched',
                type: 'year',
                label: 'Year launched',
                condition: { question: 'publication.ready', anyOf: ['yes'] },
              },
            ],
          },
        ],
      },
      {
        key: 'publication',
        title: 'Publication',
        pages: [
          {
            key: 'publication.main',
            title: 'Publishing',
            questions: [
              { key: 'publication.ready', type: 'yesno', label: 'Ready to publish' },
              { key: 'software.used', type: 'text', label: 'Hosting' },
              {
                key: 'publication.formats',
                type: 'multiple',
                label: 'Formats',
                options: [
                  { key: 'csv', label: 'CSV' },
                  { key: 'csv', label: 'Spreadsheet' },
                ],
              },
            ],
          },
        ],
      },
    ],
  }
}

const problemsOf = (input: unknown) => {
  const result = checkImport(JSON.stringify(input), 2030, context)
  return result.ok ? [] : result.problems.map((p) => `${p.where}: ${p.message}`)
}

describe('an import lists every problem at once, each naming its question', () => {
  it('when five questions each have a different problem, then five messages name the five questions', () => {
    expect(problemsOf(servicesSurvey())).toEqual([
      'Question \'Main channel\' (services.channel): the type "slider" is not a question type; use one of yesno, single, multiple, rating, ranking, matrix, number, year, date, text, longtext, url, textList',
      'Question services.portal: the label is missing',
      "Question 'Year launched' (services.launched): its condition names question 'Ready to publish' in section 2, which comes later; a condition can only name an earlier question",
      "Question 'Hosting' (software.used): the key is already used by question 'Software used' in section 1",
      "Question 'Formats' (publication.formats): option 2 'Spreadsheet' has the key \"csv\", already used by option 1 'CSV'",
    ])
  })

  it('when a question has a shape problem, then a condition on it is still checked against the rest', () => {
    const input = servicesSurvey()
    // The condition names the question whose type is wrong, and a question that does not exist.
    input.sections[1].pages[0].questions.push({
      key: 'publication.where',
      type: 'text',
      label: 'Where',
      condition: { question: 'publication.nowhere', anyOf: ['yes'] },
    } as never)
    expect(problemsOf(input)).toContain(
      'Question \'Where\' (publication.where): its condition names "publication.nowhere", which is not a question of this questionnaire',
    )
  })

  it('when sections and pages are malformed, then they are named by number and title, in plain words', () => {
    const input = {
      year: 2030,
      title: '',
      sections: [{ key: 'Services', title: 'Services', pages: [] }, 'x'],
    }
    const problems = problemsOf(input)
    expect(problems).toEqual([
      'The questionnaire: the title is empty',
      'Section 1 \'Services\' (Services): the key "Services" must be lower-case words joined by "_" or ".", like funding.sources',
      "Section 1 'Services' (Services): there must be at least 1 page",
      'Section 2: it must be an object ({…})',
    ])
  })

  it('when any problem is reported, then its wording is never the validation library’s', () => {
    const input = servicesSurvey() as Record<string, unknown>
    input.format = 2
    input.year = '2030'
    const problems = problemsOf(input)
    expect(problems.length).toBeGreaterThan(5)
    for (const problem of problems) {
      expect(problem).not.toMatch(/Invalid|expected (string|number)|received|discriminator|>=|sections\.\d/)
      expect(problem).toMatch(/^(The questionnaire:|Question |Section |Page )/)
    }
  })
})
