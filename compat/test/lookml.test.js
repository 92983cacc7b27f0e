'use strict'
// LookML model metadata through the official SDK: the thelook users explore
// lists its fields with the keys clients read, and the whole answer fits
// Looker's LookmlModelExplore schema.

const fs = require('node:fs')
const path = require('node:path')
const { test, after } = require('node:test')
const assert = require('node:assert/strict')
const { envSdk } = require('../lib/sdk')

const sdk = envSdk()
after(async () => { await sdk.authSession.logout() })

const specPath = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'looker-4.0.oas.json')

// check validates v against an OpenAPI 3.0 schema, returning the problems.
function check (v, schema, spec, where, problems) {
  if (schema.$ref) {
    schema = spec.components.schemas[schema.$ref.split('/').pop()]
  }
  if (v === null || v === undefined) {
    return problems
  }
  const type = schema.type || (schema.properties ? 'object' : undefined)
  const want = {
    string: () => typeof v === 'string',
    boolean: () => typeof v === 'boolean',
    integer: () => Number.isInteger(v),
    number: () => typeof v === 'number',
    array: () => Array.isArray(v),
    object: () => typeof v === 'object' && !Array.isArray(v)
  }[type]
  if (want && !want()) {
    problems.push(`${where}: ${JSON.stringify(v).slice(0, 60)} is not ${type}`)
    return problems
  }
  if (type === 'array' && schema.items) {
    v.forEach((item, i) => check(item, schema.items, spec, `${where}[${i}]`, problems))
  }
  if (type === 'object' && schema.properties) {
    for (const [k, val] of Object.entries(v)) {
      const prop = schema.properties[k]
      if (!prop) {
        problems.push(`${where}.${k} is not a property of the schema`)
        continue
      }
      check(val, prop, spec, `${where}.${k}`, problems)
    }
  }
  return problems
}

test('lookml_model_explore(thelook, users) lists the users fields', async () => {
  const explore = await sdk.ok(sdk.lookml_model_explore({ lookml_model_name: 'thelook', explore_name: 'users' }))
  assert.equal(explore.name, 'users')
  assert.equal(explore.model_name, 'thelook')
  assert.equal(explore.connection_name, 'thelook')
  assert.ok(explore.sql_table_name, 'sql_table_name is set')
  const dims = new Map(explore.fields.dimensions.map(f => [f.name, f]))
  for (const name of ['users.id', 'users.age', 'users.city', 'users.email', 'users.first_name',
    'users.last_name', 'users.zip', 'users.state', 'users.country']) {
    const f = dims.get(name)
    assert.ok(f, `${name} is listed`)
    for (const key of ['name', 'type', 'sql', 'label', 'view', 'category', 'primary_key']) {
      assert.ok(key in f, `${name} has ${key}`)
    }
    assert.equal(f.view, 'users')
    assert.equal(f.category, 'dimension')
  }
  assert.equal(dims.get('users.id').primary_key, true)
  if (!fs.existsSync(specPath)) {
    return // the Looker reference is not beside the checkout
  }
  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'))
  const problems = check(explore, { $ref: '#/components/schemas/LookmlModelExplore' }, spec, 'explore', [])
  assert.deepEqual(problems, [])
})

test('all_lookml_models lists thelook', async () => {
  const models = await sdk.ok(sdk.all_lookml_models({}))
  assert.ok(models.some(m => m.name === 'thelook'))
})
