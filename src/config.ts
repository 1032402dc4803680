import os from 'node:os'
import { z } from 'zod'
import { DEFAULT_IDENTITY, identityFields, withOverrides, type Identity } from './shared/identity'
import { identityFromEnv } from './identity/identityForm'

/** The default secret is only for demo mode; production refuses it (STYLE.md §6). */
export const DEFAULT_SESSION_SECRET = 'demo-only-session-secret-change-me'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value))

/** What a command-line tool needs: it never serves pages, so no secret or public address. */
const commandEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .default('sqlite:data/app.sqlite3')
    .refine(
      (url) => /^(sqlite:|postgres(ql)?:\/\/)/.test(url),
      'DATABASE_URL must start with sqlite: or postgres://',
    ),
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

const envSchema = commandEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SESSION_SECRET: z
    .string()
    .min(16, 'SESSION_SECRET must be at least 16 characters')
    .default(DEFAULT_SESSION_SECRET),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  DEMO_DATA: bool.optional(),
  DEMO_PASSWORD: z.string().min(8).default('demo-password'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  RESET_RATE_PER_HOUR: z.coerce.number().int().positive().default(20),
  VIEW_CACHE: bool.default(true),
  TRUST_PROXY: bool.default(false),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_BASE_URL must be an http:// or https:// address' })
    .optional(),
  MAIL_URL: z
    .url({ protocol: /^smtps?$/, error: 'MAIL_URL must be an smtp:// or smtps:// address' })
    .optional(),
  MAIL_FROM: z.string().trim().min(3).optional(),
  CONTACT_EMAIL: z.email({ error: 'CONTACT_EMAIL must be an email address' }).optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// address' })
    .optional(),
})

export type Database = { client: 'sqlite3'; filename: string } | { client: 'pg'; connectionString: string }

function parseDatabase(url: string): Database {
  if (url.startsWith('sqlite:'))
    return { client: 'sqlite3', filename: url.slice('sqlite:'.length) || ':memory:' }
  return { client: 'pg', connectionString: url }
}

/** In development the default address is where `npm start` listens. */
const hostForLinks = (host: string): string => (host === '0.0.0.0' || host === '::' ? 'localhost' : host)

/** The web server's configuration: the environment, parsed and shaped (its type is inferred). */
const configSchema = envSchema.transform((e) => ({
  env: e.NODE_ENV,
  port: e.PORT,
  host: e.HOST,
  database: parseDatabase(e.DATABASE_URL),
  sessionSecret: e.SESSION_SECRET,
  sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
  demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
  demoPassword: e.DEMO_PASSWORD,
  /** resetRatePerHour: "forgot password" requests per IP address per hour. */
  login: {
    maxFailures: e.LOGIN_MAX_FAILURES,
    lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    ratePerMinute: e.LOGIN_RATE_PER_MINUTE,
    resetRatePerHour: e.RESET_RATE_PER_HOUR,
  },
  disclosureThreshold: e.DISCLOSURE_THRESHOLD,
  logLevel: e.LOG_LEVEL,
  viewCache: e.VIEW_CACHE,
  trustProxy: e.TRUST_PROXY,
  /** Where the public reaches this site, without a trailing slash: every absolute link starts here. */
  // Never from the request's Host header, which a client chooses.
  publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${hostForLinks(e.HOST)}:${e.PORT}`).replace(/\/+$/, ''),
  /** SMTP relay (none: mail stays in the outbox and the log) and the From address. */
  mail: {
    url: e.MAIL_URL,
    from:
      e.MAIL_FROM ??
      `City Innovation Survey <no-reply@${new URL(e.PUBLIC_BASE_URL ?? 'http://localhost').hostname}>`,
  },
  /** Whom the public writes to: the contact, privacy and accessibility pages name it. */
  contactEmail: e.CONTACT_EMAIL ?? `survey@${new URL(e.PUBLIC_BASE_URL ?? 'http://localhost').hostname}`,
  /** Where the rate limiters count when not in the database (several instances share it). */
  redisUrl: e.REDIS_URL,
  /** Worker processes of `npm run start:cluster`; by default one per CPU core. */
  webConcurrency: e.WEB_CONCURRENCY ?? os.availableParallelism(),
}))

export type Config = z.infer<typeof configSchema> & {
  /**
   * The survey's identity as the environment sets it (SURVEY_NAME, PROFILE_TITLE, UNIT_PLURAL, …;
   * today's innovation survey wording where unset). The settings page may set it further.
   */
  identity: Identity
}

/** The configuration of a command-line tool (migrations, regeneration, accounts): no web settings. */
export type CommandConfig = Pick<Config, 'env' | 'database' | 'disclosureThreshold' | 'logLevel'>

export class ConfigError extends Error {}

function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return parsed.data
}

function identityOf(env: NodeJS.ProcessEnv): Identity {
  try {
    return withOverrides(DEFAULT_IDENTITY, identityFromEnv(env, identityFields))
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}`)
  }
}

/** Parses the environment once, failing fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const config = { ...parseEnv(configSchema, env), identity: identityOf(env) }
  if (!env.MAIL_FROM && env.SURVEY_NAME)
    config.mail = {
      ...config.mail,
      from: config.mail.from.replace(DEFAULT_IDENTITY.surveyName, config.identity.surveyName),
    }
  const production = config.env === 'production'
  if (production && config.sessionSecret === DEFAULT_SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: set a secret of your own in production')
  }
  // (An invalid PUBLIC_BASE_URL was refused above: here it is either a valid address or unset.)
  if (production && !env.PUBLIC_BASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_BASE_URL: required in production (links in emails and pages)',
    )
  }
  if (production && config.demoData) {
    throw new ConfigError('Invalid configuration:\n  DEMO_DATA: demo accounts are refused in production')
  }
  return Object.freeze(config)
}

/**
 * Parses only what a command-line tool uses, so `NODE_ENV=production npm run profiles:regenerate`
 * runs with just DATABASE_URL: the web server's secret and public address are not its business.
 */
export function loadCommandConfig(env: NodeJS.ProcessEnv = process.env): Readonly<CommandConfig> {
  const e = parseEnv(commandEnvSchema, env)
  return Object.freeze({
    env: e.NODE_ENV,
    database: parseDatabase(e.DATABASE_URL),
    disclosureThreshold: e.DISCLOSURE_THRESHOLD,
    logLevel: e.LOG_LEVEL,
  })
}
