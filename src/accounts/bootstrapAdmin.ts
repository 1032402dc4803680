import { z } from 'zod'
import type { UsersRepository } from './usersRepository'
import type { AuditRepository } from './auditRepository'
import type { SessionsRepository } from './sessionsRepository'
import { hashPassword } from './passwords'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './accountForms'
import { BadRequestError } from '../shared/errors'

interface Deps {
  users: UsersRepository
  audit: AuditRepository
  sessions: SessionsRepository
}

const inputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .email('Enter an email address in the correct format, like name@example.org'),
  displayName: z.string().trim().max(200).optional(),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `The password must be ${PASSWORD_MIN_LENGTH} characters or more`)
    .max(PASSWORD_MAX_LENGTH, `The password must be ${PASSWORD_MAX_LENGTH} characters or fewer`),
})

export type BootstrapAdminInput = z.input<typeof inputSchema>

/**
 * Creates an administrator, or makes an existing account one (enabled, unlocked, with the new
 * password, its old sessions ended): the first admin of a deployment and the way back in for a
 * locked-out one. Refuses an invalid email or a short password with a BadRequestError.
 */
export async function createOrPromoteAdmin(
  { users, audit, sessions }: Deps,
  input: BootstrapAdminInput,
): Promise<{ outcome: 'created' | 'promoted'; userId: number; email: string }> {
  const parsed = inputSchema.safeParse(input)
  if (!parsed.success) throw new BadRequestError(parsed.error.issues.map((i) => i.message).join('; '))
  const { email, displayName, password } = parsed.data
  const passwordHash = await hashPassword(password)
  const existing = await users.findByEmail(email)
  if (existing) {
    await users.promoteToAdmin(existing.id, displayName || undefined)
    await users.setPassword(existing.id, passwordHash)
    await sessions.deleteForUser(existing.id)
    await audit.record({
      actorId: null,
      type: 'admin_promoted_cli',
      subject: email,
      detail: { userId: existing.id, previousRole: existing.role },
    })
    return { outcome: 'promoted', userId: existing.id, email }
  }
  const userId = await users.create({
    email,
    displayName: displayName || 'Administrator',
    passwordHash,
    role: 'admin',
    cityId: null,
  })
  await audit.record({ actorId: null, type: 'admin_created_cli', subject: email, detail: { userId } })
  return { outcome: 'created', userId, email }
}
