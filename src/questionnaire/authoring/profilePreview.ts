import type { CitiesRepository } from '../../cities/citiesRepository'
import type { ResponsesRepository } from '../../responses/responsesRepository'
import type { ProfilesRepository } from '../../profiles/profilesRepository'
import type { ResponseStatus } from '../../responses/responseRecords'
import type { BasisMember, ProfileView } from '../../profiles/profileContent'
import { readMembers } from '../../profiles/basisMembers'
import { generateEdition } from '../../profiles/generateEdition'
import { profileView } from '../../profiles/profileView'
import { NotFoundError } from '../../shared/errors'
import type { Edition } from '../editionsRepository'
import type { Answers } from '../answerCodec'

export interface PreviewCity {
  slug: string
  name: string
  status: ResponseStatus
}

export interface ProfilePreviewDeps {
  cities: Pick<CitiesRepository, 'list'>
  responses: Pick<ResponsesRepository, 'listByEdition'>
  profiles: Pick<ProfilesRepository, 'approvedResponses' | 'answersOf'>
}

/**
 * A city's profile as the edition's questionnaire would lay it out now, before anything is
 * published: its answers as they stand (whatever the response's status), compared with the
 * edition's approved responses. Nothing is stored; the public pages are untouched.
 */
export function profilePreviewService(repos: ProfilePreviewDeps, threshold: number) {
  async function responding(edition: Edition) {
    const [responses, cities] = await Promise.all([
      repos.responses.listByEdition(edition.id),
      repos.cities.list(),
    ])
    const byCity = new Map(responses.map((response) => [response.cityId, response]))
    return cities.flatMap((city) => {
      const response = byCity.get(city.id)
      return response ? [{ city, response }] : []
    })
  }

  return {
    /** The cities with a response in this edition, by name, for choosing whose profile to preview. */
    async cities(edition: Edition): Promise<PreviewCity[]> {
      return (await responding(edition)).map(({ city, response }) => ({
        slug: city.slug,
        name: city.name,
        status: response.status,
      }))
    },

    /** The chosen city's profile, laid out by the current definition (404 without a response). */
    async profile(edition: Edition, slug: string): Promise<{ profile: ProfileView; status: ResponseStatus }> {
      const chosen = (await responding(edition)).find(({ city }) => city.slug === slug)
      if (!chosen) throw new NotFoundError(`No city “${slug}” has a response in ${edition.year}`)
      const own = new Map([[edition.year, edition.definition]])
      const approved = await repos.profiles.approvedResponses(edition.year, true)
      const members: BasisMember[] = []
      for await (const { ref, answers } of readMembers(approved, own, repos.profiles.answersOf))
        members.push({ cityId: ref.cityId, year: ref.year, answers })
      const ref = { responseId: chosen.response.id, cityId: chosen.city.id, year: edition.year }
      let answers: Answers = new Map()
      for await (const read of readMembers([ref], own, repos.profiles.answersOf)) answers = read.answers
      const { aggregate, profiles } = generateEdition({
        definition: edition.definition,
        title: edition.title,
        basis: 'approved',
        threshold,
        members,
        profiled: [{ city: chosen.city, answers }],
      })
      return { profile: profileView(profiles[0], aggregate.charts), status: chosen.response.status }
    },
  }
}

export type ProfilePreviewService = ReturnType<typeof profilePreviewService>
