import { stringify } from 'csv-stringify/sync'
import { formatDeadline } from '../shared/deadline'
import { neutralise } from '../questionnaire/answerColumns'
import { progressStatusLabel, type ProgressEntry } from './progressService'

/** The progress dashboard's rows as CSV for a spreadsheet (byte-order mark, formulas neutralised). */
export function progressCsv(rows: ProgressEntry[], timeZone: string): string {
  const header = [
    'City',
    'Region',
    'Status',
    'Required answers (%)',
    'Answered',
    'Required',
    'Last activity (UTC)',
    'By',
    'Extended deadline',
    'Deadline',
    'Last reminder (UTC)',
  ]
  const lines = rows.map((r) =>
    [
      r.cityName,
      r.region,
      progressStatusLabel(r.status),
      r.percent,
      r.answered,
      r.required,
      r.lastActivityAt ?? '',
      r.lastActivityBy ?? '',
      r.extendedUntil ? formatDeadline(r.extendedUntil, timeZone) : '',
      r.deadline ? formatDeadline(r.deadline, timeZone) : '',
      r.lastReminderAt ?? '',
    ].map(neutralise),
  )
  return '\ufeff' + stringify([header, ...lines], { record_delimiter: '\r\n' })
}
