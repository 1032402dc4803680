import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES, catalogueOf, translator, translators } from '../../src/i18n/catalogues'
import { responseStatuses } from '../../src/responses/responseRecords'

const english = catalogueOf('en')

/** The names a message fills in ({minutes}, {count, plural, …}), sorted. */
const placeholders = (message: string) =>
  [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort()

/** Every literal key of a t('…') call in the views and the code. */
function keysUsed(): Set<string> {
  const keys = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ejs|ts)$/.test(entry.name))
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'\s*[,)]/g)) keys.add(m[1])
    }
  }
  walk(path.resolve(import.meta.dirname, '../../views'))
  walk(path.resolve(import.meta.dirname, '../../src'))
  return keys
}

describe('the message catalogues', () => {
  it('when a language is offered, then its catalogue has every English key, no other, with the same placeholders', () => {
    for (const locale of LOCALES) {
      const catalogue = catalogueOf(locale)
      expect(Object.keys(catalogue).sort(), locale).toEqual(Object.keys(english).sort())
      for (const [key, message] of Object.entries(english))
        expect(placeholders(catalogue[key]), `${locale} ${key}`).toEqual(placeholders(message))
    }
  })

  it('when the views and code name a message, then English has it', () => {
    const used = [...keysUsed()]
    expect(used.length).toBeGreaterThan(50)
    expect(used.filter((key) => !(key in english))).toEqual([])
    // Keys built from a status: every status has its words.
    for (const status of responseStatuses)
      expect(english).toHaveProperty([`taskList.responseStatus.${status}`])
    for (const status of ['completed', 'problem', 'in_progress', 'not_started', 'submitted', 'approved'])
      expect(english).toHaveProperty([`taskList.status.${status}`])
  })

  it('when a count is given, then each language uses its own plural forms', () => {
    expect(translator('en')('counts.cities', { count: 1 })).toBe('1 city')
    expect(translator('en')('counts.cities', { count: 3 })).toBe('3 cities')
    expect(translator('es')('counts.cities', { count: 1 })).toBe('1 ciudad')
    expect(translator('es')('counts.cities', { count: 3 })).toBe('3 ciudades')
    expect(translator('es')('taskList.completedOf', { completed: 0, count: 1 })).toBe(
      'Ha completado 0 de 1 sección.',
    )
    expect(translator('es')('forgotPassword.sent.linkSent', { minutes: 60 })).toContain('durante 60 minutos')
  })

  it('when a language lacks a message, then English is shown, and a key English lacks is an error, never shown raw', () => {
    const t = translators({
      en: { greeting: 'Hello {name}', farewell: 'Goodbye' },
      es: { greeting: 'Hola {name}' },
    })
    expect(t('es')('greeting', { name: 'Ana' })).toBe('Hola Ana')
    expect(t('es')('farewell')).toBe('Goodbye')
    expect(() => t('es')('nowhere')).toThrow('No English text for the message nowhere')
    expect(() => t('en')('nowhere')).toThrow('No English text')
  })
})
