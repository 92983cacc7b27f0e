'use strict'
// Error bodies as the SDK surfaces them (sdk-contract.md §0.5 and §3.2).

const { describe, test, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk, raw, token, expectError, assertLookerError, deleteUsersNamed } = require('../lib/sdk')

describe('error bodies', () => {
  const sdk = envSdk()
  after(async () => { await sdk.authSession.logout() })

  test('unknown user: 404 with message and documentation_url', async () => {
    const result = await sdk.user('987654321')
    assert.equal(result.ok, false)
    assert.equal(typeof result.error.message, 'string')
    assert.equal(typeof result.error.documentation_url, 'string')
    const err = await expectError(sdk, sdk.user('987654321'))
    assert.equal(err.name, 'LookerSDKError')
    assert.match(err.message, /not found/i)
    assertLookerError(await raw('GET', '/users/987654321', { bearer: await token(sdk) }), 404)
  })

  test('malformed id: 404, not a 500', async () => {
    assertLookerError(await raw('GET', '/users/not-a-number', { bearer: await token(sdk) }), 404)
  })

  test('no token: 401 Requires authentication', async () => {
    const res = await raw('GET', '/user')
    assertLookerError(res, 401)
    assert.match(res.json.message, /Requires authentication/)
  })

  test('invalid email: 422 Validation Failed naming the field', async () => {
    await deleteUsersNamed(sdk, 'Errata', 'Compat')
    const user = await sdk.ok(sdk.create_user({ first_name: 'Errata', last_name: 'Compat' }))
    try {
      await expectInvalidEmail(user.id)
    } finally {
      await sdk.ok(sdk.delete_user(user.id))
    }
  })

  async function expectInvalidEmail (userId) {
    const body = { email: 'not an email address' }
    const err = await expectError(sdk, sdk.create_user_credentials_email(userId, body))
    assert.equal(err.message, 'Validation Failed')
    assert.ok(err.errors.length >= 1)
    for (const e of err.errors) {
      assert.equal(typeof e.documentation_url, 'string', 'every errors[] entry has documentation_url')
      assert.equal(typeof e.message, 'string')
    }
    assert.ok(err.errors.some((e) => e.field === 'email'), JSON.stringify(err.errors))
    const res = await raw('POST', `/users/${userId}/credentials_email`, { bearer: await token(sdk), body })
    assertLookerError(res, 422)
    assert.equal(res.json.message, 'Validation Failed')
  }
})
