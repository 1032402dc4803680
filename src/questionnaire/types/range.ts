import type { Fail } from './questionType'

/**
 * Checks a value against optional bounds and reports "range" (both given), "min" or "max".
 * `show` writes the bounds into the message: numbers get thousands separators, years and dates
 * are written as they are read.
 */
export function inRange<V extends number | string>(
  value: V,
  min: V | undefined,
  max: V | undefined,
  fail: Fail,
  show: (bound: V) => string | number = (bound) => bound,
  at: string[] = [],
): boolean {
  const both = min !== undefined && max !== undefined
  const params = { min: min === undefined ? '' : show(min), max: max === undefined ? '' : show(max) }
  if (min !== undefined && value < min) return fail(both ? ['range', 'min'] : 'min', at, params) ?? false
  if (max !== undefined && value > max) return fail(both ? ['range', 'max'] : 'max', at, params) ?? false
  return true
}

/** The authoring fields of a lowest and highest allowed value. */
export const boundFields = (kind: 'number' | 'text', hint?: string) => [
  {
    name: 'min',
    label: 'Lowest allowed (optional)',
    kind,
    width: 'govuk-input--width-10',
    ...(kind === 'number' ? { inputmode: 'decimal' as const } : {}),
    ...(hint ? { hint } : {}),
    called: 'minimum',
  },
  {
    name: 'max',
    label: 'Highest allowed (optional)',
    kind,
    width: 'govuk-input--width-10',
    ...(kind === 'number' ? { inputmode: 'decimal' as const } : {}),
    ...(hint ? { hint } : {}),
    called: 'maximum',
  },
]
