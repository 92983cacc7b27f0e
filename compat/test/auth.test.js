'use strict'
// Login, me, logout and the token rules of sdk-contract.md §0 and §2.

const { describe, test, afterEach } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk, raw, sortedKeys, assertLookerError } = require('../lib/sdk')

const clientId = () => process.env.LOOKERSDK_CLIENT_ID
const clientSecret = () => process.env.LOOKERSDK_CLIENT_SECRET

describe('authentication', () => {
  const sdk = envSdk()
  // Like the official suite: every test starts with a fresh login.
  afterEach(async () => { await sdk.authSession.logout() })

  test('login returns a Bearer token that lasts well over 10 s', async () => {
    const tok = await sdk.authSession.login()
    assert.equal(typeof tok.access_token, 'string')
    assert.ok(tok.access_token.length > 0)
    assert.equal(tok.token_type, 'Bearer')
    assert.ok(tok.expires_in > 10, `expires_in ${tok.expires_in}`)
    assert.equal(sdk.authSession.isAuthenticated(), true)
  })

  test('login accepts credentials in the query string', async () => {
    const q = new URLSearchParams({ client_id: clientId(), client_secret: clientSecret() })
    const res = await raw('POST', `/login?${q}`)
    assert.equal(res.status, 200, res.text)
    assert.match(res.type, /^application\/json/)
    assert.equal(res.json.token_type, 'Bearer')
    assert.ok(!('error' in res.json))
    const out = await raw('DELETE', '/logout', { bearer: res.json.access_token })
    assert.equal(out.status, 204)
  })

  test('bad credentials are refused with a JSON error', async () => {
    const body = new URLSearchParams({ client_id: clientId(), client_secret: 'wrong' }).toString()
    const res = await raw('POST', '/login', {
      body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
    })
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`)
    assert.ok(!res.text.includes('access_token'))
  })

  test('versions lists API 4.0', async () => {
    const v = await sdk.ok(sdk.versions())
    assert.equal(v.current_version.version, '4.0')
    assert.ok(v.supported_versions.some((s) => s.version === '4.0'))
  })

  test('me returns the API user', async () => {
    const me = await sdk.ok(sdk.me())
    assert.equal(typeof me.id, 'string')
    assert.ok(Array.isArray(me.credentials_api3) && me.credentials_api3.length > 0)
    assert.ok(me.credentials_api3.every((c) => !('client_secret' in c)))
    assert.equal(typeof me.personal_folder_id, 'string', 'personal_folder_id')
    assert.equal(typeof me.home_folder_id, 'string', 'home_folder_id')
    assert.ok(me.first_name && me.last_name, 'first and last name are set')
    assert.equal(me.is_service_account, false)
  })

  test('me fields filter keeps only the asked keys', async () => {
    const me = await sdk.ok(sdk.me('id,first_name,last_name'))
    assert.deepEqual(sortedKeys(me), ['first_name', 'id', 'last_name'])
    for (const k of ['display_name', 'email', 'personal_folder_id', 'credentials_api3']) {
      assert.equal(me[k], undefined, k)
    }
    const idOnly = await sdk.ok(sdk.me('id'))
    assert.deepEqual(Object.keys(idOnly), ['id'], 'no credentials_api3 with fields=id (Go test)')
    const spaced = await sdk.ok(sdk.me('id, first_name'))
    assert.deepEqual(sortedKeys(spaced), ['first_name', 'id'])
    assert.equal(spaced.id, me.id)
  })

  test('logout ends the session and the next call logs in again', async () => {
    await sdk.ok(sdk.me())
    const revoked = sdk.authSession.activeToken.access_token
    assert.equal(await sdk.authSession.logout(), true)
    assert.equal(sdk.authSession.isAuthenticated(), false)
    const res = await raw('GET', '/user', { bearer: revoked })
    assertLookerError(res, 401)
    assert.match(res.json.message, /Requires authentication/)
    const me = await sdk.ok(sdk.me('id'))
    assert.equal(typeof me.id, 'string')
    assert.equal(sdk.authSession.isAuthenticated(), true)
  })
})

describe('logout on the wire', () => {
  const login = async () => {
    const body = new URLSearchParams({ client_id: clientId(), client_secret: clientSecret() }).toString()
    const res = await raw('POST', '/login', {
      body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
    })
    assert.equal(res.status, 200, res.text)
    return res.json.access_token
  }

  for (const prefix of ['/api/4.0', '/api']) {
    test(`DELETE ${prefix}/logout answers a bare 204 and revokes only that token`, async () => {
      const keep = await login()
      const drop = await login()
      const res = await raw('DELETE', '/logout', { bearer: drop, prefix })
      assert.equal(res.status, 204)
      assert.equal(res.text, '')
      assert.doesNotMatch(res.type, /json/)
      assert.equal((await raw('GET', '/user', { bearer: drop })).status, 401)
      assert.equal((await raw('GET', '/user', { bearer: keep })).status, 200)
      await raw('DELETE', '/logout', { bearer: keep })
    })
  }

  test('the legacy "token" scheme is accepted', async () => {
    const t = await login()
    const res = await raw('GET', '/user?fields=id', { headers: { Authorization: `token ${t}` } })
    assert.equal(res.status, 200, res.text)
    await raw('DELETE', '/logout', { bearer: t })
  })
})
