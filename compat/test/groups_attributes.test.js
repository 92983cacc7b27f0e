'use strict'
// Groups and user attributes as the official Go integration test (steps
// 6-12) and the TS create_user_attribute test use them (sdk-contract.md §7).

const { describe, test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk } = require('../lib/sdk')

// dropGroup and dropAttribute remove leftovers by exact name.
async function dropGroup (sdk, name) {
  const found = await sdk.ok(sdk.search_groups({ name, fields: 'id,name' }))
  for (const g of found.filter((g) => g.name === name)) await sdk.ok(sdk.delete_group(g.id))
}
async function dropAttribute (sdk, name) {
  const all = await sdk.ok(sdk.all_user_attributes({ fields: 'id,name' }))
  for (const a of all.filter((a) => a.name === name)) await sdk.ok(sdk.delete_user_attribute(a.id))
}

describe('group with a user attribute value', () => {
  const sdk = envSdk()
  before(async () => {
    await dropGroup(sdk, 'foo')
    await dropAttribute(sdk, 'bar')
  })
  after(async () => { await sdk.authSession.logout() })

  test('the Go integration sequence', async () => {
    const group = await sdk.ok(sdk.create_group({ name: 'foo' }))
    assert.equal(typeof group.id, 'string')
    assert.equal((await sdk.ok(sdk.group(group.id))).name, 'foo')

    const attr = await sdk.ok(sdk.create_user_attribute({ name: 'bar', label: 'bar', type: 'string' }))
    assert.equal(typeof attr.id, 'string')
    const read = await sdk.ok(sdk.user_attribute(attr.id))
    assert.deepEqual([read.name, read.label, read.type], ['bar', 'bar', 'string'])

    const value = await sdk.ok(sdk.update_user_attribute_group_value(group.id, attr.id, {
      group_id: group.id, user_attribute_id: attr.id, value: 'baz'
    }))
    assert.equal(value.value, 'baz')
    assert.equal(value.group_id, group.id)
    assert.equal(value.user_attribute_id, attr.id)

    assert.equal(await sdk.ok(sdk.delete_user_attribute_group_value(group.id, attr.id)), '')
    assert.equal(await sdk.ok(sdk.delete_user_attribute(attr.id)), '')
    assert.equal(await sdk.ok(sdk.delete_group(group.id)), '')
  })
})

describe('create_user_attribute options', () => {
  const sdk = envSdk()
  before(async () => { await dropAttribute(sdk, 'git_username') })
  after(async () => { await sdk.authSession.logout() })

  // Success is fine; a refusal must be exactly the one Looker gives.
  test('git_username with an empty domain whitelist', async () => {
    const res = await sdk.create_user_attribute({
      name: 'git_username',
      label: 'Git Username',
      type: 'string',
      value_is_hidden: false,
      user_can_edit: true,
      user_can_view: true,
      hidden_value_domain_whitelist: ''
    })
    if (res.ok) {
      assert.equal(res.value.name, 'git_username')
      assert.equal(await sdk.ok(sdk.delete_user_attribute(res.value.id)), '')
      return
    }
    assert.equal(res.error.message, 'Validation Failed')
    assert.equal(res.error.errors.length, 1)
    assert.match(res.error.errors[0].message,
      /hidden_value_domain_whitelist must be a comma-separated list of urls with optional wildcards/)
  })
})
