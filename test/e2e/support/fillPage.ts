import type { Page } from 'playwright-core'

/**
 * Answers every empty, visible field of a survey page with the keyboard alone (focus,
 * Space, typing), knowing nothing about the questions: the page is generated from the
 * definition, and so is this. Radios and checkboxes take their first choice; numbers
 * start small and follow the bounds that a validation message names.
 */
export async function fillPageWithKeyboard(page: Page, text = 'Answered in the browser'): Promise<void> {
  const groups = await page.$$eval('input[type=radio], input[type=checkbox]', (inputs) => {
    const byName = new Map<string, { id: string; checked: boolean; visible: boolean }[]>()
    for (const input of inputs as HTMLInputElement[]) {
      if (input.name === 'confirm') continue
      const list = byName.get(input.name) ?? []
      list.push({ id: input.id, checked: input.checked, visible: input.offsetParent !== null })
      byName.set(input.name, list)
    }
    return [...byName.values()]
  })
  for (const group of groups) {
    const first = group.find((input) => input.visible)
    if (!first || group.some((input) => input.checked)) continue
    await page.locator(`[id="${first.id}"]`).focus()
    await page.keyboard.press('Space')
  }
  await fillTextFields(page, text)
  await rankUnranked(page)
}

async function fillTextFields(page: Page, text: string): Promise<void> {
  const fields = await page.$$eval(
    'input[type=text], input:not([type]), input[type=url], input[type=email], textarea',
    (inputs) =>
      (inputs as HTMLInputElement[])
        .filter(
          (input) => input.offsetParent !== null && input.value === '' && !/-(other|note)/.test(input.id),
        )
        .map((input) => ({
          id: input.id,
          numeric: input.inputMode === 'numeric' || input.inputMode === 'decimal',
          url: /website|url/i.test(input.id),
        })),
  )
  const seenLists = new Set<string>()
  for (const field of fields) {
    // Repeatable text: one entry is enough.
    const list = /^(.*)--\d+$/.exec(field.id)?.[1]
    if (list) {
      if (seenLists.has(list)) continue
      seenLists.add(list)
    }
    await page.locator(`[id="${field.id}"]`).focus()
    await page.keyboard.type(field.numeric ? '12' : field.url ? 'https://innovation.example.org' : text)
  }
}

async function rankUnranked(page: Page): Promise<void> {
  const selects = await page.$$eval('select', (list) =>
    (list as HTMLSelectElement[]).filter((s) => s.value === '').map((s) => s.id),
  )
  for (const [index, id] of selects.entries()) {
    await page.locator(`[id="${id}"]`).focus()
    await page.keyboard.type(String(index + 1))
  }
}

/** After a refused save: put the first number a message names ("between 1900 and 2026") in its field. */
export async function followNumberBounds(page: Page): Promise<boolean> {
  const errors = await page.$$eval('.govuk-error-summary__list a', (links) =>
    (links as HTMLAnchorElement[]).map((a) => ({ id: a.hash.slice(1), text: a.textContent ?? '' })),
  )
  let changed = false
  for (const error of errors) {
    const bound = /(\d[\d,]*)/.exec(error.text)?.[1]?.replaceAll(',', '')
    const field = page.locator(`[id="${error.id}"]`)
    if (!bound || (await field.count()) === 0 || (await field.evaluate((el) => el.tagName)) !== 'INPUT')
      continue
    await field.focus()
    await page.keyboard.press('Control+A')
    await page.keyboard.type(bound)
    changed = true
  }
  return changed
}
