'use strict'
// The API Explorer: reads the server's OpenAPI document, lists operations by
// tag, shows parameters and schemas, and runs requests with the token the
// page got through OAuth (authorization code + PKCE) or that the user pasted.

const state = {
  config: null, // config.json: client_id, redirect_uri, auth_url, token_url, api_base, spec_url
  spec: null,
  ops: [], // { id, method, path, tag, summary, op }
  token: sessionStorage.getItem('overlook-explorer-token') || ''
}

const $ = (sel) => document.querySelector(sel)

// el builds an element: el('p', { class: 'x' }, 'text', child…).
function el (tag, attrs, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v)
    else node.setAttribute(k, v === true ? '' : v)
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue
    node.append(c instanceof Node ? c : String(c))
  }
  return node
}

function setStatus (text) { $('#status') && ($('#status').textContent = text) }

// ---- OAuth with PKCE ----------------------------------------------------

function base64url (bytes) {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

async function sha256 (text) {
  const bytes = new TextEncoder().encode(text)
  if (window.crypto && crypto.subtle) return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return window.overlookSha256(bytes)
}

async function signIn () {
  // The code comes back to the registered redirect URI; the verifier must
  // be in that origin's sessionStorage, so sign in from there.
  const home = new URL(state.config.redirect_uri, location.href).origin
  if (home !== location.origin) {
    location.assign(home + location.pathname + location.hash)
    return
  }
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)))
  const challenge = base64url(await sha256(verifier))
  sessionStorage.setItem('overlook-explorer-verifier', verifier)
  sessionStorage.setItem('overlook-explorer-return', location.hash)
  const q = new URLSearchParams({
    client_id: state.config.client_id,
    redirect_uri: state.config.redirect_uri,
    response_type: 'code',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'cors_api',
    state: base64url(crypto.getRandomValues(new Uint8Array(16)))
  })
  sessionStorage.setItem('overlook-explorer-state', q.get('state'))
  location.assign(state.config.auth_url + '?' + q.toString())
}

// finishSignIn exchanges the code the server sent back for a token.
async function finishSignIn () {
  const params = new URLSearchParams(location.search)
  const code = params.get('code')
  const back = sessionStorage.getItem('overlook-explorer-return') || ''
  history.replaceState(null, '', location.pathname.replace(/\/oauth$/, '/') + back)
  if (params.get('error')) throw new Error('sign-in refused: ' + params.get('error'))
  if (!code) return
  if (params.get('state') !== sessionStorage.getItem('overlook-explorer-state')) {
    throw new Error('sign-in answer does not match the request (state)')
  }
  const res = await fetch(state.config.token_url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      client_id: state.config.client_id,
      redirect_uri: state.config.redirect_uri,
      code,
      code_verifier: sessionStorage.getItem('overlook-explorer-verifier') || ''
    })
  })
  sessionStorage.removeItem('overlook-explorer-verifier')
  sessionStorage.removeItem('overlook-explorer-state')
  const body = await res.json().catch(() => ({}))
  if (!res.ok || !body.access_token) throw new Error('token exchange failed: ' + (body.message || res.status))
  useToken(body.access_token, body.refresh_token)
}

// refresh trades the refresh token for a new access token (the server
// rotates the refresh token too). It returns false when there is none or
// the server refuses it.
async function refresh () {
  const refreshToken = sessionStorage.getItem('overlook-explorer-refresh')
  if (!refreshToken) return false
  const res = await fetch(state.config.token_url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'refresh_token',
      client_id: state.config.client_id,
      redirect_uri: state.config.redirect_uri,
      refresh_token: refreshToken
    })
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok || !body.access_token) {
    sessionStorage.removeItem('overlook-explorer-refresh')
    return false
  }
  state.token = body.access_token
  sessionStorage.setItem('overlook-explorer-token', body.access_token)
  if (body.refresh_token) sessionStorage.setItem('overlook-explorer-refresh', body.refresh_token)
  return true
}

function useToken (token, refreshToken) {
  state.token = token
  if (token) sessionStorage.setItem('overlook-explorer-token', token)
  else sessionStorage.removeItem('overlook-explorer-token')
  if (refreshToken) sessionStorage.setItem('overlook-explorer-refresh', refreshToken)
  else sessionStorage.removeItem('overlook-explorer-refresh')
  showAccount()
}

async function showAccount () {
  $('#sign-in').hidden = !!state.token
  $('#sign-out').hidden = !state.token
  if (!state.token) { $('#who').textContent = 'Not signed in'; return }
  const res = await api('GET', '/user?fields=id,display_name,email')
  if (res.status === 200 && res.json) {
    $('#who').textContent = `${res.json.display_name || ''} <${res.json.email || 'id ' + res.json.id}>`
  } else {
    $('#who').textContent = 'Token refused (' + res.status + ')'
  }
}

async function signOut () {
  if (state.token) await api('DELETE', '/logout')
  useToken('')
}

// ---- Requests -----------------------------------------------------------

// api sends one request as the signed-in user; an expired token is
// refreshed once.
async function api (method, pathAndQuery, body) {
  const res = await send(method, pathAndQuery, body)
  if (res.status === 401 && state.token && await refresh()) return send(method, pathAndQuery, body)
  return res
}

async function send (method, pathAndQuery, body) {
  const headers = { 'x-looker-appid': 'Overlook API Explorer' }
  if (state.token) headers.Authorization = 'Bearer ' + state.token
  const init = { method, headers }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = body
  }
  const started = performance.now()
  const res = await fetch(state.config.api_base + pathAndQuery, init)
  const text = await res.text()
  const ms = Math.round(performance.now() - started)
  let json
  if ((res.headers.get('content-type') || '').includes('json') && text) {
    try { json = JSON.parse(text) } catch (_) { /* shown as text */ }
  }
  return { status: res.status, statusText: res.statusText, headers: res.headers, text, json, ms }
}

// ---- The document -------------------------------------------------------

const methods = ['get', 'post', 'put', 'patch', 'delete']

function indexOperations (spec) {
  const ops = []
  for (const [path, item] of Object.entries(spec.paths || {})) {
    for (const method of methods) {
      const op = item[method]
      if (!op) continue
      const params = [...(item.parameters || []), ...(op.parameters || [])]
      ops.push({
        id: op.operationId || method + ' ' + path,
        method: method.toUpperCase(),
        path,
        tag: (op.tags && op.tags[0]) || 'Other',
        summary: op.summary || '',
        op: { ...op, parameters: params }
      })
    }
  }
  return ops.sort((a, b) => a.tag.localeCompare(b.tag) || a.id.localeCompare(b.id))
}

function resolve (schema) {
  let s = schema
  for (let i = 0; s && s.$ref && i < 20; i++) {
    const name = s.$ref.split('/').pop()
    s = (state.spec.components && state.spec.components.schemas && state.spec.components.schemas[name]) || {}
  }
  return s || {}
}

function refName (schema) { return schema && schema.$ref ? schema.$ref.split('/').pop() : '' }

function typeLabel (schema) {
  if (!schema) return ''
  if (schema.$ref) return refName(schema)
  if (schema.type === 'array') return typeLabel(schema.items) + '[]'
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
    return 'map<string, ' + typeLabel(schema.additionalProperties) + '>'
  }
  return (schema.type || 'any') + (schema.format ? ' (' + schema.format + ')' : '')
}

// schemaTree renders a schema as nested lists, expanding references up to
// a few levels (and never one already open above, so cycles end).
function schemaTree (schema, depth = 0, seen = new Set()) {
  const name = refName(schema)
  const s = resolve(schema)
  const target = s.type === 'array' ? resolve(s.items) : s
  const props = target.properties
  if (!props || depth > 3 || (name && seen.has(name))) return null
  const inner = new Set(seen)
  if (name) inner.add(name)
  const list = el('ul', { class: 'schema' })
  for (const [prop, ps] of Object.entries(props)) {
    const flags = [ps.readOnly ? 'read-only' : '', ps.nullable ? 'nullable' : ''].filter(Boolean).join(', ')
    const child = ps.$ref || ps.type === 'array' || ps.type === 'object' ? schemaTree(ps, depth + 1, inner) : null
    list.append(el('li', {},
      el('code', {}, prop), ' ', el('span', { class: 'type' }, typeLabel(ps)),
      flags ? el('span', { class: 'muted' }, ' ' + flags) : null,
      ps.description ? el('div', { class: 'desc' }, ps.description) : null,
      child ? el('details', {}, el('summary', {}, 'fields'), child) : null))
  }
  return list
}

// ---- Rendering ----------------------------------------------------------

function renderNav () {
  const query = $('#search').value.trim().toLowerCase()
  const nav = $('#operations')
  nav.replaceChildren()
  let shown = 0
  let currentTag = null
  let list
  const exact = query && state.ops.find((o) => o.id.toLowerCase() === query)
  if (exact) {
    nav.append(el('h3', {}, 'Exact match'), el('ul', {}, navItem(exact)))
  }
  for (const o of state.ops) {
    const hay = (o.id + ' ' + o.path + ' ' + o.summary + ' ' + o.tag).toLowerCase()
    if (query && !hay.includes(query)) continue
    if (o.tag !== currentTag) {
      currentTag = o.tag
      list = el('ul', {})
      nav.append(el('h3', {}, o.tag), list)
    }
    list.append(navItem(o))
    shown++
  }
  if (!shown) nav.append(el('p', { class: 'muted' }, 'No operation matches.'))
}

function navItem (o) {
  return el('li', {}, el('a', { href: '#/op/' + encodeURIComponent(o.id), 'data-op': o.id },
    el('span', { class: 'method m-' + o.method.toLowerCase() }, o.method), ' ', o.id))
}

function renderOperation (o) {
  const op = o.op
  const main = $('#detail')
  const params = op.parameters || []
  const inputs = params.map((p) => {
    const s = resolve(p.schema)
    const input = s.type === 'boolean'
      ? el('select', { name: p.name, 'data-in': p.in }, el('option', { value: '' }, ''), el('option', {}, 'true'), el('option', {}, 'false'))
      : el('input', { name: p.name, 'data-in': p.in, required: !!p.required, placeholder: typeLabel(p.schema) })
    return el('tr', {},
      el('td', {}, el('code', {}, p.name), p.required ? el('span', { class: 'req' }, ' *') : null),
      el('td', {}, p.in), el('td', {}, typeLabel(p.schema)),
      el('td', {}, input, p.description ? el('div', { class: 'desc' }, p.description) : null))
  })
  const bodySchema = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'] &&
    op.requestBody.content['application/json'].schema
  const responses = Object.entries(op.responses || {}).map(([code, r]) => {
    const schema = r.content && r.content['application/json'] && r.content['application/json'].schema
    return el('li', {}, el('strong', {}, code), ' ', r.description || '',
      schema ? el('span', { class: 'type' }, ' ' + typeLabel(schema)) : null,
      schema && code.startsWith('2') ? schemaTree(schema) : null)
  })
  const form = el('form', { id: 'run-form', onsubmit: (e) => { e.preventDefault(); run(o, e.target) } },
    params.length ? el('table', { class: 'params' },
      el('thead', {}, el('tr', {}, el('th', {}, 'name'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'value'))),
      el('tbody', {}, inputs)) : el('p', { class: 'muted' }, 'No parameters.'),
    bodySchema ? el('div', {},
      el('h4', {}, 'Request body ', el('span', { class: 'type' }, typeLabel(bodySchema))),
      el('textarea', { name: '__body', rows: 8, spellcheck: 'false' }, '{\n}'),
      el('details', {}, el('summary', {}, 'body schema'), schemaTree(bodySchema))) : null,
    el('button', { type: 'submit', id: 'run' }, 'Run it'))
  main.replaceChildren(...[
    el('h2', {}, el('span', { class: 'method m-' + o.method.toLowerCase() }, o.method), ' ', el('code', {}, o.path)),
    el('p', {}, el('strong', {}, o.id), ' — ', o.summary),
    op.description && op.description !== o.summary ? el('p', { class: 'desc' }, op.description) : null,
    op['x-overlook-permission'] ? el('p', { class: 'muted' }, 'Permission: ', el('code', {}, op['x-overlook-permission'])) : null,
    el('h3', {}, 'Parameters'), form,
    el('section', { id: 'response' }),
    el('h3', {}, 'Responses'), el('ul', { class: 'responses' }, responses)
  ].filter(Boolean))
  for (const a of document.querySelectorAll('#operations a')) a.classList.toggle('active', a.dataset.op === o.id)
}

async function run (o, form) {
  const out = $('#response')
  let path = o.path
  const query = new URLSearchParams()
  for (const input of form.querySelectorAll('[data-in]')) {
    const v = input.value.trim()
    if (v === '') continue
    if (input.dataset.in === 'path') path = path.replace('{' + input.name + '}', encodeURIComponent(v))
    else if (input.dataset.in === 'query') query.append(input.name, v)
  }
  if (/\{[^}]+\}/.test(path)) {
    out.replaceChildren(el('p', { class: 'error' }, 'Fill in the path parameters first.'))
    return
  }
  const qs = query.toString()
  const bodyField = form.querySelector('[name="__body"]')
  out.replaceChildren(el('p', { class: 'muted' }, 'Running…'))
  let res
  try {
    res = await api(o.method, path + (qs ? '?' + qs : ''), bodyField ? bodyField.value : undefined)
  } catch (err) {
    out.replaceChildren(el('p', { class: 'error' }, 'Request failed: ' + err.message))
    return
  }
  const headers = []
  res.headers.forEach((v, k) => headers.push(k + ': ' + v))
  out.replaceChildren(
    el('h3', {}, 'Response'),
    el('p', { id: 'response-status', class: res.status < 400 ? 'ok' : 'error' },
      `${res.status} ${res.statusText}`, el('span', { class: 'muted' }, ` · ${res.ms} ms · ${o.method} ${state.config.api_base}${path}${qs ? '?' + qs : ''}`)),
    el('details', {}, el('summary', {}, 'headers'), el('pre', { id: 'response-headers' }, headers.join('\n'))),
    el('pre', { id: 'response-body' }, res.json !== undefined ? JSON.stringify(res.json, null, 2) : res.text))
}

function route () {
  const m = location.hash.match(/^#\/op\/(.+)$/)
  if (!m) return
  const id = decodeURIComponent(m[1])
  const o = state.ops.find((x) => x.id === id)
  if (o) renderOperation(o)
}

// ---- Start --------------------------------------------------------------

async function start () {
  state.config = await (await fetch('/api-explorer/config.json')).json()
  $('#sign-in').addEventListener('click', () => signIn().catch((e) => setStatus(e.message)))
  $('#sign-out').addEventListener('click', () => signOut())
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault()
    useToken($('#token-input').value.trim())
    $('#token-input').value = ''
  })
  $('#search').addEventListener('input', renderNav)
  window.addEventListener('hashchange', route)
  if (location.pathname.endsWith('/oauth')) {
    await finishSignIn().catch((e) => setStatus(e.message))
  }
  showAccount()
  const res = await fetch(state.config.spec_url)
  state.spec = await res.json()
  state.ops = indexOperations(state.spec)
  renderNav()
  document.body.dataset.ready = 'true'
  route()
}

start().catch((e) => setStatus('The explorer could not start: ' + e.message))
