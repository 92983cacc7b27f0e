'use strict'
// What the official suites expect of a fresh instance before they create
// anything (sdk-contract.md §7.0): here, the users part.

const { test, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk } = require('../lib/sdk')

const sdk = envSdk()
after(async () => { await sdk.authSession.logout() })

test('at least two enabled users besides the API user (seed data)', async () => {
  const me = await sdk.ok(sdk.me('id'))
  const users = await sdk.ok(sdk.all_users({ fields: 'id,is_disabled' }))
  const others = users.filter((u) => u.id !== me.id && !u.is_disabled)
  assert.ok(others.length >= 2, `found ${others.length} other enabled users`)
})

test('no seeded user has an @foo.com or @testfoo.com email', async () => {
  for (const pattern of ['%@foo.com', '%@testfoo.com']) {
    const found = await sdk.ok(sdk.search_users_names({ pattern, fields: 'id,email' }))
    assert.deepEqual(found.filter((u) => (u.email || '').endsWith(pattern.slice(1))), [])
  }
})
