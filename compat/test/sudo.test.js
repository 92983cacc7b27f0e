'use strict'
// Sudo through NodeSession.login(id) and logout() (sdk-contract.md §2.4),
// the sequence of the official "sudo login/logout" test.

const { describe, test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk, raw, deleteUsersNamed } = require('../lib/sdk')

const targets = [
  { first_name: 'Sudo', last_name: 'Alpha' },
  { first_name: 'Sudo', last_name: 'Beta' }
]

describe('sudo login/logout', () => {
  const sdk = envSdk()
  const session = sdk.authSession
  const users = []

  // Users created just now, with no credentials: sudo to them must work.
  before(async () => {
    for (const t of targets) await deleteUsersNamed(sdk, t.first_name, t.last_name)
    for (const t of targets) users.push(await sdk.ok(sdk.create_user({ ...t, locale: 'en' })))
    await session.logout()
  })
  after(async () => {
    await session.logout()
    for (const u of users) await sdk.ok(sdk.delete_user(u.id))
    await session.logout()
  })

  test('the official sequence', async () => {
    const apiUser = await sdk.ok(sdk.me())
    const [a, b] = users.map((u) => u.id)
    assert.notEqual(a, apiUser.id)

    await session.login(a)
    assert.equal(session.isSudo(), true)
    assert.equal((await sdk.ok(sdk.me())).id, a)

    await session.login(b) // logs out the sudo-a token, then sudo with the API token
    assert.equal((await sdk.ok(sdk.me())).id, b)

    await session.logout() // revokes only the sudo token
    assert.equal(session.isSudo(), false)
    assert.deepEqual(await sdk.ok(sdk.me()), apiUser)

    await session.login(a)
    assert.equal((await sdk.ok(sdk.me())).id, a)
    await session.login() // back to the API user
    assert.deepEqual(await sdk.ok(sdk.me()), apiUser)

    assert.equal(session.isAuthenticated(), true)
    await session.logout()
    assert.equal(session.isAuthenticated(), false)
  })

  test('a sudo user sees itself, not the admin', async () => {
    const apiUser = await sdk.ok(sdk.me())
    await session.login(users[0].id)
    const me = await sdk.ok(sdk.me())
    assert.equal(me.first_name, targets[0].first_name)
    assert.equal(me.last_name, targets[0].last_name)
    assert.deepEqual(me.credentials_api3, [])
    assert.notDeepEqual(me.role_ids, apiUser.role_ids)
    await session.logout()
  })

  test('login_user returns a token; revoking it keeps the API token', async () => {
    const tok = await sdk.ok(sdk.login_user(users[1].id))
    assert.equal(typeof tok.access_token, 'string')
    assert.ok(tok.access_token.length > 0)
    assert.equal(tok.token_type, 'Bearer')
    const me = await raw('GET', '/user?fields=id', { bearer: tok.access_token })
    assert.equal(me.json.id, users[1].id)
    assert.equal((await raw('DELETE', '/logout', { bearer: tok.access_token })).status, 204)
    assert.equal(typeof (await sdk.ok(sdk.me('id'))).id, 'string')
  })

  test('sudo to an unknown user fails with 404', async () => {
    const res = await sdk.login_user('987654321')
    assert.equal(res.ok, false)
    assert.match(res.error.message, /not found/i)
  })
})
