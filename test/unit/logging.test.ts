import { Writable } from 'node:stream'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { serializeError } from '../../src/middleware/setUpLogging'

describe('logging errors', () => {
  it('when a database error is logged, then its message and code are kept and the values of its row are not', () => {
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_unique"'),
      {
        code: '23505',
        detail: 'Key (email)=(someone@example.org) already exists.',
        where: 'SQL statement "insert into users …"',
        internalQuery: 'insert into users (email) values ($1)',
      },
    )
    let line = ''
    const logger = pino(
      { serializers: { err: serializeError } },
      new Writable({ write: (chunk, _encoding, done) => ((line += chunk.toString()), done()) }),
    )
    logger.error({ err: error }, 'request failed')
    const logged = JSON.parse(line).err
    expect(logged).toMatchObject({ message: error.message, code: '23505' })
    expect(line).not.toContain('someone@example.org')
    expect(line).not.toContain('insert into')
  })
})
