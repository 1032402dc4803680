// Survey pages: progressive enhancement only. Without this file every question still works:
// same-page conditional questions are simply shown, ranking uses its number selects,
// and the browser's own print command prints the answers page.

/** Hides a question while the answer its condition depends on (on the same page) does not match. */
function initConditions(form) {
  const dependants = form.querySelectorAll('.cis-question[data-condition-field]')
  if (dependants.length === 0) return
  const update = () => {
    for (const dependant of dependants) {
      const wanted = dependant.dataset.conditionValues.split(' ')
      const inputs = form.querySelectorAll(`[name="${CSS.escape(dependant.dataset.conditionField)}"]`)
      const chosen = [...inputs].filter((input) => input.checked).map((input) => input.value)
      dependant.hidden = !chosen.some((value) => wanted.includes(value))
    }
  }
  form.addEventListener('change', update)
  update()
}

function button(text, itemLabel, className) {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = `govuk-button govuk-button--secondary govuk-!-margin-bottom-0 ${className}`
  element.append(text)
  const hidden = document.createElement('span')
  hidden.className = 'govuk-visually-hidden'
  hidden.textContent = `: ${itemLabel}`
  element.append(hidden)
  return element
}

/** Ranking: move items up and down by keyboard or drag; the number selects stay the answer sent. */
function initRanking(list) {
  const status = document.createElement('p')
  status.className = 'govuk-visually-hidden'
  status.setAttribute('aria-live', 'polite')
  list.after(status)
  const items = () => [...list.querySelectorAll(':scope > .cis-ranking__item')]
  const rankOf = (item) => Number(item.querySelector('select').value) || Infinity
  const labelOf = (item) => item.querySelector('.cis-ranking__label').lastChild.textContent.trim()
  const renumber = () => {
    items().forEach((item, index) => {
      item.querySelector('select').value = String(index + 1)
      item.querySelector('.cis-ranking__up').disabled = index === 0
      item.querySelector('.cis-ranking__down').disabled = index === items().length - 1
    })
  }
  const move = (item, by, focusClass) => {
    const siblings = items()
    const target = siblings.indexOf(item) + by
    if (target < 0 || target >= siblings.length) return
    if (by < 0) siblings[target].before(item)
    else siblings[target].after(item)
    renumber()
    const focus = item.querySelector(focusClass)
    ;(focus.disabled
      ? item.querySelector(focusClass === '.cis-ranking__up' ? '.cis-ranking__down' : '.cis-ranking__up')
      : focus
    ).focus()
    status.textContent = `${labelOf(item)} moved to position ${items().indexOf(item) + 1} of ${siblings.length}`
  }
  // Show the saved order first; unranked items keep their order at the end.
  items()
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rankOf(a.item) - rankOf(b.item) || a.index - b.index)
    .forEach(({ item }) => list.append(item))
  let dragged = null
  for (const item of items()) {
    const controls = document.createElement('div')
    controls.className = 'cis-ranking__controls'
    const up = button('Move up', labelOf(item), 'cis-ranking__up')
    const down = button('Move down', labelOf(item), 'cis-ranking__down')
    up.addEventListener('click', () => move(item, -1, '.cis-ranking__up'))
    down.addEventListener('click', () => move(item, 1, '.cis-ranking__down'))
    controls.append(up, down)
    item.append(controls)
    item.draggable = true
    item.addEventListener('dragstart', (event) => {
      dragged = item
      event.dataTransfer.effectAllowed = 'move'
    })
    item.addEventListener('dragover', (event) => event.preventDefault())
    item.addEventListener('drop', (event) => {
      event.preventDefault()
      if (!dragged || dragged === item) return
      const after = items().indexOf(dragged) < items().indexOf(item)
      if (after) item.after(dragged)
      else item.before(dragged)
      renumber()
      status.textContent = `${labelOf(dragged)} moved to position ${items().indexOf(dragged) + 1}`
    })
  }
  list.classList.add('cis-ranking--enhanced')
  // Numbers are only filled in once the officer has ranked something, so nothing is answered for them.
  const anyRanked = items().some((item) => item.querySelector('select').value)
  if (anyRanked) renumber()
  else
    items().forEach((item, index) => {
      item.querySelector('.cis-ranking__up').disabled = index === 0
      item.querySelector('.cis-ranking__down').disabled = index === items().length - 1
    })
}

for (const form of document.querySelectorAll('form')) initConditions(form)
for (const list of document.querySelectorAll('[data-module="cis-ranking"]')) initRanking(list)
for (const print of document.querySelectorAll('.cis-print-button')) {
  print.hidden = false
  print.addEventListener('click', () => window.print())
}
