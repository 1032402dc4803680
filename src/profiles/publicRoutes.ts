import express, { type Router } from 'express'
import type { Services } from '../services'

export function publicRoutes(services: Services): Router {
  const router = express.Router()
  router.get('/', async (_req, res) => {
    res.render('profiles/home', { title: 'City innovation survey', ...(await services.home.overview()) })
  })
  return router
}
