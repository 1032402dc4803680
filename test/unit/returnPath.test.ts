import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '../../src/accounts/returnPath'

describe('safeReturnPath', () => {
  it('when the path is one of our own protected routes, then it is kept with its query', () => {
    expect(safeReturnPath('/admin/users')).toBe('/admin/users')
    expect(safeReturnPath('/admin/audit?page=2')).toBe('/admin/audit?page=2')
    expect(safeReturnPath('/account')).toBe('/account')
  })

  it('when the path points to another site or is not a path at all, then it is refused', () => {
    for (const candidate of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login',
      '/administrator',
      '',
      undefined,
      42,
      ['/admin'],
    ]) {
      expect(safeReturnPath(candidate)).toBeUndefined()
    }
  })
})
