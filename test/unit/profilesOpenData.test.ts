import { describe, expect, it } from 'vitest'
import { openDataColumns, safeJson } from '../../src/profiles/openDataColumns'
import { neutralise } from '../../src/questionnaire/answerColumns'
import { compareProfiles } from '../../src/profiles/compareProfiles'
import type { ProfileContent } from '../../src/profiles/profileContent'
import { multiple, profileTestDefinition, yes } from '../support/profilesFactories'

describe('open data columns', () => {
  const columns = openDataColumns(profileTestDefinition(2020))
  const column = (name: string) => columns.find((c) => c.name === name)!

  it('when a definition is laid out as columns, then each option, row or entry has a stable key of its own', () => {
    const names = columns.map((c) => c.name)
    expect(names).toContain('strategy.formal')
    expect(names).toContain('roles.project_manager')
    expect(names).toContain('roles.other')
    expect(names).toContain('roles.other_text')
    expect(names).toContain('data.availability.land_use')
    expect(names).toContain('activities.experience.data_analytics')
    expect(names).toContain('city.officers.1')
    // An option of another edition only is not a column of this one.
    expect(names).toContain('funding.activities.training_staff')
    expect(names).not.toContain('funding.activities.launching_project')
    expect(new Set(names).size).toBe(names.length)
  })

  it('when answers are read into cells, then choices are 1/0, unanswered is empty and "Other" is as written', () => {
    const roles = multiple(['project_manager', 'other'], 'Urban planner')
    expect(column('roles.project_manager').read(roles)).toBe(1)
    expect(column('roles.data_scientist').read(roles)).toBe(0)
    expect(column('roles.data_scientist').read(undefined)).toBeNull()
    expect(column('roles.other_text').read(roles)).toBe('Urban planner')
    expect(column('strategy.formal').read(yes)).toBe('yes')
    expect(
      column('data.availability.land_use').read({ type: 'matrix', cells: { land_use: 'insufficient' } }),
    ).toBe('insufficient')
    expect(column('city.officers.2').read({ type: 'textList', values: ['A', 'B'] })).toBe('B')
  })

  it('when a cell starts with a formula character, then it is prefixed so spreadsheets do not run it', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`)
    expect(neutralise('+1')).toBe("'+1")
    expect(neutralise('-2')).toBe("'-2")
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutralise('Plain text = fine')).toBe('Plain text = fine')
    expect(neutralise(-2)).toBe(-2)
    expect(neutralise(null)).toBeNull()
  })

  it('when JSON holds markup, then it is written with \\u escapes and reads back the same', () => {
    const value = { text: '<script>alert("x")</script> & more' }
    const json = safeJson(value)
    expect(json).not.toMatch(/[<>&]/)
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('comparing two years', () => {
  const profile = (year: number, answers: ProfileContent['answers']) => ({ year, answers }) as ProfileContent

  it('when answers differ, stay, appear or disappear, then each is marked', () => {
    const from = profile(2018, [
      { key: 'a', label: 'A?', lines: ['Yes'] },
      { key: 'b', label: 'B?', lines: ['One', 'Two'] },
      { key: 'c', label: 'C?', lines: ['Gone'] },
    ])
    const to = profile(2020, [
      { key: 'a', label: 'A?', lines: ['Yes'] },
      { key: 'b', label: 'B (reworded)?', lines: ['One', 'Three'] },
      { key: 'd', label: 'D?', lines: ['New'] },
    ])
    expect(compareProfiles(from, to).map((row) => [row.key, row.label, row.status])).toEqual([
      ['a', 'A?', 'same'],
      ['b', 'B (reworded)?', 'changed'],
      ['d', 'D?', 'added'],
      ['c', 'C?', 'removed'],
    ])
  })
})
