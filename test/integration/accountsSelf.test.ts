import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { postForm, signIn } from '../support/http'
import {
  accountsTestEnv,
  auditTypes,
  officerAgent,
  sessionCountFor,
  signedIn,
} from '../support/accountsFactories'

const t = testApp(accountsTestEnv)
afterAll(() => t.close())

const change = (agent: request.Agent, fields: Record<string, string>) =>
  postForm(agent, '/account/password', '/account/password', fields)

describe('your account', () => {
  it('when an officer opens their account, then it shows their name, email, role and city', async () => {
    const { officer, agent, cityId } = await officerAgent(t)
    const city = await t.repos.cities.findById(cityId)
    const page = await agent.get('/account')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<title>Your account')
    expect(page.text).toContain(officer.email)
    expect(page.text).toContain('City innovation officer')
    expect(page.text).toContain(city!.name)
    expect(page.text).toContain('href="/account/password"')
  })

  it('when an administrator opens their account, then it shows their role and no city', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const page = await (await signedIn(t, admin)).get('/account')
    expect(page.text).toContain('Survey administrator')
    expect(page.text).not.toContain('>City<')
  })
})

describe('changing your password', () => {
  it('when the current password is wrong, then nothing changes and the field says so', async () => {
    const { officer, agent } = await officerAgent(t)
    const response = await change(agent, {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-password',
      confirmPassword: 'a-brand-new-password',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('<title>Error: Change your password')
    expect(response.text).toContain('href="#currentPassword">Your current password is not correct')
    expect((await signIn(request.agent(t.app), officer.email, officer.password)).status).toBe(302)
    expect(await auditTypes(t, { subject: officer.email, type: 'password_change_failed' })).toHaveLength(1)
  })

  it('when fields are missing, too short or do not match, then each gets its own message', async () => {
    const { officer, agent } = await officerAgent(t)
    const empty = await change(agent, {})
    expect(empty.status).toBe(400)
    for (const text of [
      'Enter your current password',
      'Enter a new password',
      'Enter the new password again',
    ])
      expect(empty.text).toContain(text)
    const short = await change(agent, {
      currentPassword: officer.password,
      newPassword: 'eleven-char',
      confirmPassword: 'eleven-char',
    })
    expect(short.text).toContain('Password must be 12 characters or more')
    const mismatch = await change(agent, {
      currentPassword: officer.password,
      newPassword: 'twelve-chars',
      confirmPassword: 'twelve-charz',
    })
    expect(mismatch.text).toContain('href="#confirmPassword">The passwords do not match')
    const same = await change(agent, {
      currentPassword: officer.password,
      newPassword: officer.password,
      confirmPassword: officer.password,
    })
    expect(same.text).toContain('Your new password must be different')
    expect(mismatch.text).not.toContain('twelve-chars')
  })

  it('when an officer reads in Spanish, then the password form’s messages are Spanish', async () => {
    const { officer, agent } = await officerAgent(t)
    expect((await agent.get('/account?lang=es')).text).toContain('<html lang="es"')
    const short = await change(agent, {
      currentPassword: officer.password,
      newPassword: 'eleven-char',
      confirmPassword: 'eleven-charz',
    })
    expect(short.status).toBe(400)
    expect(short.text).toContain('href="#newPassword">La contraseña debe tener 12 caracteres o más')
    expect(short.text).not.toContain('Password must be 12 characters')
    const wrong = await change(agent, {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-password',
      confirmPassword: 'a-brand-new-password',
    })
    expect(wrong.text).toContain('href="#currentPassword">Su contraseña actual no es correcta')
    expect(wrong.text).not.toContain('Your current password is not correct')
  })

  it('when the current password is right and the new one follows the rules, then it changes and other sessions end', async () => {
    const { officer, agent } = await officerAgent(t)
    const elsewhere = await signedIn(t, officer)
    expect(await sessionCountFor(t, officer.id)).toBe(2)
    const response = await change(agent, {
      currentPassword: officer.password,
      newPassword: 'twelve-chars',
      confirmPassword: 'twelve-chars',
    })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/account')
    expect((await agent.get('/account')).text).toContain('Your password has been changed')
    expect((await elsewhere.get('/account')).headers.location).toBe('/login')
    expect(await sessionCountFor(t, officer.id)).toBe(1)
    expect((await signIn(request.agent(t.app), officer.email, officer.password)).status).toBe(401)
    expect((await signIn(request.agent(t.app), officer.email, 'twelve-chars')).status).toBe(302)
    expect(await auditTypes(t, { subject: officer.email, type: 'password_changed' })).toHaveLength(1)
  })
})
