import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { down, up } from '../../migrations/20261129_016_snapshot_charts_by_key'

const t = testApp()
afterAll(() => t.close())

const enschede2020 = async (): Promise<{ content: string; content_hash: string }> =>
  t
    .knex('profile_snapshots as s')
    .join('cities as c', 'c.id', 's.city_id')
    .join('editions as e', 'e.id', 's.edition_id')
    .where({ 'c.slug': 'enschede-nld', 'e.year': 2020, 's.locale': 'en' })
    .first('s.content', 's.content_hash')

describe('snapshot format 2 (charts by key) migration', () => {
  it('when snapshots go back to format 1 and forward again, then charts are embedded with the city’s bars, then named again, and the page is unchanged', async () => {
    const stored = await enschede2020()
    const page = await request(t.app).get('/cities/enschede-nld/2020')
    expect(JSON.parse(stored.content)).toMatchObject({ format: 2 })
    expect(stored.content).toContain('{"kind":"chart","questionKey":"roles","own":["project_manager",')

    // Migration 016 ran before profiles had languages (150): it knows one snapshot per city and year.
    await t.knex('profile_snapshots').whereNot('locale', 'en').delete()
    await t.knex('edition_aggregates').whereNot('locale', 'en').delete()
    await down(t.knex)
    const old = await enschede2020()
    const blocks = JSON.parse(old.content).sections.flatMap((s: { blocks: unknown[] }) => s.blocks)
    const roles = blocks.find(
      (b: { kind: string; chart?: { questionKey: string } }) =>
        b.kind === 'chart' && b.chart?.questionKey === 'roles',
    )
    expect(JSON.parse(old.content).format).toBe(1)
    expect(roles.chart.svg).toContain('class="bar bar--own" data-option="project_manager"')
    expect(roles.chart.svg).toContain('<div class="cis-chart" id="chart-roles">')
    expect(old.content_hash).not.toBe(stored.content_hash)

    await up(t.knex)
    expect(await enschede2020()).toEqual(stored)
    t.services.profiles.pages.forget()
    const again = await request(t.app).get('/cities/enschede-nld/2020')
    expect(again.headers.etag).toBe(page.headers.etag)
    const withoutNonce = (html: string) => html.replace(/nonce="[^"]*"/g, '')
    expect(withoutNonce(again.text)).toBe(withoutNonce(page.text))
  })
})
