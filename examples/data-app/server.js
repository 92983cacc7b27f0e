'use strict'
// The data app's own server: serves the page and the built bundle, and
// stands for "your application's backend".
//
//   /          the page, signing in with OAuth + PKCE on Overlook
//   /oauth     where Overlook sends the browser back with the code
//   /sudo/     the same page, with a token this server mints for its end
//              user (login_user) and hands over from POST /sudo/token
//
// At start it logs in to Overlook with API credentials (an admin's) and
// registers the page as the OAuth client app "overlook-data-app", so
// Overlook accepts its redirect URI and its origin (CORS).
//
// Environment:
//   OVERLOOK_URL          Overlook's origin (default http://127.0.0.1:19999)
//   LOOKERSDK_CLIENT_ID   API credentials of an admin
//   LOOKERSDK_CLIENT_SECRET
//   DATA_APP_PORT         port to listen on (default 8088; 0 picks one)
//   DATA_APP_HOST         address to listen on (default 127.0.0.1)
//   DATA_APP_USER_EMAIL   the end user of the /sudo/ variant
//                         (default vera.viewer@overlook.example, a seeded viewer)
// It needs Node 20 or later and nothing from npm.

const fs = require('node:fs')
const http = require('node:http')
const path = require('node:path')

const clientGuid = 'overlook-data-app'
const overlook = (process.env.OVERLOOK_URL || 'http://127.0.0.1:19999').replace(/\/+$/, '')
const endUserEmail = process.env.DATA_APP_USER_EMAIL || 'vera.viewer@overlook.example'

// api calls Overlook as the API user, logging in once.
let apiToken = null
async function api (method, apiPath, body) {
  if (!apiToken) apiToken = await login()
  const res = await fetch(overlook + '/api/4.0' + apiPath, {
    method,
    headers: { Authorization: 'Bearer ' + apiToken, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  const text = await res.text()
  if (res.status === 401) apiToken = null
  return { status: res.status, json: text ? JSON.parse(text) : null }
}

async function login () {
  const id = process.env.LOOKERSDK_CLIENT_ID
  const secret = process.env.LOOKERSDK_CLIENT_SECRET
  if (!id || !secret) throw new Error('set LOOKERSDK_CLIENT_ID and LOOKERSDK_CLIENT_SECRET (API credentials of an Overlook admin)')
  const res = await fetch(overlook + '/api/4.0/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: id, client_secret: secret })
  })
  if (!res.ok) throw new Error(`API login failed: ${res.status} ${await res.text()}`)
  return (await res.json()).access_token
}

// registerApp creates the OAuth client app, or points it at this origin.
async function registerApp (redirectUri) {
  const app = {
    redirect_uri: redirectUri,
    display_name: 'The Look data app (example)',
    description: 'Store overview built on the browser Looker SDK',
    enabled: true
  }
  const found = await api('GET', '/oauth_client_apps/' + clientGuid)
  const res = found.status === 200
    ? await api('PATCH', '/oauth_client_apps/' + clientGuid, app)
    : await api('POST', '/oauth_client_apps/' + clientGuid, app)
  if (res.status >= 300) throw new Error(`registering the OAuth client app: ${res.status} ${JSON.stringify(res.json)}`)
}

// sudoToken returns an access token that acts as the end user. A real app
// would first check who is signed in to the app itself; this example has a
// single, fixed end user.
async function sudoToken () {
  const found = await api('GET', '/users/search?fields=id,email&email=' + encodeURIComponent(endUserEmail))
  const user = (found.json || []).find((u) => u.email === endUserEmail)
  if (!user) throw new Error('no Overlook user with the email ' + endUserEmail)
  const res = await api('POST', '/login/' + encodeURIComponent(user.id))
  if (res.status !== 200) throw new Error(`login_user: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8' }
const files = {
  '/app.css': 'public/app.css',
  '/dist/app.js': 'dist/app.js',
  '/dist/LICENSES.txt': 'dist/LICENSES.txt'
}

function sendFile (res, rel) {
  const file = path.join(__dirname, rel)
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404).end('not found'); return }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' })
    res.end(data)
  })
}

function sendJSON (res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(value))
}

function handler (origin) {
  const config = {
    base_url: overlook,
    looker_url: overlook,
    client_id: clientGuid,
    redirect_uri: origin + '/oauth'
  }
  return async (req, res) => {
    const url = new URL(req.url, origin)
    try {
      if (req.method === 'POST' && url.pathname === '/sudo/token') {
        // Only this page may ask (a cross-site form post carries another Origin).
        if (req.headers.origin && req.headers.origin !== origin) return sendJSON(res, 403, { message: 'forbidden' })
        const t = await sudoToken()
        return sendJSON(res, 200, { access_token: t.access_token, token_type: t.token_type, expires_in: t.expires_in })
      }
      if (req.method !== 'GET') return sendJSON(res, 405, { message: 'method not allowed' })
      if (url.pathname === '/config.json') return sendJSON(res, 200, config)
      if (url.pathname === '/' || url.pathname === '/oauth' || url.pathname === '/sudo/') return sendFile(res, 'public/index.html')
      if (url.pathname === '/sudo') { res.writeHead(301, { Location: '/sudo/' }).end(); return }
      if (files[url.pathname]) return sendFile(res, files[url.pathname])
      res.writeHead(404).end('not found')
    } catch (err) {
      console.error(err)
      sendJSON(res, 502, { message: err.message })
    }
  }
}

async function main () {
  const host = process.env.DATA_APP_HOST || '127.0.0.1'
  const server = http.createServer()
  await new Promise((resolve) => server.listen(Number(process.env.DATA_APP_PORT || 8088), host, resolve))
  const origin = `http://${host}:${server.address().port}`
  await registerApp(origin + '/oauth')
  server.on('request', handler(origin))
  // The tests read this line to find the app.
  console.log(`data app listening on ${origin} (Overlook at ${overlook})`)
}

main().catch((err) => { console.error(err.message || err); process.exit(1) })
