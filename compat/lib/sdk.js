'use strict'
// Shared set-up for the conformance tests: SDK instances built exactly the
// way the official @looker/sdk-node tests build them, plus a plain fetch for
// the few wire details (status codes, headers) the SDK hides.

const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const assert = require('node:assert/strict')
const { Looker40SDK } = require('@looker/sdk')
const { NodeSession, NodeSettings, NodeSettingsIniFile } = require('@looker/sdk-node')

// sdk-rtl 21.6.5 logs this on every request (a misplaced else in
// baseTransport); it says nothing about the server, so keep it out of the
// test output.
const debug = console.debug
console.debug = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('AbortSignal.timeout is not defined')) return
  debug(...args)
}

const baseUrl = () => {
  const url = process.env.LOOKERSDK_BASE_URL
  if (!url) throw new Error('LOOKERSDK_BASE_URL is not set: run the tests through compat/run')
  return url.replace(/\/+$/, '')
}

// envSdk reads LOOKERSDK_* from the environment, like the official
// "Node environment / no INI" test.
function envSdk () {
  const settings = new NodeSettings('LOOKERSDK')
  return new Looker40SDK(new NodeSession(settings))
}

// iniSdk logs in with other API3 credentials through a looker.ini file
// with a [Looker] section, the way the official tests read theirs. The
// session rereads the file at every login, so it lives until dispose().
function iniSdk (clientId, clientSecret) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overlook-compat-ini-'))
  const file = path.join(dir, 'looker.ini')
  fs.writeFileSync(file, [
    '[Looker]',
    `base_url=${baseUrl()}`,
    `client_id=${clientId}`,
    `client_secret=${clientSecret}`,
    'verify_ssl=false',
    ''
  ].join('\n'), { mode: 0o600 })
  // A prefix with nothing in the environment, so only the file counts.
  const settings = new NodeSettingsIniFile('OVERLOOK_COMPAT_UNSET', file, 'Looker')
  const sdk = new Looker40SDK(new NodeSession(settings))
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true })
  return { sdk, dispose }
}

// token returns the access token the session is using now (logging in
// first when needed).
async function token (sdk) {
  const t = await sdk.authSession.getToken()
  return t.access_token
}

// raw sends one request with fetch and returns status, headers and body
// (parsed when it is JSON).
async function raw (method, apiPath, { bearer, body, headers = {}, prefix = '/api/4.0' } = {}) {
  const init = { method, headers: { ...headers } }
  if (bearer) init.headers.Authorization = `Bearer ${bearer}`
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    if (typeof body !== 'string') init.headers['Content-Type'] = 'application/json'
  }
  const res = await fetch(baseUrl() + prefix + apiPath, init)
  const text = await res.text()
  const type = res.headers.get('content-type') || ''
  let json
  if (type.includes('json') && text !== '') json = JSON.parse(text)
  return { status: res.status, headers: res.headers, type, text, json }
}

// expectError awaits an SDK call that must fail and returns the
// LookerSDKError that sdk.ok throws.
async function expectError (sdk, promise) {
  let value
  try {
    value = await sdk.ok(promise)
  } catch (err) {
    return err
  }
  assert.fail(`expected an error, got ${JSON.stringify(value)}`)
}

// assertLookerError checks the JSON error body every SDK relies on.
function assertLookerError (res, status) {
  assert.equal(res.status, status, res.text)
  assert.match(res.type, /^application\/json/)
  assert.equal(typeof res.json.message, 'string')
  assert.notEqual(res.json.message, '')
  assert.equal(typeof res.json.documentation_url, 'string')
  assert.ok(!('error' in res.json), 'a top-level "error" key would win over "message" in the TS SDK')
}

// deleteUsers removes every user whose name or email matches a
// search_users_names pattern, so tests start clean and leave no trace.
// Matches are checked here too: a server that ignored the pattern must not
// make the clean-up delete everybody.
async function deleteUsers (sdk, pattern) {
  const like = likeRegExp(pattern)
  const found = await sdk.ok(sdk.search_users_names({ pattern, fields: 'id,first_name,last_name,email' }))
  const hits = found.filter((u) => [u.first_name, u.last_name, u.email].some((v) => like.test(v || '')))
  for (const u of hits) await sdk.ok(sdk.delete_user(u.id))
}

// deleteUsersNamed removes users by exact first and last name, enabled or
// disabled, like the official tests' clean-up (with the same guard).
async function deleteUsersNamed (sdk, firstName, lastName) {
  for (const disabled of [false, true]) {
    const found = await sdk.ok(sdk.search_users({
      first_name: firstName, last_name: lastName, is_disabled: disabled, fields: 'id,first_name,last_name'
    }))
    const hits = found.filter((u) => u.first_name === firstName && u.last_name === lastName)
    for (const u of hits) await sdk.ok(sdk.delete_user(u.id))
  }
}

// likeRegExp turns a SQL LIKE pattern (% and _) into a case-insensitive
// whole-string RegExp.
function likeRegExp (pattern) {
  const body = [...pattern].map((c) => {
    if (c === '%') return '.*'
    if (c === '_') return '.'
    return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }).join('')
  return new RegExp(`^${body}$`, 'i')
}

const sortedKeys = (o) => Object.keys(o).sort()

module.exports = {
  assertLookerError,
  baseUrl,
  deleteUsers,
  deleteUsersNamed,
  envSdk,
  expectError,
  iniSdk,
  raw,
  sortedKeys,
  token
}
