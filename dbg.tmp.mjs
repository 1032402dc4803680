import { chromium } from 'playwright-core'
import fs from 'node:fs'
const dir = fs.mkdtempSync('/tmp/chr-')
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run'] })
const page = await ctx.newPage()
await page.goto('http://127.0.0.1:3917/cities/enschede-nld/2020')
console.log(await page.evaluate(() => { const r = document.querySelector('.bar--own'); const s = getComputedStyle(r); return [s.fill, s.getPropertyValue('--cis-brand'), getComputedStyle(document.documentElement).getPropertyValue('--cis-brand'), [...document.styleSheets].map(x=>x.href)] }))
await ctx.close()
