/** One problem of a definition, for the import's list and the editor's field messages. */
export interface DefinitionProblem {
  /** The field's place in the document, e.g. "sections.1.pages.0.questions.2.options.3.key" (the editor puts the message beside that field). */
  path: string
  /** Where it is in an author's words: "Question 'Hosting' (publication.hosting)", "Page 'Sources' (funding.sources)". */
  where: string
  /** What is wrong and how to put it right, in plain words. */
  message: string
  /** Written from the kind of problem alone ("the label is missing"): a form may say it better beside its field. */
  generic?: boolean
}

/** What a definition is checked against besides itself. */
export interface ValidationContext {
  /** Edition years that exist; an option may only be offered in these. */
  knownYears: number[]
}
