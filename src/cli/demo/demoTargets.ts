/**
 * Target shares for the demo answers, per edition, taken from the headline figures in
 * shared/reference/instrument.md §5. The 2018 column is the 2018 figure. The 2020 column is set so
 * that "every city's latest answers" (60 cities only in 2018, 90 demo cities plus Enschede in 2020)
 * lands on the 2018–20 figure: e.g. funding (60·79% + 90·82% + Enschede) / 151 ≈ 81%.
 */
export type PerYear<T> = Record<2018 | 2020, T>

/** Share of "yes" for yes/no questions. */
export const yesShares: Record<string, PerYear<number>> = {
  'funding.has_dedicated': { 2018: 0.79, 2020: 0.82 },
  'strategy.formal': { 2018: 0.49, 2020: 0.51 },
  'goals.formal': { 2018: 0.55, 2020: 0.5 },
}

/** Distribution over the options of single-choice questions (may include "other"). */
export const singleShares: Record<string, PerYear<Record<string, number>>> = {
  'approach.level': {
    2018: { both: 0.4, policy_areas: 0.36, holistic: 0.24 },
    2020: { both: 0.66, policy_areas: 0.165, holistic: 0.175 },
  },
  'org.structure': {
    2018: {
      mayors_office: 0.24,
      city_managers_office: 0.1,
      independent_department: 0.14,
      within_department: 0.14,
      sprinkled: 0.34,
      other: 0.04,
    },
    2020: {
      mayors_office: 0.25,
      city_managers_office: 0.1,
      independent_department: 0.16,
      within_department: 0.15,
      sprinkled: 0.3,
      other: 0.04,
    },
  },
  'data.role_in_decisions': {
    2018: { significant: 0.45, somewhat_significant: 0.4, not_very_significant: 0.11, not_significant: 0.04 },
    2020: { significant: 0.48, somewhat_significant: 0.38, not_very_significant: 0.1, not_significant: 0.04 },
  },
  'outcomes.evaluation': {
    2018: { systematic: 0.16, partial: 0.5, planned: 0.16, no: 0.18 },
    2020: { systematic: 0.17, partial: 0.52, planned: 0.15, no: 0.16 },
  },
}

const same = (shares: Record<string, number>): PerYear<Record<string, number>> => ({
  2018: shares,
  2020: shares,
})

/** Share of cities choosing each option of multiple-choice questions. */
export const optionShares: Record<string, PerYear<Record<string, number>>> = {
  roles: {
    2018: {
      project_manager: 0.82,
      community_engagement: 0.6,
      data_scientist: 0.56,
      designer: 0.56,
      communication_officer: 0.48,
      engineer: 0.3,
      sociologist: 0.1,
    },
    2020: {
      project_manager: 0.99,
      community_engagement: 0.62,
      data_scientist: 0.6,
      designer: 0.56,
      communication_officer: 0.5,
      engineer: 0.3,
      sociologist: 0.12,
    },
  },
  // Among cities with funding: 79, 51, 36 and 30 of about 119 such cities; launching 47 of the
  // 70 funded cities of 2018 (instrument §3.3). Training staff was not published: a guess.
  'funding.activities': same({
    launching_project: 0.67,
    idea_generation: 0.66,
    digital_systems: 0.43,
    physical_infrastructure: 0.3,
    paying_for_services: 0.25,
    training_staff: 0.55,
  }),
  // S2: 30 of the 70 funded cities had external funding.
  'funding.sources': same({
    international: 0.2,
    national: 0.35,
    regional: 0.3,
    municipal: 0.9,
    external: 0.43,
    innovative_financing: 0.12,
  }),
  // 2018: leadership almost 80%, upskilling 70% (S22).
  success_factors: same({
    dedicated_funding: 0.55,
    focus_on_measurement: 0.35,
    dedicated_team: 0.6,
    culture_of_innovation: 0.5,
    leadership_from_mayor: 0.8,
    engagement_with_partners: 0.45,
    outside_support: 0.25,
    human_resource_support: 0.7,
  }),
  helping_to: same({
    anticipate_challenges: 0.55,
    improve_operations: 0.6,
    save_costs: 0.5,
    improve_service_delivery: 0.75,
    improve_resident_outcomes: 0.6,
    simplify_procedures: 0.35,
    generate_revenue: 0.15,
    engage_stakeholders: 0.55,
    serve_current_obligations: 0.25,
  }),
  innovation_terms: same({
    data_analytics: 0.4,
    human_centered_design: 0.3,
    resident_engagement: 0.4,
    experimentation: 0.25,
    behavioral_economics: 0.08,
    technological_innovation: 0.3,
    big_picture_rethinking: 0.15,
    collaboration: 0.12,
  }),
  // Top areas 2018–20: digital governance, transport/mobility, economic development (S3).
  policy_areas: same({
    economic_development: 0.42,
    policing: 0.15,
    waste: 0.1,
    social_welfare: 0.33,
    environment_climate: 0.3,
    social_inclusion: 0.38,
    digital_governance: 0.46,
    transport_mobility: 0.44,
    health: 0.25,
    culture: 0.14,
    resilience: 0.15,
  }),
  'partnerships.innovation': same({
    public_agencies: 0.75,
    private_firms: 0.65,
    not_for_profit: 0.6,
    residents: 0.55,
    academia: 0.6,
    philanthropy: 0.3,
    other_cities: 0.4,
  }),
  'data.partnerships': same({
    private_sector: 0.55,
    academia: 0.6,
    public_agencies: 0.45,
    civil_society: 0.25,
    other_cities: 0.35,
  }),
}

/** Share of cities that answer a data-availability row at all, and of those, "sufficient" (2018 S3 shares). */
export const dataRowShares: Record<string, { answered: number; sufficient: number }> = {
  transport_mobility: { answered: 0.85, sufficient: 0.64 },
  policing: { answered: 0.8, sufficient: 0.57 },
  land_use: { answered: 0.75, sufficient: 0.51 },
  housing: { answered: 0.7, sufficient: 0.47 },
  social_welfare: { answered: 0.7, sufficient: 0.32 },
  blight: { answered: 0.45, sufficient: 0.29 },
  tourism: { answered: 0.5, sufficient: 0.29 },
  culture: { answered: 0.55, sufficient: 0.2 },
}

/** Share of "Other (please specify)" answers where a question offers it. */
export const otherShare = 0.06
