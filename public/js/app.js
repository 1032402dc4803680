// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js'

initAll()

/**
 * A link to something inside a closed accordion section (the questionnaire editor's section
 * navigation, or the question just changed) opens that section first, then scrolls to it.
 */
function openAccordionTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1))
  const target = id && document.getElementById(id)
  const section = target && target.closest('.govuk-accordion__section')
  if (!section) return
  if (!section.classList.contains('govuk-accordion__section--expanded'))
    section.querySelector('.govuk-accordion__section-button')?.click()
  target.scrollIntoView()
}
window.addEventListener('hashchange', openAccordionTarget)
openAccordionTarget()
