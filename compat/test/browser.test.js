'use strict'
// Browser tests in headless Chromium (playwright-core driving Debian's
// chromium): the example data app signed in with OAuth + PKCE, the same
// app with a token handed over by its server (login_user), and the API
// Explorer running `me`. Screenshots land in compat/screenshots/.
// Without Chromium the tests skip, unless OVERLOOK_REQUIRE_BROWSER=1.

const { describe, test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const { envSdk, baseUrl, deleteUsersNamed } = require('../lib/sdk')
const browserLib = require('../lib/browser')

const skip = browserLib.skipReason()
const webUser = {
  first: 'Browser',
  last: 'Tester',
  email: 'browser.tester@foo.com',
  password: 'Pw-' + crypto.randomBytes(12).toString('hex'),
  roleName: 'Admin'
}

// The numbers the page shows, read from its data attributes.
async function pageFigures (page) {
  return page.evaluate(() => {
    const kpi = (name) => Number(document.querySelector(`[data-kpi="${name}"]`).dataset.value)
    return {
      orders: kpi('orders'),
      revenue: kpi('revenue'),
      users: kpi('users'),
      bars: [...document.querySelectorAll('#chart .bar')].map((g) => ({ label: g.dataset.label, value: Number(g.dataset.value) })),
      who: document.querySelector('#who').textContent,
      userId: document.querySelector('#who').dataset.userId
    }
  })
}

// waitReady waits for the data app to finish (or to show an error).
async function waitReady (page) {
  await page.waitForSelector('body[data-ready="true"], body[data-error="true"]', { timeout: 30000 })
  const error = await page.textContent('#error')
  assert.equal(error, '', `the page failed: ${error}\n${page.problems.join('\n')}`)
}

describe('browser', { skip }, () => {
  const sdk = envSdk()
  let browser
  let app
  let expected
  let thelook = true
  let appsApi = true

  before(async () => {
    browser = await browserLib.launch()
    const queries = await browserLib.dataAppQueries()
    const run = (q) => sdk.ok(sdk.run_inline_query({ result_format: 'json', body: q }))
    try {
      const [orders, users, byCategory] = await Promise.all([run(queries.orders), run(queries.users), run(queries.revenueByCategory)])
      expected = {
        orders: orders[0]['order_items.order_count'],
        revenue: orders[0]['order_items.total_sale_price'],
        users: users[0]['users.count'],
        bars: byCategory.map((r) => ({ label: r['products.category'], value: r['order_items.total_sale_price'] }))
      }
    } catch (err) {
      // compat/run starts Overlook with OVERLOOK_DEMO_SCALE=0 unless told.
      thelook = false
      console.log(`data app tests skip: the thelook demo is missing (start Overlook with OVERLOOK_DEMO_SCALE > 0): ${err.message}`)
    }
    // The data app registers itself with register_oauth_client_app.
    const spec = await (await fetch(baseUrl() + '/api/4.0/swagger.json')).json()
    if (!spec.paths['/oauth_client_apps/{client_guid}']) {
      appsApi = false
      console.log('data app tests skip: this server has no register_oauth_client_app operation')
    }
    await deleteUsersNamed(sdk, webUser.first, webUser.last)
    await browserLib.createWebUser(sdk, browser, webUser)
  })

  // dataAppSkip says why the data app cannot run against this server.
  const dataAppSkip = () => {
    if (!thelook) return 'no thelook demo (OVERLOOK_DEMO_SCALE=0)'
    if (!appsApi) return 'no register_oauth_client_app on this server'
    return false
  }

  // dataApp starts the example's server on first use.
  const dataApp = async () => {
    if (!app) app = await browserLib.startDataApp()
    return app
  }

  after(async () => {
    if (app) app.stop()
    if (browser) await browser.close()
    await deleteUsersNamed(sdk, webUser.first, webUser.last)
    await sdk.authSession.logout()
  })

  test('data app: sign in through /auth with PKCE; the page shows what run_inline_query returns', async (t) => {
    if (dataAppSkip()) return t.skip(dataAppSkip())
    const app = await dataApp()
    const page = await browserLib.newPage(browser)
    await page.goto(app.origin + '/')
    await browserLib.signInOnOverlook(page, { email: webUser.email, password: webUser.password, returnOrigin: app.origin })
    // The SDK sent the browser to /auth; back on /oauth it redeemed the code.
    await waitReady(page)
    await browserLib.screenshot(page, 'data-app-oauth')
    const got = await pageFigures(page)
    assert.match(got.who, /browser\.tester@foo\.com/)
    assert.deepEqual({ orders: got.orders, revenue: got.revenue, users: got.users, bars: got.bars }, expected)
    assert.ok(expected.orders > 0 && expected.bars.length > 0, 'the demo has orders')
    assert.equal(new URL(page.url()).pathname, '/', 'the page leaves /oauth once signed in')
    await page.context().close()
  })

  test('data app: token handed over by the app server (login_user); the page shows the same numbers', async (t) => {
    if (dataAppSkip()) return t.skip(dataAppSkip())
    const app = await dataApp()
    const page = await browserLib.newPage(browser)
    const apiCalls = []
    page.on('request', (r) => { if (r.url().startsWith(baseUrl() + '/api/4.0/')) apiCalls.push(r.url()) })
    await page.goto(app.origin + '/sudo/')
    await waitReady(page)
    await browserLib.screenshot(page, 'data-app-sudo')
    const got = await pageFigures(page)
    assert.match(got.who, /vera\.viewer@overlook\.example/, 'the page acts as the app\'s end user, not the admin')
    assert.deepEqual({ orders: got.orders, revenue: got.revenue, users: got.users, bars: got.bars }, expected)
    assert.ok(apiCalls.some((u) => u.includes('/queries/run/json')), 'the page itself called the API cross-origin')
    await page.context().close()
  })

  test('API Explorer: sign in with PKCE, find `me`, run it and see the user', async () => {
    const page = await browserLib.newPage(browser)
    await page.goto(baseUrl() + '/api-explorer/')
    await page.waitForSelector('body[data-ready="true"]')
    await page.click('#sign-in')
    await browserLib.signInOnOverlook(page, {
      email: webUser.email, password: webUser.password, returnOrigin: baseUrl() + '/api-explorer/'
    })
    await page.waitForFunction(() => document.querySelector('#who').textContent.includes('@'), null, { timeout: 15000 })
    assert.match(await page.textContent('#who'), /browser\.tester@foo\.com/)

    await page.fill('#search', 'me')
    await page.click('a[data-op="me"]')
    await page.click('#run')
    await page.waitForSelector('#response-body')
    assert.match(await page.textContent('#response-status'), /^200 /)
    const body = JSON.parse(await page.textContent('#response-body'))
    assert.equal(body.email, webUser.email)
    assert.equal(body.first_name, webUser.first)
    await browserLib.screenshot(page, 'api-explorer-me')
    assert.deepEqual(page.problems, [])

    // A token that stopped working is replaced with the refresh token (the
    // browser logs the first answer, a 401).
    await page.evaluate(() => { state.token = 'expired-' + state.token })
    await page.click('#run')
    await page.waitForSelector('#response-body')
    assert.match(await page.textContent('#response-status'), /^200 /)
    assert.equal(JSON.parse(await page.textContent('#response-body')).email, webUser.email)
    await page.context().close()
  })
})
