// Survey pages: progressive enhancement only. Without this file every question still works:
// follow-up questions and "Other" boxes are simply shown under their hints, ranking uses its number selects,
// and the browser's own print command prints the answers page.

/**
 * Follow-ups revealed by an answer (GOV.UK's conditional reveal): each input names the blocks it
 * reveals in data-cis-controls; a block is shown while any input naming it is checked. GOV.UK
 * Frontend's own reveal sets aria-expanded, which ARIA allows on a checkbox but not on a radio,
 * so radios get aria-controls only.
 */
function initReveals(form) {
  const controls = [...form.querySelectorAll('input[data-cis-controls]')]
  if (controls.length === 0) return
  const blocks = new Map()
  for (const input of controls) {
    const ids = input.dataset.cisControls.split(' ').filter(Boolean)
    if (!input.hasAttribute('aria-controls')) input.setAttribute('aria-controls', ids.join(' '))
    for (const id of ids) {
      const block = document.getElementById(id)
      if (!block) continue
      if (!blocks.has(block)) blocks.set(block, [])
      blocks.get(block).push(input)
    }
  }
  const update = () => {
    for (const [block, inputs] of blocks) {
      const shown = inputs.some((input) => input.checked)
      block.classList.toggle('cis-conditional--hidden', !shown)
      for (const input of inputs)
        if (input.type === 'checkbox') input.setAttribute('aria-expanded', String(input.checked))
    }
  }
  form.addEventListener('change', update)
  window.addEventListener('pageshow', update)
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

for (const form of document.querySelectorAll('form')) initReveals(form)
for (const list of document.querySelectorAll('[data-module="cis-ranking"]')) initRanking(list)
for (const print of document.querySelectorAll('.cis-print-button')) {
  print.hidden = false
  print.addEventListener('click', () => window.print())
}
