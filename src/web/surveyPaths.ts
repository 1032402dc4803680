/** The officer journey's URLs, in one place (views and redirects use these, never hand-built strings). */

/** Where a "Change" link returns after saving: only these names are accepted (no open redirect). */
export const returnTargets = ['check-answers', 'section-check-answers'] as const
export type ReturnTarget = (typeof returnTargets)[number]

export const asReturnTarget = (value: unknown): ReturnTarget | undefined =>
  (returnTargets as readonly unknown[]).includes(value) ? (value as ReturnTarget) : undefined

export const surveyPaths = {
  taskList: (year: number) => `/survey/${year}`,
  page: (year: number, sectionKey: string, pageKey: string, returnTo?: ReturnTarget) =>
    `/survey/${year}/${sectionKey}/${pageKey}${returnTo ? `?returnTo=${returnTo}` : ''}`,
  sectionCheck: (year: number, sectionKey: string) => `/survey/${year}/${sectionKey}/check-answers`,
  prefill: (year: number, sectionKey: string) => `/survey/${year}/${sectionKey}/prefill`,
  checkAnswers: (year: number) => `/survey/${year}/check-answers`,
  submit: (year: number) => `/survey/${year}/submit`,
  confirmation: (year: number, reference: string) => `/survey/${year}/confirmation/${reference}`,
  answers: (year: number) => `/survey/${year}/answers`,
  commentReply: (year: number, commentId: number) => `/survey/${year}/comments/${commentId}/reply`,
}

/** The reference an officer quotes for a response: CIS-2026-000123. */
export const responseReference = (year: number, responseId: number): string =>
  `CIS-${year}-${String(responseId).padStart(6, '0')}`

export const referencePattern = /^CIS-(\d{4})-(\d{6,})$/
