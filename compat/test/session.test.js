'use strict'
// The API session's workspace, as the official Go integration test
// switches it (sdk-contract.md §7.1 step 16).

const { test, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk } = require('../lib/sdk')

const sdk = envSdk()
after(async () => { await sdk.authSession.logout() })

test('workspace production, then dev, then back', async () => {
  assert.equal((await sdk.ok(sdk.session())).workspace_id, 'production')
  assert.equal((await sdk.ok(sdk.update_session({ workspace_id: 'dev' }))).workspace_id, 'dev')
  assert.equal((await sdk.ok(sdk.session())).workspace_id, 'dev')
  assert.equal((await sdk.ok(sdk.update_session({ workspace_id: 'production' }))).workspace_id, 'production')
  assert.equal((await sdk.ok(sdk.session())).workspace_id, 'production')
})
