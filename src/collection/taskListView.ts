import type { SurveyContext } from './surveyContext'
import type { Summary, SummarySection } from './summaryView'
import { english, type Translate } from '../i18n/catalogues'

/**
 * What the task list says about the response as a whole and each section, decided by the
 * response's status first: a submitted or approved response is no longer a list of tasks,
 * so nothing in it is "still needed" and it is never "ready to submit".
 */

export type StatusStyle = 'plain' | 'muted' | 'red' | 'light-blue' | 'blue'

export interface TaskListSection extends SummarySection {
  statusText: string
  statusStyle: StatusStyle
  /** "2 answers still needed", while the officer can still give them. */
  hint?: string
}

export interface TaskListProgress {
  heading: string
  lines: string[]
  submitStatus: { text: string; style: StatusStyle }
  sections: TaskListSection[]
}

const editableStyle: Record<SummarySection['status'], StatusStyle> = {
  completed: 'plain',
  problem: 'red',
  in_progress: 'light-blue',
  not_started: 'blue',
}

function editableSection(section: SummarySection, t: Translate): TaskListSection {
  if (!section.href) return { ...section, statusText: t('taskList.status.noQuestions'), statusStyle: 'muted' }
  const hint =
    section.missing && section.status !== 'not_started'
      ? t('taskList.answersNeeded', { count: section.missing })
      : undefined
  return {
    ...section,
    statusText: t(`taskList.status.${section.status}`),
    statusStyle: editableStyle[section.status],
    hint,
  }
}

/** A read-only response: each section says whether it holds answers (the response's status is said once, above). */
function lockedSection(section: SummarySection, t: Translate): TaskListSection {
  if (!section.href) return { ...section, statusText: t('taskList.status.noQuestions'), statusStyle: 'muted' }
  const answered = section.rows.some((row) => row.lines.length > 0)
  return answered
    ? { ...section, statusText: t('taskList.status.answered'), statusStyle: 'plain' }
    : { ...section, statusText: t('taskList.status.notAnswered'), statusStyle: 'muted' }
}

/**
 * The summary line, section statuses and submit status of the task list, in agreement with the
 * response's status, in the language of `t` (English by default).
 */
export function taskListProgress(
  ctx: SurveyContext,
  summary: Summary,
  t: Translate = english,
): TaskListProgress {
  const response = ctx.response
  const locked = () => summary.sections.map((section) => lockedSection(section, t))
  if (response?.status === 'submitted' || response?.status === 'approved') {
    // The status facts above the list say when and by whom, once; the sections only say what holds answers.
    return {
      heading: '',
      lines: [],
      submitStatus: { text: t(`taskList.status.${response.status}`), style: 'plain' },
      sections: locked(),
    }
  }
  if (!ctx.access.editable) {
    return {
      heading: t('taskList.closedHeading'),
      lines: [t(response ? 'taskList.closedBeforeSubmitted' : 'taskList.closedBeforeAnswered')],
      submitStatus: { text: t('taskList.status.closed'), style: 'muted' },
      sections: locked(),
    }
  }
  return editableProgress(ctx, summary, t)
}

/** An open response (in progress or returned for changes): what is done, what is left, and whether it can be submitted. */
function editableProgress(ctx: SurveyContext, summary: Summary, t: Translate): TaskListProgress {
  const sections = summary.sections.map((section) => editableSection(section, t))
  const applicable = sections.filter((s) => s.href)
  const completed = applicable.filter((s) => s.status === 'completed').length
  const problems = applicable.filter((s) => s.status === 'problem').length
  const toCheck = applicable.filter((s) => s.status === 'in_progress' && s.missing === 0).length
  const ready = Boolean(ctx.response) && summary.missingCount === 0
  const returned = ctx.response?.status === 'returned'
  const lines = [t('taskList.completedOf', { completed, count: applicable.length })]
  if (problems) lines.push(t('taskList.commentsToActOn', { count: problems }))
  if (toCheck) lines.push(t('taskList.copiedToCheck', { count: toCheck }))
  if (summary.missingCount) lines.push(t('taskList.requiredNeeded', { count: summary.missingCount }))
  else if (ready) lines.push(t(returned ? 'taskList.readyAgain' : 'taskList.ready'))
  let heading = t(ready ? 'taskList.readyHeading' : 'taskList.incompleteHeading')
  if (returned) heading = t('taskList.returnedForChanges')
  return {
    heading,
    lines,
    submitStatus: ready
      ? { text: t('taskList.status.readyToSubmit'), style: 'blue' }
      : { text: t('taskList.status.cannotSubmit'), style: 'muted' },
    sections,
  }
}
