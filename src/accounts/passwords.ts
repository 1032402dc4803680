import { hash, verify } from '@node-rs/argon2'

/** argon2id with the library's defaults (19 MiB, t=2): about 70 ms here. */
export const hashPassword = (password: string): Promise<string> => hash(password)

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash of nothing anyone knows, verified when the email is unknown so timing does not tell. */
export const dummyHash = hash('not-a-real-password-' + Math.random())
