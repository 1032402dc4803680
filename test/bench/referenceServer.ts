// A reference server, run as its own process: `ok` answers res.send('ok'); `static`
// serves one directory with express.static (the profile page's bytes, written by the runner);
// `compressed` is the same behind the `compression` middleware (brotli or gzip per request).
import express from 'express'
import compression from 'compression'

const [mode, port, directory] = process.argv.slice(2)
const app = express()
app.disable('x-powered-by')
app.get('/healthz', (_req, res) => {
  res.send('ok')
})
if (mode === 'compressed') app.use(compression(), express.static(directory))
else if (mode === 'static') app.use(express.static(directory))
else
  app.get('/', (_req, res) => {
    res.send('ok')
  })
const server = app.listen(Number(port), '127.0.0.1', () =>
  console.log(`listening at http://127.0.0.1:${port}/`),
)
process.once('SIGTERM', () => server.close(() => process.exit(0)))
