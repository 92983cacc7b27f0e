'use strict'
// A service account gets API3 credentials and logs in with its own
// NodeSession, read from a looker.ini file.

const { describe, test, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk, iniSdk, expectError } = require('../lib/sdk')

describe('service account', () => {
  const admin = envSdk()
  let account
  let creds
  let robot

  after(async () => {
    if (robot) {
      await robot.sdk.authSession.logout()
      robot.dispose()
    }
    if (account) {
      const res = await admin.delete_service_account(account.id)
      if (!res.ok) await admin.ok(admin.delete_user(account.id))
    }
    await admin.authSession.logout()
  })

  test('create_service_account', async () => {
    account = await admin.ok(admin.create_service_account({ service_account_name: 'compat-robot' }))
    assert.equal(typeof account.id, 'string')
    assert.equal(account.is_service_account, true)
    assert.equal(account.service_account_name, 'compat-robot')
    const user = await admin.ok(admin.user(account.id))
    assert.equal(user.is_service_account, true)
  })

  test('create_user_credentials_api3 shows the secret once', async () => {
    assert.ok(account, 'needs the service account')
    creds = await admin.ok(admin.create_user_credentials_api3(account.id))
    assert.equal(typeof creds.id, 'string')
    assert.ok(creds.client_id, 'client_id')
    assert.ok(creds.client_secret, 'client_secret')
    const listed = await admin.ok(admin.all_user_credentials_api3s(account.id))
    const again = listed.find((c) => c.id === creds.id)
    assert.ok(again, 'the new credentials are listed')
    assert.equal(again.client_id, creds.client_id)
    assert.equal(again.client_secret, undefined, 'the secret is not shown again')
  })

  test('a second NodeSession logs in as the service account', async () => {
    assert.ok(creds, 'needs the credentials')
    robot = iniSdk(creds.client_id, creds.client_secret)
    const me = await robot.sdk.ok(robot.sdk.me())
    assert.equal(me.id, account.id)
    assert.equal(me.is_service_account, true)
    assert.equal(robot.sdk.authSession.isAuthenticated(), true)
    // The admin's own session is untouched by the robot's login.
    assert.notEqual((await admin.ok(admin.me('id'))).id, me.id)
    await robot.sdk.authSession.logout()
    assert.equal(robot.sdk.authSession.isAuthenticated(), false)
  })

  test('wrong secret does not log in', async () => {
    assert.ok(creds, 'needs the credentials')
    const bad = iniSdk(creds.client_id, 'not-the-secret')
    try {
      await expectError(bad.sdk, bad.sdk.me('id'))
      assert.equal(bad.sdk.authSession.isAuthenticated(), false)
    } finally {
      bad.dispose()
    }
  })
})
