'use strict'
// User CRUD, searches, paging and `fields`, mirroring the official
// methods.spec.ts user tests (sdk-contract.md §7.2) with the same data.

const { describe, test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { DelimArray, pageAll, pager } = require('@looker/sdk-rtl')
const {
  envSdk, raw, token, expectError, deleteUsers, deleteUsersNamed, sortedKeys
} = require('../lib/sdk')

// The five users of the official test data (sdk-test-data.json).
const people = [
  { first_name: 'Lloyd', last_name: 'Llookicorn' },
  { first_name: 'Zachary', last_name: 'Zoomify' },
  { first_name: 'Balthazar', last_name: 'Bombastic' },
  { first_name: 'Aaron', last_name: 'Aardvark' },
  { first_name: 'Amanda', last_name: 'Aardvark' }
]
const emailOf = (p) => `${p.first_name}.${p.last_name}@foo.com`.toLowerCase()
const byName = ['Aaron Aardvark', 'Amanda Aardvark', 'Balthazar Bombastic', 'Lloyd Llookicorn', 'Zachary Zoomify']
const fullName = (u) => `${u.first_name} ${u.last_name}`

describe('create, update, and delete user', () => {
  const sdk = envSdk()
  const cleanUp = async () => { for (const p of people) await deleteUsersNamed(sdk, p.first_name, p.last_name) }
  before(cleanUp)
  after(async () => { await cleanUp(); await sdk.authSession.logout() })

  for (const p of people) {
    test(fullName(p), async () => {
      const created = await sdk.ok(sdk.create_user({ ...p, is_disabled: false, locale: 'fr' }))
      assert.equal(typeof created.id, 'string')
      assert.equal(created.first_name, p.first_name)
      assert.equal(created.last_name, p.last_name)
      assert.equal(created.is_disabled, false)
      assert.equal(created.locale, 'fr')
      assert.equal(created.credentials_email, null, 'a new user has credentials_email null, not {}')

      const read = await sdk.ok(sdk.user(created.id))
      assert.deepEqual(
        [read.first_name, read.last_name, read.is_disabled, read.locale],
        [p.first_name, p.last_name, false, 'fr'])

      let upd = await sdk.ok(sdk.update_user(created.id, { is_disabled: true, locale: 'en' }))
      assert.deepEqual(
        [upd.first_name, upd.last_name, upd.is_disabled, upd.locale],
        [p.first_name, p.last_name, true, 'en'], 'update changes only the keys sent')
      upd = await sdk.ok(sdk.update_user(created.id, { is_disabled: false, locale: 'en' }))
      assert.equal(upd.is_disabled, false)

      const creds = await sdk.ok(sdk.create_user_credentials_email(created.id, { email: emailOf(p) }))
      assert.equal(creds.email, emailOf(p))
      assert.equal(creds.user_id, created.id)
      assert.equal((await sdk.ok(sdk.user(created.id))).email, emailOf(p))

      assert.equal(await sdk.ok(sdk.delete_user(created.id)), '')
      const gone = await expectError(sdk, sdk.user(created.id))
      assert.match(gone.message, /not found/i)
    })
  }

  test('a JSON null clears a name to ""', async () => {
    const u = await sdk.ok(sdk.create_user({ first_name: 'Nulla', last_name: 'Clearance', locale: 'en' }))
    try {
      const upd = await sdk.ok(sdk.update_user(u.id, { first_name: null }))
      assert.equal(upd.first_name, '')
      assert.equal(upd.last_name, 'Clearance')
      const both = await sdk.ok(sdk.update_user(u.id, { last_name: null }))
      assert.equal(both.first_name, '')
      assert.equal(both.last_name, '')
      const read = await sdk.ok(sdk.user(u.id))
      assert.equal(read.first_name, '')
      assert.equal(read.last_name, '')
      assert.equal(read.locale, 'en')
    } finally {
      await sdk.ok(sdk.delete_user(u.id))
    }
  })
})

describe('user searches and paging', () => {
  const sdk = envSdk()
  const created = []

  before(async () => {
    await deleteUsers(sdk, '%@foo.com')
    for (const p of people) await deleteUsersNamed(sdk, p.first_name, p.last_name)
    for (const p of people) {
      let u = await sdk.ok(sdk.create_user({ ...p, locale: 'en' }))
      if (!u.credentials_email) {
        await sdk.ok(sdk.create_user_credentials_email(u.id, { email: emailOf(p) }))
        u = await sdk.ok(sdk.user(u.id))
      }
      created.push(u)
    }
  })
  after(async () => {
    for (const u of created) await sdk.ok(sdk.delete_user(u.id))
    await sdk.authSession.logout()
  })

  test('bad search returns no results', async () => {
    assert.deepEqual(await sdk.ok(sdk.search_users({ first_name: 'Bad', last_name: 'News' })), [])
  })

  test('search_users_names matches the email domain', async () => {
    const found = await sdk.ok(sdk.search_users_names({ pattern: '%@foo.com' }))
    assert.equal(found.length, people.length)
    assert.deepEqual(found.map((u) => u.email).sort(), people.map(emailOf).sort())
  })

  for (const sorts of ['last_name,first_name', 'first_name,last_name', 'last_name, first_name']) {
    test(`search_users_names sorted by ${sorts}`, async () => {
      const found = await sdk.ok(sdk.search_users_names({ pattern: '%@foo.com', sorts }))
      assert.deepEqual(found.map(fullName), byName)
    })
  }

  test('all_users with a csv id list', async () => {
    const ids = new DelimArray(created.map((u) => u.id))
    const found = await sdk.ok(sdk.all_users({ ids }))
    assert.equal(found.length, people.length)
    assert.deepEqual(found.map((u) => u.id).sort(), created.map((u) => u.id).sort())
  })

  test('all_users pageAll with limit 2 equals the unpaged list', async () => {
    const all = await sdk.ok(sdk.all_users({}))
    assert.ok(all.length > 4, 'at least three pages')
    const pages = []
    const paged = await pageAll(sdk, () => sdk.all_users({ limit: 2 }), (page) => {
      pages.push(page)
      return page
    })
    assert.equal(paged.limit, 2)
    assert.equal(paged.total, all.length, 'X-Total-Count')
    assert.equal(paged.more(), false, 'no next link on the last page')
    assert.equal(pages.length, Math.ceil(all.length / 2))
    assert.deepEqual(pages.flat(), all)
  })

  test('pager getRel("first", n) keeps fields and fetches all', async () => {
    const all = await sdk.ok(sdk.all_users({ fields: 'id,first_name' }))
    const p = await pager(sdk, () => sdk.all_users({ fields: 'id,first_name', limit: 2 }))
    assert.equal(p.total, all.length)
    assert.equal(p.page, 1)
    assert.equal(p.pages, Math.ceil(all.length / 2))
    for (const rel of ['first', 'next', 'last']) assert.ok(p.hasRel(rel), rel)
    assert.equal(p.hasRel('prev'), false)
    assert.deepEqual(await sdk.ok(p.getRel('first', all.length)), all)
  })

  test('paging headers on the wire', async () => {
    const bearer = await token(sdk)
    const total = (await sdk.ok(sdk.all_users({ fields: 'id' }))).length
    const res = await raw('GET', '/users?limit=2&offset=2&fields=id,first_name', { bearer })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.headers.get('x-total-count'), String(total))
    const links = parseLinks(res.headers.get('link'))
    for (const rel of ['first', 'prev', 'next', 'last']) {
      assert.ok(links[rel], `rel=${rel} in ${res.headers.get('link')}`)
      const url = new URL(links[rel]) // throws on a relative link
      assert.equal(url.searchParams.get('fields'), 'id,first_name', 'fields kept, commas encoded')
    }
    assert.equal(new URL(links.next).searchParams.get('offset'), '4')
    assert.equal(new URL(links.prev).searchParams.get('offset'), '0')
  })

  test('fields with spaces: only the asked keys, same values', async () => {
    const all = await sdk.ok(sdk.all_users({}))
    const slim = await sdk.ok(sdk.all_users({ fields: 'id, first_name' }))
    const tight = await sdk.ok(sdk.all_users({ fields: 'id,first_name' }))
    assert.deepEqual(slim, tight)
    assert.equal(slim.length, all.length)
    slim.forEach((u, i) => {
      assert.deepEqual(sortedKeys(u), ['first_name', 'id'])
      assert.equal(u.id, all[i].id)
      assert.equal(u.first_name, all[i].first_name)
      assert.equal(u.email, undefined)
    })
  })
})

// parseLinks reads a Link header the way the TS pager does (split on ",").
function parseLinks (header) {
  const out = {}
  for (const part of (header || '').split(',')) {
    const m = part.match(/<([^>]+)>;\s*rel="(\w+)"/)
    if (m) out[m[2]] = m[1]
  }
  return out
}
