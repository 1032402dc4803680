/** "São Paulo" + "BRA" → "sao-paulo-bra": the stable public address of a city (`enschede-nld`). */
export function citySlug(name: string, iso3: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return [base, iso3.trim().toLowerCase()].filter(Boolean).join('-')
}
