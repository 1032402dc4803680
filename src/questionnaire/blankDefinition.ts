import { definitionSchema, type Definition } from './definitionSchema'

/**
 * The questionnaire a survey year starts from when there is nothing to copy: one section with
 * one page and one question (the schema asks for at least one of each), all placeholders the
 * editor renames, re-keys or replaces. Nothing in it belongs to any particular survey.
 */
export function blankDefinition(year: number, title?: string): Definition {
  return definitionSchema.parse({
    year,
    title: title || `Survey ${year}`,
    sections: [
      {
        key: 'section_1',
        title: 'First section',
        pages: [
          {
            key: 'section_1.page_1',
            title: 'First page',
            questions: [
              {
                key: 'section_1.question_1',
                type: 'text',
                label: 'First question',
                hint: 'A placeholder: change its wording and type, or add your questions and remove it.',
                required: false,
              },
            ],
          },
        ],
      },
    ],
  })
}
