import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_IDENTITY,
  capitalised,
  identityVersion,
  inSentence,
  unitCount,
  withOverrides,
} from '../../src/shared/identity'
import { parseIdentityInput } from '../../src/identity/identityForm'
import { ConfigError, loadConfig } from '../../src/config'
import { basisSentence, suppressedNotice } from '../../src/profiles/profileWording'
import type { BasisInfo } from '../../src/profiles/profileContent'
import { mailComposer } from '../../src/mail/mailComposer'

const municipalities = withOverrides(DEFAULT_IDENTITY, {
  unitSingular: 'municipality',
  unitPlural: 'municipalities',
})

describe('the survey’s identity', () => {
  it('when nothing is set, then the configuration carries the innovation survey’s wording', () => {
    expect(loadConfig({}).identity).toEqual(DEFAULT_IDENTITY)
    expect(DEFAULT_IDENTITY).toMatchObject({
      surveyName: 'City Innovation Survey',
      profileTitle: 'Innovation profile',
      unitPlural: 'cities',
      filePrefix: 'city-innovation-survey',
    })
  })

  it('when the environment names the survey, then the PDF title and the mail sender follow unless set', () => {
    const config = loadConfig({ SURVEY_NAME: 'Digital Services Survey', UNIT_PLURAL: 'municipalities' })
    expect(config.identity.surveyName).toBe('Digital Services Survey')
    expect(config.identity.pdfTitle).toBe('Digital Services Survey')
    expect(config.identity.unitPlural).toBe('municipalities')
    expect(config.identity.unitSingular).toBe('city')
    expect(config.mail.from).toBe('Digital Services Survey <no-reply@localhost>')
    expect(loadConfig({ SURVEY_NAME: 'A', PDF_TITLE: 'B' }).identity.pdfTitle).toBe('B')
  })

  it('when a layer sets the PDF title and a later one the name, then the PDF title stays', () => {
    const identity = withOverrides(DEFAULT_IDENTITY, { pdfTitle: 'Paper title' }, { surveyName: 'New name' })
    expect(identity.pdfTitle).toBe('Paper title')
    expect(withOverrides(DEFAULT_IDENTITY, { surveyName: '  ' }).surveyName).toBe('City Innovation Survey')
  })

  it('when the environment holds a file prefix the form would refuse, then start-up fails naming it', () => {
    expect(() => loadConfig({ FILE_PREFIX: 'Not OK' })).toThrow(ConfigError)
    expect(() => loadConfig({ FILE_PREFIX: 'Not OK' })).toThrow(/FILE_PREFIX: File name prefix must be/)
  })

  it('when a form is read, then blank fields are unset and each bad one has a message by its id', () => {
    const { values, errors } = parseIdentityInput(
      { surveyName: ' Survey ', unitPlural: '', filePrefix: 'a--b', pdfTitle: 'x\ny' },
      ['surveyName', 'unitPlural', 'filePrefix', 'pdfTitle'],
    )
    expect(values).toEqual({ surveyName: 'Survey' })
    expect(errors.map((e) => e.href)).toEqual(['#filePrefix', '#pdfTitle'])
    expect(errors[1].text).toBe('PDF title must be one line of text')
  })

  it('when numbers and titles are written, then they use the unit words and sentence case', () => {
    expect(unitCount(municipalities, 1)).toBe('1 municipality')
    expect(unitCount(municipalities, 1200)).toBe('1,200 municipalities')
    expect(capitalised('municipalities')).toBe('Municipalities')
    expect(inSentence('Innovation profile')).toBe('innovation profile')
    expect(inSentence('OECD profile')).toBe('OECD profile')
  })

  it('when the basis is described, then the sentence and the notice use the unit words', () => {
    const basis: BasisInfo = { kind: 'approved', size: 3, threshold: 5, years: [2027], suppressed: true }
    expect(basisSentence(basis, 2027, undefined, municipalities)).toBe(
      'Shares on this page are of 3 municipalities surveyed: the municipalities whose 2027 responses were approved.',
    )
    expect(suppressedNotice(basis, municipalities)).toBe(
      'No shares are shown: only 3 municipalities are compared, and shares are shown from 5 municipalities. With so few municipalities, a share could reveal how an individual municipality answered.',
    )
    expect(basisSentence(basis, 2027)).toContain('of 3 cities surveyed: the cities whose')
  })

  it('when any field changes, then the version changes', () => {
    expect(identityVersion(municipalities)).not.toBe(identityVersion(DEFAULT_IDENTITY))
    expect(identityVersion({ ...DEFAULT_IDENTITY })).toBe(identityVersion(DEFAULT_IDENTITY))
  })
})

describe('mail under another survey’s name', () => {
  it('when the composer is given the survey name, then subjects and signatures use it', async () => {
    const composer = mailComposer({
      baseUrl: 'https://survey.example.org',
      viewsDir: path.resolve(import.meta.dirname, '../../views'),
      cache: false,
      serviceName: 'Digital Services Survey',
    })
    const mail = await composer.compose(
      'test',
      { email: 'o@example.org', displayName: 'Ola', cityId: null },
      { subject: `Welcome to the ${composer.serviceName}`, paragraphs: ['Hello.'] },
    )
    expect(mail.subject).toBe('Welcome to the Digital Services Survey')
    expect(mail.text).toMatch(/--\nDigital Services Survey\nhttps:\/\/survey\.example\.org\/\n$/)
    expect(mail.text).not.toContain('City Innovation Survey')
  })
})
