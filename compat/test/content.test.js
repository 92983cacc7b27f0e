'use strict'
// Content through the official SDK: the dashboard of the SDK tests' data
// file (filters, text and query tiles) read back equal; a look created,
// run and deleted; and system__activity's dashboard explore over the seed.

const fs = require('node:fs')
const path = require('node:path')
const { test, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk } = require('../lib/sdk')

const sdk = envSdk()
after(async () => { await sdk.authSession.logout() })

const dataFile = path.join(__dirname, '../../../shared/reference/sdk-test-data.json')
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'))

const activityQuery = () => {
  const q = { ...data.queries_system_activity[0] }
  delete q.id
  return q
}

test('system__activity: ten dashboards in json, eleven lines of csv with labels', async () => {
  const query = await sdk.ok(sdk.create_query(activityQuery()))
  const json = await sdk.ok(sdk.run_query({ query_id: query.id, result_format: 'json' }))
  const rows = typeof json === 'string' ? JSON.parse(json) : json
  assert.equal(rows.length, 10)
  for (const f of ['dashboard.id', 'dashboard.title', 'dashboard.count']) assert.ok(f in rows[0], f)
  const csv = await sdk.ok(sdk.run_query({ query_id: query.id, result_format: 'csv' }))
  assert.equal(csv.split('\n').length - 1, 11, csv)
  const header = csv.split('\n')[0]
  assert.match(header, /Dashboard ID/)
  assert.match(header, /Dashboard Count/)
})

// createQueries stores the data file's queries and maps their ids
// ("#brand_query") to the stored ones.
async function createQueries () {
  const ids = {}
  for (const q of data.queries) {
    const body = { ...q }
    delete body.id
    const created = await sdk.ok(sdk.create_query(body))
    ids[q.id] = created.id
  }
  return ids
}

// tileBody turns a tile of the data file into create_dashboard_element's
// body; its result_maker shorthand (filter name → field) becomes Looker's
// filterables with listen mappings.
function tileBody (tile, dashboardId, queryIds) {
  const body = { ...tile, dashboard_id: dashboardId }
  if (tile.query_id) body.query_id = queryIds[tile.query_id]
  if (tile.result_maker) {
    const listen = Object.entries(tile.result_maker.filterables.listen)
      .map(([name, field]) => ({ dashboard_filter_name: name, field }))
    body.result_maker = { filterables: [{ model: 'thelook', view: 'products', listen }] }
  }
  return body
}

test('the SDK test data dashboard reads back equal', async () => {
  const spec = data.dashboards[0]
  const me = await sdk.ok(sdk.me())
  for (const old of await sdk.ok(sdk.search_dashboards({ title: spec.title }))) {
    await sdk.ok(sdk.delete_dashboard(old.id))
  }
  const queryIds = await createQueries()
  const dashboard = await sdk.ok(sdk.create_dashboard({
    title: spec.title, background_color: spec.background_color, folder_id: me.home_folder_id
  }))
  assert.equal(dashboard.title, spec.title)
  assert.equal(dashboard.background_color, spec.background_color)
  for (const f of spec.filters) {
    const created = await sdk.ok(sdk.create_dashboard_filter({ ...f, dashboard_id: dashboard.id }))
    for (const [k, v] of Object.entries(f)) assert.deepEqual(created[k], v, k)
    assert.equal(created.required, false)
  }
  const tiles = []
  for (const tile of spec.tiles) {
    const created = await sdk.ok(sdk.create_dashboard_element({ body: tileBody(tile, dashboard.id, queryIds) }))
    assert.equal(created.dashboard_id, dashboard.id)
    tiles.push(created)
  }

  const back = await sdk.ok(sdk.dashboard(dashboard.id))
  assert.equal(back.title, spec.title)
  assert.equal(back.background_color, spec.background_color)
  assert.equal(back.dashboard_filters.length, spec.filters.length)
  for (const [k, v] of Object.entries(spec.filters[0])) assert.deepEqual(back.dashboard_filters[0][k], v, k)
  assert.equal(back.dashboard_elements.length, spec.tiles.length)
  spec.tiles.forEach((tile, i) => {
    const e = back.dashboard_elements[i]
    for (const k of ['type', 'title', 'title_text', 'subtitle_text', 'body_text']) assert.equal(e[k], tile[k], `${i}.${k}`)
    assert.equal(e.query_id, tile.query_id ? queryIds[tile.query_id] : null)
    assert.deepEqual(e, tiles[i])
  })
  const listen = back.dashboard_elements[1].result_maker.filterables[0].listen
  assert.deepEqual(listen, [{ dashboard_filter_name: 'Brand Match', field: 'products.brand' }])
  const layout = back.dashboard_layouts[0]
  assert.deepEqual(layout.dashboard_layout_components.map((c) => c.dashboard_element_id), tiles.map((t) => t.id))

  assert.equal((await sdk.ok(sdk.update_dashboard(dashboard.id, { deleted: true }))).deleted, true)
  assert.equal((await sdk.ok(sdk.update_dashboard(dashboard.id, { deleted: false }))).deleted, false)
  assert.equal(await sdk.ok(sdk.delete_dashboard(dashboard.id)), '')
  const gone = await sdk.dashboard(dashboard.id)
  assert.equal(gone.ok, false)
})

test('a look is created, run and deleted', async () => {
  const me = await sdk.ok(sdk.me())
  const query = await sdk.ok(sdk.create_query({ model: 'system__activity', view: 'dashboard',
    fields: ['dashboard.count', 'dashboard.id'], limit: '100' }))
  const look = await sdk.ok(sdk.create_look({
    title: 'An SDK Look', description: 'An SDK test look about system activity', deleted: false,
    is_run_on_load: true, public: true, query_id: query.id, folder_id: me.personal_folder_id
  }))
  assert.equal(look.title, 'An SDK Look')
  assert.equal(look.deleted, false)
  assert.equal(look.is_run_on_load, true)
  assert.equal(look.query_id, query.id)
  const found = await sdk.ok(sdk.search_looks({ title: 'An SDK Look', fields: 'id, title' }))
  assert.ok(found.some((l) => l.id === look.id))

  const csv = await sdk.ok(sdk.run_look({ look_id: look.id, result_format: 'csv' }))
  assert.match(csv, /Dashboard Count/)
  assert.match(csv, /Dashboard ID/)
  const json = await sdk.ok(sdk.run_look({ look_id: look.id, result_format: 'json' }))
  const text = typeof json === 'string' ? json : JSON.stringify(json)
  assert.match(text, /dashboard\.count/)

  const updated = await sdk.ok(sdk.update_look(look.id, { description: 'a new description' }))
  assert.equal(updated.title, look.title)
  assert.equal(updated.description, 'a new description')
  assert.equal(await sdk.ok(sdk.delete_look(look.id)), '')
  const gone = await sdk.look(look.id)
  assert.equal(gone.ok, false)
  assert.equal(gone.error.message, 'Not found')
})
