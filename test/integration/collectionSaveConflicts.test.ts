import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { buildOfficer } from '../support/collectionFactories'
import { savePage, type SaveRequest } from '../../src/collection/savePage'
import { surveyLoader } from '../../src/collection/surveyContext'
import type { Repositories } from '../../src/wiring/repositories'
import { BadRequestError, ConflictError } from '../../src/shared/errors'

const t = testApp()
afterAll(() => t.close())

/** The repositories, with a response repository whose saves lose the race `losses` times first. */
function racingRepos(losses: number): { repos: Repositories; tries: () => number } {
  let tries = 0
  const responses = new Proxy(t.repos.responses, {
    get(target, property, receiver) {
      if (property !== 'saveAnswers') return Reflect.get(target, property, receiver)
      return async (...args: Parameters<typeof target.saveAnswers>) => {
        tries += 1
        if (tries <= losses)
          throw new ConflictError('Someone else saved this response since you opened the page')
        return target.saveAnswers(...args)
      }
    },
  })
  return { repos: { ...t.repos, responses }, tries: () => tries }
}

async function cityFactsSave(version: string, repos: Repositories = t.repos) {
  const { city, user } = await buildOfficer(t.repos)
  const request: SaveRequest = {
    officer: { id: user.id, displayName: 'Test officer', cityId: city.id },
    year: 2026,
    sectionKey: 'city',
    pageKey: 'city_facts',
    body: {
      _version: version,
      _base: '',
      _action: 'continue',
      'city-mayor': 'Someone',
      'city-population': '120000',
      'city-population_year': '2019',
    },
  }
  const edition = (await t.repos.editions.findByYear(2026))!
  const stored = async () => {
    const response = await t.repos.responses.find(edition.id, city.id)
    return response ? (await t.repos.responses.answers(response.id)).map((r) => r.questionKey) : []
  }
  const mayor = async () => {
    const response = await t.repos.responses.find(edition.id, city.id)
    const rows = response ? await t.repos.responses.answers(response.id) : []
    return rows.find((r) => r.questionKey === 'city.mayor')?.text
  }
  return { run: () => savePage(repos, surveyLoader(repos), request), stored, mayor }
}

/** The repositories, with another officer's save of the same page landing just before ours is written. */
function overtakenRepos(): Repositories {
  let overtaken = false
  const responses = new Proxy(t.repos.responses, {
    get(target, property, receiver) {
      if (property !== 'saveAnswers') return Reflect.get(target, property, receiver)
      return async (...args: Parameters<typeof target.saveAnswers>) => {
        const [save] = args
        if (!overtaken) {
          overtaken = true
          await target.saveAnswers({
            ...save,
            questionKeys: ['city.mayor'],
            rows: [
              {
                questionKey: 'city.mayor',
                optionKey: '',
                text: 'The other officer',
                number: null,
                note: null,
              },
            ],
          })
        }
        return target.saveAnswers(...args)
      }
    },
  })
  return { ...t.repos, responses }
}

describe('saving a page: versions and races', () => {
  it('when a page comes without a version, or with a negative or broken one, then it is refused and nothing is saved', async () => {
    for (const version of ['', '-1', 'abc']) {
      const { run, stored } = await cityFactsSave(version)
      await expect(run(), version).rejects.toBeInstanceOf(BadRequestError)
      expect(await stored()).toEqual([])
    }
  })

  it('when a save loses the race to another save twice, then it is decided again on fresh data and lands', async () => {
    const { repos, tries } = racingRepos(2)
    const { run, stored } = await cityFactsSave('0', repos)
    expect((await run()).kind).toBe('saved')
    expect(tries()).toBe(3)
    expect(await stored()).toContain('city.mayor')
  })

  it('when a save keeps losing the race, then after three tries the conflict is reported, not retried for ever', async () => {
    const { repos, tries } = racingRepos(10)
    const { run, stored } = await cityFactsSave('0', repos)
    await expect(run()).rejects.toBeInstanceOf(ConflictError)
    expect(tries()).toBe(3)
    expect(await stored()).toEqual([])
  })

  it('when another save lands between reading the page and writing it, then ours is refused by the stored version and the officer sees the other answers, which stay', async () => {
    const { run, mayor } = await cityFactsSave('0', overtakenRepos())
    const outcome = await run()
    expect(outcome.kind).toBe('render')
    expect(outcome.kind === 'render' && outcome.status).toBe(409)
    expect(await mayor()).toBe('The other officer')
  })

  it('when a save carries the current version, then it is written whatever page fingerprint it carries (the fingerprint only rescues a save whose version moved)', async () => {
    const { city, user } = await buildOfficer(t.repos)
    const edition = (await t.repos.editions.findByYear(2026))!
    const opened = await savePage(t.repos, surveyLoader(t.repos), {
      officer: { id: user.id, displayName: 'Test officer', cityId: city.id },
      year: 2026,
      sectionKey: 'city',
      pageKey: 'city_facts',
      body: {
        _version: '0',
        _base: '',
        _action: 'continue',
        'city-mayor': 'First',
        'city-population': '1000',
        'city-population_year': '2019',
      },
    })
    expect(opened.kind).toBe('saved')
    const version = (await t.repos.responses.find(edition.id, city.id))!.version
    const again = await savePage(t.repos, surveyLoader(t.repos), {
      officer: { id: user.id, displayName: 'Test officer', cityId: city.id },
      year: 2026,
      sectionKey: 'city',
      pageKey: 'city_facts',
      body: {
        _version: String(version),
        _base: 'a stale fingerprint',
        _action: 'continue',
        'city-mayor': 'Second',
        'city-population': '1000',
        'city-population_year': '2019',
      },
    })
    expect(again.kind).toBe('saved')
    const rows = await t.repos.responses.answers((await t.repos.responses.find(edition.id, city.id))!.id)
    expect(rows.find((r) => r.questionKey === 'city.mayor')?.text).toBe('Second')
  })
})
