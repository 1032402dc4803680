import { chromium } from 'playwright-core'
import fs from 'node:fs'
const dir = fs.mkdtempSync('/tmp/chr-')
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'], viewport: { width: 1100, height: 1400 } })
const page = await ctx.newPage()
for (const [url, file, media] of JSON.parse(process.argv[2])) {
  await page.emulateMedia({ media: media ?? 'screen' })
  await page.goto('http://127.0.0.1:3917' + url)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  for (let y = 0, i = 0; y < height && i < 8; y += 1400, i++) {
    await page.screenshot({ path: `${file}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 1100, height: Math.min(1400, height - y) } })
  }
}
await ctx.close()
