/** The regions the public site filters by; forms also offer any others already in use. */
export const standardRegions = [
  'Africa',
  'Asia-Pacific',
  'Europe',
  'Latin America',
  'Middle East',
  'North America',
]
