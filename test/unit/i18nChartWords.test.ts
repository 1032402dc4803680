import { describe, expect, it } from 'vitest'
import { describeBars } from '../../src/profiles/barChart'
import { distribution, distributionWords } from '../../src/profiles/distribution'
import { availabilityFootnote, offeredBaseNote } from '../../src/profiles/footnotes'
import { headerHeading, inLocale } from '../../src/profiles/wording'
import { viewHelpers } from '../../src/shared/viewHelpers'
import { profileTestDefinition } from '../support/profilesFactories'

const activities = () => profileTestDefinition().sections[3].pages[0].questions[1]

describe('chart words in the language a profile is made in (issue 19)', () => {
  it('when a Spanish profile is made, then the availability footnote and base note are Spanish', () => {
    const footnote = inLocale('es', () => availabilityFootnote(activities(), [2018, 2020]))
    expect(footnote).toBe(
      '*"Training staff and building capacity" no es una opción en la encuesta de 2018, mientras que "Launching or sustaining a project" no es una opción en la encuesta de 2020.',
    )
    expect(footnote).not.toMatch(/is not an option|while/)
    expect(inLocale('es', offeredBaseNote)).toMatch(/^Los porcentajes de una opción/)
    expect(offeredBaseNote()).toMatch(/^Shares of an option offered/)
  })

  it('when a Spanish distribution is summarised, then median and range are Spanish words and numbers', () => {
    const found = distribution({ '1500': 2, '3000': 3, '250000': 1 }, 1)
    if (!found) throw new Error('no distribution')
    expect(distributionWords(found, 'people')).toBe('Median 3,000 people; range 1,500 to 250,000 people.')
    expect(inLocale('es', () => distributionWords(found, 'personas'))).toBe(
      'Mediana: 3000 personas; intervalo: de 1500 a 250.000 personas.',
    )
    expect(
      inLocale('es', () => describeBars([{ key: 'a', label: 'A', value: 1, valueLabel: '1 ciudad' }])),
    ).toBe('Gráfico de barras horizontales. A: 1 ciudad.')
  })

  it('when a header heading has several answers, then it is plural in its language', () => {
    expect(headerHeading('Website', 1)).toBe('Website')
    expect(headerHeading('Website', 2)).toBe('Websites')
    expect(headerHeading('Partners', 2)).toBe('Partners')
    expect(inLocale('es', () => headerHeading('Sitio web', 2))).toBe('Sitios web')
    expect(inLocale('es', () => headerHeading('Acción', 3))).toBe('Acciones')
    expect(inLocale('es', () => headerHeading('Red', 2))).toBe('Redes')
    expect(inLocale('es', () => headerHeading('Sitio web', 1))).toBe('Sitio web')
  })
})

describe('dates in the page language', () => {
  it('when a date is shown on a Spanish page, then Intl writes it in Spanish; English stays British', () => {
    const at = '2026-03-05T14:30:00Z'
    expect(viewHelpers.formatDateTime(at)).toBe('5 Mar 2026, 14:30 UTC')
    expect(viewHelpers.formatDateTime(at, 'es')).toBe('5 mar 2026, 14:30 UTC')
    expect(viewHelpers.formatDate(at, 'es')).toBe('5 de marzo de 2026')
    expect(viewHelpers.formatDate(at, 'en')).toBe('5 March 2026')
  })
})
