import readline from 'node:readline'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import type { Knex } from 'knex'
import { loadCommandConfig } from '../config'
import { createKnex } from '../db/knex'
import { migrateLatest } from '../db/migrate'
import { repositories } from '../wiring/repositories'
import { createOrPromoteAdmin, type BootstrapAdminInput } from '../accounts/bootstrapAdmin'
import { PASSWORD_MIN_LENGTH } from '../accounts/accountForms'

const usage =
  'Usage: npm run user:create-admin -- --email you@example.org [--name "Your Name"]\n' +
  '  Prompts for the password twice (or reads it from the first line of standard input when that is not a terminal).'

/** The work behind the command, without prompts: tests call this. */
export async function createAdmin(knex: Knex, input: BootstrapAdminInput) {
  const repos = repositories(knex)
  return createOrPromoteAdmin({ users: repos.users, audit: repos.audit, sessions: repos.sessions }, input)
}

/** Asks a question on the terminal without echoing the answer. */
function askHidden(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stdout.write(chunk, encoding)
      callback()
    },
  })
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve, reject) => {
    rl.on('SIGINT', () => {
      rl.close()
      process.stdout.write('\n')
      reject(new Error('Cancelled'))
    })
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

/** For scripting: the first line of standard input. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped()
  const first = await askHidden(`Password (at least ${PASSWORD_MIN_LENGTH} characters): `)
  if (first.length < PASSWORD_MIN_LENGTH)
    throw new Error(`The password must be ${PASSWORD_MIN_LENGTH} characters or more`)
  const second = await askHidden('Password again: ')
  if (first !== second) throw new Error('The passwords do not match')
  return first
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  })
  if (values.help || !values.email) {
    console.error(usage)
    return values.help ? 0 : 2
  }
  const password = await readPassword()
  const knex = createKnex(loadCommandConfig().database)
  try {
    await migrateLatest(knex)
    const result = await createAdmin(knex, { email: values.email, displayName: values.name, password })
    console.log(
      result.outcome === 'created'
        ? `Created the administrator ${result.email}.`
        : `${result.email} is now an administrator, with the new password.`,
    )
    return 0
  } finally {
    await knex.destroy()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
