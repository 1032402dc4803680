import { describe, it } from 'vitest'
import { useJourney } from './support/journey'
import { officerCompletesTheSurvey } from './support/officerJourney'

describe('journey (a): an officer completes and submits the survey', () => {
  const withScript = useJourney()
  it('when JavaScript runs, then the keyboard alone takes the officer from sign-in to the confirmation', async () => {
    const page = await withScript.page()
    await officerCompletesTheSurvey(page, withScript.app.baseUrl, true)
    await page.close()
  })
})

describe('journey (a) without JavaScript', () => {
  const withoutScript = useJourney({ javaScriptEnabled: false })
  it('when JavaScript is disabled, then the same journey works', async () => {
    const page = await withoutScript.page()
    await officerCompletesTheSurvey(page, withoutScript.app.baseUrl, false)
    await page.close()
  })
})
