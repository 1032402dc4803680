import request from 'supertest'
import type { Express } from 'express'
import type TestAgent from 'supertest/lib/agent'

export type Agent = TestAgent

/** The CSRF token of the first form on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match) throw new Error('No CSRF token on the page')
  return match[1]
}

/** GETs a page and returns its CSRF token (the agent keeps the session cookie). */
export async function csrfToken(agent: Agent, path: string): Promise<string> {
  const page = await agent.get(path)
  return csrfFrom(page.text)
}

/** Signs in through the real login form, CSRF on; returns the response of the POST. */
export async function signIn(agent: Agent, email: string, password: string) {
  const token = await csrfToken(agent, '/login')
  return agent.post('/login').type('form').send({ _csrf: token, email, password })
}

/** A signed-in agent; fails the test when sign-in does not redirect. */
export async function signedInAgent(app: Express, email: string, password: string): Promise<Agent> {
  const agent = request.agent(app)
  const response = await signIn(agent, email, password)
  if (response.status !== 302) throw new Error(`Sign-in as ${email} failed with ${response.status}`)
  return agent
}

/** POSTs a form with the CSRF token taken from `formPath`. */
export async function postForm(
  agent: Agent,
  formPath: string,
  action: string,
  fields: Record<string, unknown>,
) {
  const token = await csrfToken(agent, formPath)
  return agent
    .post(action)
    .type('form')
    .send({ _csrf: token, ...fields })
}
