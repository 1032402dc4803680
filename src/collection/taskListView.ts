import type { SurveyContext } from './surveyContext'
import type { Summary, SummarySection } from './summaryView'

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

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`
const sectionCount = (count: number) => plural(count, 'section', 'sections')

const editableStatus: Record<SummarySection['status'], { text: string; style: StatusStyle }> = {
  completed: { text: 'Completed', style: 'plain' },
  problem: { text: 'There is a problem', style: 'red' },
  in_progress: { text: 'In progress', style: 'light-blue' },
  not_started: { text: 'Not yet started', style: 'blue' },
}

function editableSection(section: SummarySection): TaskListSection {
  if (!section.href) return { ...section, statusText: 'No questions apply', statusStyle: 'muted' }
  const hint =
    section.missing && section.status !== 'not_started'
      ? `${plural(section.missing, 'answer', 'answers')} still needed`
      : undefined
  return { ...section, ...toStatus(editableStatus[section.status]), hint }
}

const toStatus = (status: { text: string; style: StatusStyle }) => ({
  statusText: status.text,
  statusStyle: status.style,
})

/** A read-only response: each section says whether it holds answers (the response's status is said once, above). */
function lockedSection(section: SummarySection): TaskListSection {
  if (!section.href) return { ...section, statusText: 'No questions apply', statusStyle: 'muted' }
  const answered = section.rows.some((row) => row.lines.length > 0)
  return answered
    ? { ...section, statusText: 'Answered', statusStyle: 'plain' }
    : { ...section, statusText: 'Not answered', statusStyle: 'muted' }
}

/** The summary line, section statuses and submit status of the task list, in agreement with the response's status. */
export function taskListProgress(ctx: SurveyContext, summary: Summary): TaskListProgress {
  const response = ctx.response
  if (response?.status === 'submitted' || response?.status === 'approved') {
    // The status facts above the list say when and by whom, once; the sections only say what holds answers.
    const label = response.status === 'submitted' ? 'Submitted' : 'Approved'
    return {
      heading: '',
      lines: [],
      submitStatus: { text: label, style: 'plain' },
      sections: summary.sections.map(lockedSection),
    }
  }
  if (!ctx.access.editable) {
    return {
      heading: 'Survey closed',
      lines: [
        response
          ? 'The survey closed before your city’s response was submitted.'
          : 'The survey closed before your city answered it.',
      ],
      submitStatus: { text: 'Closed', style: 'muted' },
      sections: summary.sections.map(lockedSection),
    }
  }
  return editableProgress(ctx, summary)
}

/** An open response (in progress or returned for changes): what is done, what is left, and whether it can be submitted. */
function editableProgress(ctx: SurveyContext, summary: Summary): TaskListProgress {
  const sections = summary.sections.map(editableSection)
  const applicable = sections.filter((s) => s.href)
  const completed = applicable.filter((s) => s.status === 'completed').length
  const problems = applicable.filter((s) => s.status === 'problem').length
  const toCheck = applicable.filter((s) => s.status === 'in_progress' && s.missing === 0).length
  const ready = Boolean(ctx.response) && summary.missingCount === 0
  const returned = ctx.response?.status === 'returned'
  const lines = [`You have completed ${completed} of ${sectionCount(applicable.length)}.`]
  if (problems)
    lines.push(`${sectionCount(problems)} ${problems === 1 ? 'has' : 'have'} a reviewer’s comment to act on.`)
  if (toCheck)
    lines.push(`${sectionCount(toCheck)} ${toCheck === 1 ? 'has' : 'have'} copied answers to check.`)
  if (summary.missingCount)
    lines.push(`${plural(summary.missingCount, 'required answer is', 'required answers are')} still needed.`)
  else if (ready)
    lines.push(
      returned
        ? 'Every required question has an answer: you can submit your response again.'
        : 'Every required question has an answer: you can submit your response.',
    )
  let heading = ready ? 'Ready to submit' : 'Survey incomplete'
  if (returned) heading = 'Returned for changes'
  return {
    heading,
    lines,
    submitStatus: ready
      ? { text: 'Ready to submit', style: 'blue' }
      : { text: 'Cannot submit yet', style: 'muted' },
    sections,
  }
}
