import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { buildEdition } from '../support/reviewFactories'
import { linkIn, mailUrl, senderOf, setAsideEarlierMail, startMailServer } from '../support/mailServer'

/** Messages are written in the recipient account's language (users.locale), English when it has none. */
const smtp = await startMailServer()
const t = testApp({ MAIL_URL: mailUrl(smtp.port) })
const editions: number[] = []
beforeAll(() => setAsideEarlierMail(t))
afterAll(async () => {
  for (const id of editions) await t.knex('editions').where({ id }).update({ status: 'draft' })
  await setAsideEarlierMail(t)
  await t.close()
  await smtp.close()
})

const tag = Math.random().toString(36).slice(2, 8)

/** An officer of a new city, with the language on their account (none: null). */
async function officer(name: string, locale: string | null) {
  const city = await buildCity(t.repos, { name: `${name} ${tag}` })
  const user = await buildUser(t.repos, {
    cityId: city.id,
    email: `${name.toLowerCase()}-${tag}@example.test`,
  })
  await t.knex('users').where({ id: user.id }).update({ locale })
  return { ...user, city }
}

/** Delivers the outbox through the SMTP server; the one message of a kind that reached an address. */
async function deliveredTo(email: string, subject: RegExp) {
  await senderOf(t).deliverDue()
  const mails = smtp.to(email).filter((mail) => subject.test(mail.subject))
  expect(
    mails,
    `${email}: ${smtp
      .to(email)
      .map((m) => m.subject)
      .join(' | ')}`,
  ).toHaveLength(1)
  return mails[0]
}

describe('mail in the recipient’s language', () => {
  it('when an officer with Spanish on their account asks for a password reset, then the message is in Spanish; one with no language gets English', async () => {
    const sofia = await officer('Sofia', 'es')
    const oliver = await officer('Oliver', null)
    await t.services.passwordResets.request(sofia.email, null)
    await t.services.passwordResets.request(oliver.email, null)

    const spanish = await deliveredTo(sofia.email, /contraseña/)
    expect(spanish.subject).toBe('Restablezca su contraseña de City Innovation Survey')
    expect(spanish.text).toContain('Hola, Test sofia')
    expect(spanish.text).toContain('El enlace funciona una sola vez, durante 60 minutos.')
    expect(spanish.text).toContain('Elija una contraseña nueva:')
    expect(spanish.html).toContain('<html lang="es">')
    expect(spanish.html).toContain('O copie esta dirección en su navegador:')
    expect(spanish.text).not.toMatch(/Hello|Reset your|The link works/)
    expect(linkIn(spanish.text, t.config.publicBaseUrl)).toMatch(/^\/set-password\//)

    const english = await deliveredTo(oliver.email, /password/)
    expect(english.subject).toBe('Reset your password for the City Innovation Survey')
    expect(english.text).toContain(`Hello Test oliver-${tag},`)
    expect(english.text).toContain('The link works once, for 60 minutes.')
    expect(english.html).toContain('<html lang="en">')
    expect(english.text).not.toMatch(/Hola|contraseña/)
  })

  it('when an administrator sends a new set-password link, then the invitation is in the account’s language', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const lucia = await officer('Lucia', 'es')
    const owen = await officer('Owen', null)
    for (const user of [lucia, owen])
      await t.services.accountAdmin.reissueLink({ id: admin.id, ip: null }, user.id)

    const spanish = await deliveredTo(lucia.email, /Cree su contraseña/)
    expect(spanish.subject).toBe('Cree su contraseña para City Innovation Survey')
    expect(spanish.text).toContain(
      `Se ha creado una cuenta para que responda a City Innovation Survey en nombre de ${lucia.city.name}.`,
    )
    expect(spanish.text).toContain(
      `Su nombre de usuario es su dirección de correo electrónico, ${lucia.email}.`,
    )
    expect(spanish.text).not.toContain('Create your password')

    const english = await deliveredTo(owen.email, /Create your password/)
    expect(english.text).toContain(
      `An account has been created for you to answer the City Innovation Survey for ${owen.city.name}.`,
    )
    expect(english.text).toContain('Create your password:')
  })

  it('when reminders are sent, then an officer with Spanish gets a Spanish reminder and one with none an English one', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const edition = await buildEdition(t.repos, { status: 'open' })
    editions.push(edition.id)
    await t.repos.editions.update(edition.id, {
      closes_on: '2099-06-30',
      closes_time: '17:00',
      time_zone: 'Europe/Amsterdam',
      closes_at: '2099-06-30T15:00:00.000Z',
    })
    const elena = await officer('Elena', 'es')
    const peter = await officer('Peter', null)
    const sent = await t.services.review.reminders.sendNow(
      edition.year,
      [elena.city.id, peter.city.id],
      admin.id,
      '2099-06-01T10:00:00.000Z',
    )
    expect(sent.messages).toBe(2)

    const spanish = await deliveredTo(elena.email, /Recordatorio/)
    expect(spanish.subject).toContain(`Recordatorio: la respuesta de ${edition.year} de ${elena.city.name}`)
    expect(spanish.text).toContain(
      `${elena.city.name} aún no ha enviado su respuesta a City Innovation Survey de ${edition.year}.`,
    )
    expect(spanish.subject).toContain('antes del 30 de junio de 2099 a las 17:00 (Europe/Amsterdam)')
    expect(spanish.text).toContain('Ir a su respuesta:')
    expect(spanish.text).toContain('«¿Ha olvidado su contraseña?»')
    expect(spanish.text).not.toMatch(/Reminder|deadline/)

    const english = await deliveredTo(peter.email, /Reminder/)
    expect(english.subject).toContain(`Reminder: ${peter.city.name}'s ${edition.year} response is due by`)
    expect(english.text).toContain('Go to your response:')
    expect(english.text).toContain('choose "Forgotten your password?" on the sign-in page')
  })
})
