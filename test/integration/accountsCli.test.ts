import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { signIn } from '../support/http'
import { accountsTestEnv, auditTypes, sessionCountFor, signedIn } from '../support/accountsFactories'
import { createAdmin } from '../../src/cli/createAdmin'

const t = testApp(accountsTestEnv)
afterAll(() => t.close())

const uniqueEmail = () => `cli-admin-${Math.random().toString(36).slice(2, 10)}@example.test`

describe('npm run user:create-admin', () => {
  it('when the email is new, then an administrator is created who can sign in and reach the admin pages', async () => {
    const email = uniqueEmail()
    const result = await createAdmin(t.knex, {
      email: `  ${email.toUpperCase()} `,
      displayName: 'Ada Admin',
      password: 'correct-horse-battery',
    })
    expect(result.outcome).toBe('created')
    const user = await t.repos.users.findByEmail(email)
    expect(user).toMatchObject({ role: 'admin', cityId: null, displayName: 'Ada Admin', isDemo: false })
    const agent = request.agent(t.app)
    const response = await signIn(agent, email, 'correct-horse-battery')
    expect(response.headers.location).toBe('/admin')
    expect((await agent.get('/admin/users')).status).toBe(200)
    expect(await auditTypes(t, { subject: email })).toEqual(['admin_created_cli', 'sign_in'])
  })

  it('when the email belongs to an officer, then the account is promoted, unlocked and given the new password, and its sessions end', async () => {
    const city = await buildCity(t.repos)
    const officer = await buildUser(t.repos, { role: 'officer', cityId: city.id })
    const session = await signedIn(t, officer)
    await t.repos.users.setDisabled(officer.id, true)
    const result = await createAdmin(t.knex, { email: officer.email, password: 'a-new-admin-password' })
    expect(result).toEqual({ outcome: 'promoted', userId: officer.id, email: officer.email })
    expect(await t.repos.users.findById(officer.id)).toMatchObject({
      role: 'admin',
      cityId: null,
      disabledAt: null,
      lockedUntil: null,
    })
    expect(await sessionCountFor(t, officer.id)).toBe(0)
    expect((await session.get('/account')).headers.location).toBe('/login')
    expect((await signIn(request.agent(t.app), officer.email, officer.password)).status).toBe(401)
    expect((await signIn(request.agent(t.app), officer.email, 'a-new-admin-password')).headers.location).toBe(
      '/admin',
    )
  })

  it('when the password is shorter than 12 characters or the email is not valid, then nothing is created', async () => {
    const email = uniqueEmail()
    await expect(createAdmin(t.knex, { email, password: 'short-pass' })).rejects.toThrow(
      'The password must be 12 characters or more',
    )
    await expect(
      createAdmin(t.knex, { email: 'not-an-email', password: 'long-enough-password' }),
    ).rejects.toThrow('Enter an email address in the correct format')
    expect(await t.repos.users.findByEmail(email)).toBeUndefined()
  })
})
