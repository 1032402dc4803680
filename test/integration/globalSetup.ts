import fs from 'node:fs'
import crypto from 'node:crypto'
import knexFactory from 'knex'
import type { TestProject } from 'vitest/node'
import { createKnex } from '../../src/db/knex'
import { migrateDownAll, migrateLatest } from '../../src/db/migrate'
import { ensureDemoData } from '../../src/cli/demo/loadDemoData'
import { templatePath } from '../support/testDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null
  }
}

const DEMO_PASSWORD = 'demo-password'

/**
 * Migrates and loads the demo data once per run. SQLite: a template file that each test
 * file copies. PostgreSQL: a database of this run's own on the server of DATABASE_URL,
 * dropped afterwards, so parallel runs never trample each other.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl?.startsWith('postgres')) return setUpPostgres(project, serverUrl)
  project.provide('postgresUrl', null)
  removeTemplate()
  const knex = createKnex({ client: 'sqlite3', filename: templatePath })
  try {
    await migrateLatest(knex)
    await ensureDemoData(knex, DEMO_PASSWORD)
    await knex.raw('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    await knex.destroy()
  }
  return async () => removeTemplate()
}

function removeTemplate(): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(templatePath + suffix, { force: true })
}

async function setUpPostgres(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  const name = `cis_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = knexFactory({ client: 'pg', connection: serverUrl })
  await admin.raw(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const knex = createKnex({ client: 'pg', connectionString: url.toString() })
  try {
    // Up, down and up again: every migration's down is proven on PostgreSQL too.
    await migrateLatest(knex)
    await migrateDownAll(knex)
    await migrateLatest(knex)
    await ensureDemoData(knex, DEMO_PASSWORD)
  } finally {
    await knex.destroy()
  }
  project.provide('postgresUrl', url.toString())
  return async () => {
    await admin.raw(`drop database if exists ${name} with (force)`)
    await admin.destroy()
  }
}
