// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js'

initAll()

/**
 * A link to something inside a closed details (the questionnaire editor's sections, or the
 * question just changed) opens it first, then scrolls to the target.
 */
function openTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1))
  const target = id && document.getElementById(id)
  if (!target) return
  for (let details = target.closest('details'); details; details = details.parentElement.closest('details'))
    details.open = true
  const inside = target.querySelector(':scope > details')
  if (inside) inside.open = true
  target.scrollIntoView()
}
window.addEventListener('hashchange', openTarget)
openTarget()
