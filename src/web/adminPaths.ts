/**
 * The administration's URLs, one builder per capability, in one place: routes redirect to these
 * and views link to them (registered as the `adminPaths` view local), never to hand-built strings.
 * Every text segment is percent-encoded, so a key or action with unusual characters stays one segment.
 */

const seg = (value: string | number): string => encodeURIComponent(String(value))
const withQuery = (path: string, query: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(query).filter(
    (e): e is [string, string | number] => e[1] !== undefined && e[1] !== '',
  )
  return entries.length
    ? `${path}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`
    : path
}

const home = '/admin'

/** Survey years, their settings, extensions, progress and exports (src/review). */
const editions = {
  editions: () => `${home}/editions`,
  /** The form for a new survey year, optionally with the year and how it starts already chosen. */
  newEdition: (query: { year?: number; start?: string } = {}) => withQuery(`${home}/editions/new`, query),
  edition: (year: number) => `${home}/editions/${seg(year)}`,
  editionSettings: (year: number) => `${home}/editions/${seg(year)}/settings`,
  /** publish, open, close, unpublish…: a confirmation page (GET) and its form (POST). */
  editionAction: (year: number, action: string) => `${home}/editions/${seg(year)}/${seg(action)}`,
  progress: (year: number, status?: string) =>
    withQuery(`${home}/editions/${seg(year)}/progress`, { status }),
  extensions: (year: number) => `${home}/editions/${seg(year)}/extensions`,
  extensionRemove: (year: number, cityId: number) =>
    `${home}/editions/${seg(year)}/extensions/${seg(cityId)}/remove`,
  exportFile: (year: number, format: string, scope: string) =>
    withQuery(`${home}/editions/${seg(year)}/export.${seg(format)}`, { scope }),
  codebook: (year: number) => `${home}/editions/${seg(year)}/codebook.csv`,
}

/** One edition's questionnaire editor (src/questionnaire/authoring). */
const questionnaire = {
  questionnaire: (year: number) => `${home}/editions/${seg(year)}/questionnaire`,
  questionnaireJson: (year: number) => `${home}/editions/${seg(year)}/questionnaire.json`,
  questionnaireQuestion: (year: number, questionKey: string) =>
    `${home}/editions/${seg(year)}/questionnaire/questions/${seg(questionKey)}`,
  questionnairePreview: (year: number) => `${home}/editions/${seg(year)}/questionnaire/preview`,
  questionnairePreviewPage: (year: number, sectionKey: string, pageKey: string) =>
    `${home}/editions/${seg(year)}/questionnaire/preview/${seg(sectionKey)}/${seg(pageKey)}`,
  questionnaireProfile: (year: number) => `${home}/editions/${seg(year)}/questionnaire/profile`,
  questionnaireProfileBlock: (year: number, blockKey: string) =>
    `${home}/editions/${seg(year)}/questionnaire/profile/blocks/${seg(blockKey)}`,
  questionnaireProfilePreview: (year: number, citySlug?: string) =>
    `${home}/editions/${seg(year)}/questionnaire/profile/preview${citySlug ? `?city=${seg(citySlug)}` : ''}`,
  questionnaireChanges: (year: number) => `${home}/editions/${seg(year)}/questionnaire/changes`,
  /** The questionnaire's other languages: what is translated, files to download and upload. */
  questionnaireTranslations: (year: number) => `${home}/editions/${seg(year)}/questionnaire/translations`,
  questionnaireTranslation: (year: number, locale: string) =>
    `${home}/editions/${seg(year)}/questionnaire/translations/${seg(locale)}`,
  /** The translation file of one language: `format` is csv or xlsx. */
  questionnaireTranslationFile: (year: number, locale: string, format: string) =>
    `${home}/editions/${seg(year)}/questionnaire/translations/${seg(locale)}.${seg(format)}`,
}

/** Reviewing one response (src/review/responseRoutes). */
const responses = {
  response: (id: number) => `${home}/responses/${seg(id)}`,
  /** The response with its questions in one language (English or the one it was given in). */
  responseIn: (id: number, locale: string) => withQuery(`${home}/responses/${seg(id)}`, { read: locale }),
  /** The response page scrolled to one question's answer. */
  responseQuestion: (id: number, questionKey: string) =>
    `${home}/responses/${seg(id)}#question-${seg(questionKey)}`,
  /** approve, return, reopen: a confirmation page (GET) and its form (POST). */
  responseAction: (id: number, action: string) => `${home}/responses/${seg(id)}/${seg(action)}`,
  responseComment: (id: number, questionKey?: string) =>
    withQuery(`${home}/responses/${seg(id)}/comment`, { question: questionKey }),
  responseCorrect: (id: number, questionKey: string) =>
    `${home}/responses/${seg(id)}/correct/${seg(questionKey)}`,
}

/** Cities and the import of cities with their officers (src/review/cityRoutes, src/accounts/cityImport). */
const cities = {
  cities: (query: { q?: string; page?: number } = {}) => withQuery(`${home}/cities`, query),
  newCity: () => `${home}/cities/new`,
  city: (id: number) => `${home}/cities/${seg(id)}`,
  cityEdit: (id: number) => `${home}/cities/${seg(id)}/edit`,
  cityImport: () => `${home}/cities/import`,
  cityImportCreate: () => `${home}/cities/import/create`,
  cityImportTemplate: (format: 'csv' | 'xlsx') => `${home}/cities/import/template.${format}`,
}

/** Accounts, their one-time links, the audit log and "Add your city" requests (src/accounts). */
const accounts = {
  users: () => `${home}/users`,
  newUser: () => `${home}/users/new`,
  user: (id: number) => `${home}/users/${seg(id)}`,
  userLink: (id: number) => `${home}/users/${seg(id)}/link`,
  /** disable, enable, unlock. */
  userAction: (id: number, action: string) => `${home}/users/${seg(id)}/${seg(action)}`,
  audit: (page?: number) => withQuery(`${home}/audit`, { page }),
  cityRequests: () => `${home}/city-requests`,
  cityRequest: (id: number) => `${home}/city-requests/${seg(id)}`,
  /** approve, reject. */
  cityRequestAction: (id: number, action: string) => `${home}/city-requests/${seg(id)}/${seg(action)}`,
}

/** A survey year's reminders: days, preview and switch, and sending now (src/reminders). */
const reminders = {
  reminders: (year: number) => `${home}/editions/${seg(year)}/reminders`,
  reminderDays: (year: number) => `${home}/editions/${seg(year)}/reminders/days`,
  reminderSwitch: (year: number, to: 'on' | 'off') => `${home}/editions/${seg(year)}/reminders/${to}`,
  reminderSend: (year: number) => `${home}/editions/${seg(year)}/reminders/send`,
}

/** The recurring jobs and "run now" (src/jobs). */
const jobs = {
  jobs: () => `${home}/jobs`,
  jobRun: (name: string) => `${home}/jobs/${seg(name)}/run`,
}

/** Every email sent, waiting or failed (src/mail). */
const outbox = {
  outbox: (query: { status?: string; kind?: string; page?: number } = {}) =>
    withQuery(`${home}/outbox`, query),
  outboxMessage: (id: number) => `${home}/outbox/${seg(id)}`,
  outboxResend: (id: number) => `${home}/outbox/${seg(id)}/resend`,
}

/** The survey's identity: the site's name, unit words and file prefix, and a year's own (src/identity). */
const identity = {
  settings: () => `${home}/settings`,
  editionIdentity: (year: number) => `${home}/editions/${seg(year)}/identity`,
}

export const adminPaths = {
  home: () => home,
  ...editions,
  ...questionnaire,
  ...responses,
  ...cities,
  ...accounts,
  ...reminders,
  ...jobs,
  ...outbox,
  ...identity,
}

export type AdminPaths = typeof adminPaths
