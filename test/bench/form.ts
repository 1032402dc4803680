/** A field of an HTML form as the browser would see it. */
export interface Field {
  name: string
  type: string
  value: string
  checked: boolean
}

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)
  return match ? decode(match[1]) : undefined
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The form posting to `action` (or to the page itself): the one an officer fills in, not the sign-out form. */
export function formOn(html: string, action: string): string | undefined {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const target = attribute(match[1], 'action')
    if (attribute(match[1], 'method')?.toLowerCase() === 'post' && (!target || target === action))
      return match[2]
  }
  return undefined
}

/** Inputs, textareas and selects of a form, in document order. */
export function fieldsOf(form: string): Field[] {
  const fields: Field[] = []
  for (const match of form.matchAll(/<(input|textarea|select)\b([^>]*)>(?:([\s\S]*?)<\/\1>)?/gi)) {
    const [, element, tag, inner = ''] = match
    const name = attribute(tag, 'name')
    if (!name) continue
    const type =
      element.toLowerCase() === 'input'
        ? (attribute(tag, 'type') ?? 'text').toLowerCase()
        : element.toLowerCase()
    const selected = /<option\b[^>]*\sselected\b[^>]*>/i.exec(inner)
    const value =
      type === 'textarea'
        ? decode(inner)
        : type === 'select'
          ? selected
            ? (attribute(selected[0], 'value') ?? '')
            : ''
          : (attribute(tag, 'value') ?? '')
    fields.push({ name, type, value, checked: /\schecked\b/i.test(tag) })
  }
  return fields
}

/** What the browser would submit as the form stands (checked boxes, filled fields). */
export function submitted(fields: Field[]): URLSearchParams {
  const body = new URLSearchParams()
  for (const field of fields) {
    if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) continue
    if (field.type === 'submit' || field.type === 'button') continue
    body.append(field.name, field.value)
  }
  return body
}
