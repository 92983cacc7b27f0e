// The storefront page: three KPIs and a bar chart over thelook, read with
// the official browser Looker SDK. Two ways to get a token:
//   /        OAuth authorization code + PKCE (BrowserSession), the user signs in on Overlook
//   /sudo/   the example's server mints a token for its end user with login_user
//            and hands it to the page (HandedTokenSession below)
import { Looker40SDK } from '@looker/sdk'
import { ApiSettings, AuthSession, AuthToken, BrowserSession, BrowserTransport, DefaultSettings } from '@looker/sdk-rtl'
import { queries } from './queries.mjs'
import { barChart } from './chart.js'

const $ = (sel) => document.querySelector(sel)

// OAuthSettings adds what BrowserSession needs for the PKCE flow to the
// ordinary API settings.
class OAuthSettings extends ApiSettings {
  constructor (cfg) {
    super({ ...DefaultSettings(), base_url: cfg.base_url, verify_ssl: true, timeout: 120 })
    this.cfg = cfg
  }

  readConfig () {
    return {
      ...super.readConfig(),
      base_url: this.cfg.base_url,
      looker_url: this.cfg.looker_url,
      client_id: this.cfg.client_id,
      redirect_uri: this.cfg.redirect_uri
    }
  }
}

// HandedTokenSession uses a token that the example's server obtained with
// login_user. The browser never sees API credentials; it asks its own
// server again when the token is about to run out.
class HandedTokenSession extends AuthSession {
  constructor (settings, tokenUrl) {
    super(settings, new BrowserTransport(settings))
    this.tokenUrl = tokenUrl
    this.token = new AuthToken()
  }

  isAuthenticated () { return this.token.isActive() }

  async getToken () {
    if (!this.isAuthenticated()) {
      const res = await fetch(this.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' } })
      if (!res.ok) throw new Error('the app server could not get a token: ' + res.status)
      this.token.setToken(await res.json())
    }
    return this.token
  }

  async authenticate (props) {
    const token = await this.getToken()
    props.mode = 'cors'
    delete props.credentials
    props.headers = { ...(props.headers || {}), Authorization: 'Bearer ' + token.access_token, 'x-looker-appid': this.settings.agentTag }
    return props
  }

  async login () { return this.getToken() }

  async logout () {
    this.token = new AuthToken()
    return true
  }
}

async function connect (cfg, mode) {
  if (mode === 'sudo') {
    const settings = new ApiSettings({ ...DefaultSettings(), base_url: cfg.base_url, verify_ssl: true, timeout: 120 })
    const session = new HandedTokenSession(settings, '/sudo/token')
    await session.login()
    return new Looker40SDK(session)
  }
  const session = new BrowserSession(new OAuthSettings(cfg))
  // On /oauth, login() redeems the code; elsewhere it sends the browser to
  // Overlook's /auth (and this page is left).
  await session.login()
  if (!session.isAuthenticated()) return null
  if (location.pathname === '/oauth') history.replaceState(null, '', '/')
  return new Looker40SDK(session)
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const count = new Intl.NumberFormat('en-US')

function showKpi (name, value, format) {
  const node = $(`[data-kpi="${name}"]`)
  node.dataset.value = String(value)
  node.querySelector('.value').textContent = format.format(value)
}

async function run (sdk, query) {
  return sdk.ok(sdk.run_inline_query({ result_format: 'json', body: query }))
}

async function main () {
  const mode = location.pathname.startsWith('/sudo') ? 'sudo' : 'oauth'
  document.body.dataset.mode = mode
  $('#mode').textContent = mode === 'sudo' ? 'token handed over by the app server (login_user)' : 'signed in with OAuth (PKCE)'
  const cfg = await (await fetch('/config.json')).json()
  const sdk = await connect(cfg, mode)
  if (!sdk) return // on the way to the sign-in page

  const me = await sdk.ok(sdk.me('id,display_name,email'))
  $('#who').textContent = `${me.display_name} <${me.email || 'no email'}>`
  $('#who').dataset.userId = me.id

  const [orders, users, byCategory] = await Promise.all([
    run(sdk, queries.orders), run(sdk, queries.users), run(sdk, queries.revenueByCategory)
  ])
  showKpi('orders', orders[0]['order_items.order_count'], count)
  showKpi('revenue', orders[0]['order_items.total_sale_price'], money)
  showKpi('users', users[0]['users.count'], count)
  $('#chart').replaceChildren(barChart(byCategory.map((r) => ({
    label: r['products.category'], value: r['order_items.total_sale_price']
  })), money))
  $('#chart').dataset.rows = JSON.stringify(byCategory)
  document.body.dataset.ready = 'true'
}

main().catch((err) => {
  $('#error').textContent = err.message || String(err)
  document.body.dataset.error = 'true'
})
