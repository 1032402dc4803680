import { describe, expect, it } from 'vitest'
import { citiesText, joinList, roundedPercent, shareInWords } from '../../src/profiles/wording'

describe('profile wording', () => {
  it('when a share falls exactly on .5, then it is rounded half up', () => {
    expect(roundedPercent(1, 8)).toBe(13) // 12.5
    expect(roundedPercent(3, 8)).toBe(38) // 37.5
    expect(roundedPercent(1, 200)).toBe(1) // 0.5
    expect(roundedPercent(1, 40)).toBe(3) // 2.5
  })

  it('when a share is not on .5, then it is rounded to the nearest whole percent', () => {
    expect(roundedPercent(1, 3)).toBe(33)
    expect(roundedPercent(2, 3)).toBe(67)
    expect(roundedPercent(119, 147)).toBe(81) // 80.95
    expect(roundedPercent(0, 5)).toBe(0)
    expect(roundedPercent(5, 5)).toBe(100)
    expect(roundedPercent(3, 0)).toBe(0)
  })

  it('when more than half gave the answer, then the words read "more than half"; at half or less, the number', () => {
    expect(shareInWords(3, 5)).toBe('more than half')
    expect(shareInWords(83, 147)).toBe('more than half')
    expect(shareInWords(5, 10)).toBe('50%')
    expect(shareInWords(2, 5)).toBe('40%')
    expect(shareInWords(35, 147)).toBe('24%')
  })

  it('when phrases are joined, then they read like the seed profile', () => {
    expect(joinList([])).toBe('')
    expect(joinList(['other cities'])).toBe('other cities')
    expect(joinList(['private firms', 'other cities'])).toBe('private firms and other cities')
    expect(joinList(['the private sector', 'academia and think tanks'])).toBe(
      'the private sector, academia and think tanks',
    )
    expect(
      joinList([
        'other public agencies',
        'private firms',
        'not-for-profit organizations',
        'city residents/resident associations',
      ]),
    ).toBe(
      'other public agencies, private firms, not-for-profit organizations, and city residents/resident associations',
    )
  })

  it('when cities are counted, then one is singular and thousands are separated', () => {
    expect(citiesText(1)).toBe('1 city')
    expect(citiesText(47)).toBe('47 cities')
    expect(citiesText(1200)).toBe('1,200 cities')
  })
})
