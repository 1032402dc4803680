import { describe, expect, it } from 'vitest'
import { adminPaths } from '../../src/web/adminPaths'

describe('adminPaths', () => {
  it('when given a survey year, then it builds the routes that year is served at', () => {
    expect(adminPaths.home()).toBe('/admin')
    expect(adminPaths.edition(2026)).toBe('/admin/editions/2026')
    expect(adminPaths.editionAction(2026, 'publish')).toBe('/admin/editions/2026/publish')
    expect(adminPaths.extensionRemove(2026, 7)).toBe('/admin/editions/2026/extensions/7/remove')
    expect(adminPaths.questionnaire(2026)).toBe('/admin/editions/2026/questionnaire')
    expect(adminPaths.questionnaireJson(2026)).toBe('/admin/editions/2026/questionnaire.json')
    expect(adminPaths.questionnairePreviewPage(2026, 'about', 'people')).toBe(
      '/admin/editions/2026/questionnaire/preview/about/people',
    )
    expect(adminPaths.codebook(2026)).toBe('/admin/editions/2026/codebook.csv')
    expect(adminPaths.reminders(2026)).toBe('/admin/editions/2026/reminders')
    expect(adminPaths.reminderSwitch(2026, 'off')).toBe('/admin/editions/2026/reminders/off')
    expect(adminPaths.reminderSend(2026)).toBe('/admin/editions/2026/reminders/send')
    expect(adminPaths.jobRun('mail.deliver')).toBe('/admin/jobs/mail.deliver/run')
  })

  it('when a query value is given, then it is added; when it is empty, then the path stays bare', () => {
    expect(adminPaths.progress(2026)).toBe('/admin/editions/2026/progress')
    expect(adminPaths.progress(2026, 'submitted')).toBe('/admin/editions/2026/progress?status=submitted')
    expect(adminPaths.exportFile(2026, 'csv', 'approved')).toBe(
      '/admin/editions/2026/export.csv?scope=approved',
    )
    expect(adminPaths.cities()).toBe('/admin/cities')
    expect(adminPaths.cities({ q: '', page: 2 })).toBe('/admin/cities?page=2')
    expect(adminPaths.cities({ q: 'den haag', page: 3 })).toBe('/admin/cities?q=den+haag&page=3')
    expect(adminPaths.outbox({ kind: 'invitation' })).toBe('/admin/outbox?kind=invitation')
    expect(adminPaths.audit()).toBe('/admin/audit')
    expect(adminPaths.audit(4)).toBe('/admin/audit?page=4')
    expect(adminPaths.responseComment(12)).toBe('/admin/responses/12/comment')
    expect(adminPaths.responseComment(12, 'budget.total')).toBe(
      '/admin/responses/12/comment?question=budget.total',
    )
  })

  it('when a key or action has unusual characters, then each stays one encoded path segment', () => {
    const odd = 'a/b c?d#e%f&ü'
    expect(adminPaths.responseCorrect(12, odd)).toBe(
      '/admin/responses/12/correct/a%2Fb%20c%3Fd%23e%25f%26%C3%BC',
    )
    expect(adminPaths.responseQuestion(12, odd)).toBe(
      '/admin/responses/12#question-a%2Fb%20c%3Fd%23e%25f%26%C3%BC',
    )
    expect(adminPaths.questionnaireQuestion(2026, '../users')).toBe(
      '/admin/editions/2026/questionnaire/questions/..%2Fusers',
    )
    expect(adminPaths.responseAction(12, 'approve/../../users')).toBe(
      '/admin/responses/12/approve%2F..%2F..%2Fusers',
    )
    expect(adminPaths.responseComment(12, 'x&question=y')).toBe(
      '/admin/responses/12/comment?question=x%26question%3Dy',
    )
  })

  it('when a key is an ordinary questionnaire key, then it is left as it was written', () => {
    expect(adminPaths.responseCorrect(3, 'staff.it_budget')).toBe(
      '/admin/responses/3/correct/staff.it_budget',
    )
    expect(adminPaths.responseQuestion(3, 'staff.it_budget')).toBe(
      '/admin/responses/3#question-staff.it_budget',
    )
  })
})
