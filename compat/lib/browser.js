'use strict'
// Headless Chromium for the browser tests: Debian's chromium driven by
// playwright-core, the example data app's server, screenshots, and a user
// who can sign in on Overlook's web pages with an email and a password.

const fs = require('node:fs')
const path = require('node:path')
const { spawn } = require('node:child_process')
const { baseUrl } = require('./sdk')

const chromiumPath = process.env.OVERLOOK_CHROMIUM || '/usr/bin/chromium'
const dataAppDir = path.join(__dirname, '..', '..', 'examples', 'data-app')
const screenshotDir = process.env.OVERLOOK_SCREENSHOTS || path.join(__dirname, '..', 'screenshots')

// skipReason says why the browser tests cannot run here, or returns false.
// With OVERLOOK_REQUIRE_BROWSER=1 a missing browser is an error instead.
function skipReason () {
  if (fs.existsSync(chromiumPath)) return false
  const why = `no Chromium at ${chromiumPath} (apt-get install chromium, or set OVERLOOK_CHROMIUM)`
  if (process.env.OVERLOOK_REQUIRE_BROWSER === '1') throw new Error(why + ' and OVERLOOK_REQUIRE_BROWSER=1')
  return why
}

async function launch () {
  const { chromium } = require('playwright-core')
  return chromium.launch({
    executablePath: chromiumPath,
    // --no-sandbox: tests run as root in CI. The rest keeps Chromium off a
    // network it cannot reach anyway.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--no-first-run']
  })
}

// newPage opens a page whose console errors and uncaught exceptions are
// collected in page.problems, so a failing test can show them.
async function newPage (browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  page.problems = []
  page.on('pageerror', (err) => page.problems.push('exception: ' + err.message))
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push('console: ' + msg.text()) })
  return page
}

async function screenshot (page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, name + '.png')
  await page.screenshot({ path: file, fullPage: true })
  console.log(`screenshot: ${file}`)
  return file
}

// startDataApp runs examples/data-app/server.js against the server under
// test, on a free port, with the admin's API credentials.
function startDataApp () {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dataAppDir, 'server.js')], {
      env: {
        ...process.env,
        OVERLOOK_URL: baseUrl(),
        DATA_APP_PORT: '0',
        DATA_APP_HOST: '127.0.0.1'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    const timer = setTimeout(() => { child.kill(); reject(new Error('the data app did not start:\n' + output)) }, 20000)
    const onData = (chunk) => {
      output += chunk
      const m = output.match(/listening on (http:\/\/\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve({ origin: m[1], output: () => output, stop: () => child.kill() })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the data app exited (${code}):\n${output}`)) })
  })
}

// dataAppQueries loads the queries the page runs (an ES module).
async function dataAppQueries () {
  return (await import(path.join(dataAppDir, 'src', 'queries.mjs'))).queries
}

// createWebUser makes a user with an email and a password, setting the
// password through the reset link Overlook hands out, in the browser, the
// way a person would.
async function createWebUser (sdk, browser, { first, last, email, password, roleName }) {
  const user = await sdk.ok(sdk.create_user({ first_name: first, last_name: last, locale: 'en' }))
  await sdk.ok(sdk.create_user_credentials_email(user.id, { email }))
  if (roleName) {
    const roles = await sdk.ok(sdk.search_roles({ name: roleName }))
    if (!roles.length) throw new Error('no role named ' + roleName)
    await sdk.ok(sdk.set_user_roles(user.id, [roles[0].id]))
  }
  const reset = await sdk.ok(sdk.create_user_credentials_email_password_reset({ user_id: user.id, expires: true }))
  const page = await newPage(browser)
  await page.goto(reset.password_reset_url)
  await page.fill('#password', password)
  await page.fill('#password_confirm', password)
  await Promise.all([page.waitForLoadState('load'), page.click('#set_password')])
  await page.context().close()
  return user
}

// signInOnOverlook goes through Overlook's pages until the browser is back
// at returnOrigin: the login form (filled once) and the consent form
// (approved) when they show.
async function signInOnOverlook (page, { email, password, returnOrigin, timeout = 20000 }) {
  const deadline = Date.now() + timeout
  // The app sends the browser away first.
  await page.waitForURL((u) => !u.href.startsWith(returnOrigin), { timeout })
  let loggedIn = false
  while (Date.now() < deadline) {
    await page.waitForLoadState('load')
    if (page.url().startsWith(returnOrigin)) return
    if (!loggedIn && await page.$('#email')) {
      loggedIn = true
      await page.fill('#email', email)
      await page.fill('#password', password)
      await Promise.all([page.waitForNavigation(), page.click('#login')])
      continue
    }
    const approve = await page.$('#approve')
    if (approve) {
      await Promise.all([page.waitForNavigation(), approve.click()])
      continue
    }
    await page.waitForTimeout(100)
  }
  throw new Error(`sign-in did not come back to ${returnOrigin}; the browser is at ${page.url()}`)
}

module.exports = {
  createWebUser,
  dataAppQueries,
  launch,
  newPage,
  screenshot,
  screenshotDir,
  signInOnOverlook,
  skipReason,
  startDataApp
}
