// Draws the tiles of the page data (a <script type="application/json">
// element) at the places the server computed, then marks <body> ready so
// the renderer knows it may take the picture.
import {
  Chart, BarController, LineController, PieController, DoughnutController, ScatterController,
  BarElement, LineElement, PointElement, ArcElement, CategoryScale, LinearScale, Legend, Filler
} from 'chart.js'

Chart.register(BarController, LineController, PieController, DoughnutController, ScatterController,
  BarElement, LineElement, PointElement, ArcElement, CategoryScale, LinearScale, Legend, Filler)

const palette = ['#1a73e8', '#12b5cb', '#e52592', '#e8710a', '#f9ab00', '#7cb342', '#9334e6', '#5f6368']

// chartKinds maps Looker vis types to a chart.js type and its options.
const chartKinds = {
  looker_column: { type: 'bar' },
  looker_bar: { type: 'bar', horizontal: true },
  looker_line: { type: 'line' },
  looker_area: { type: 'line', fill: true },
  looker_scatter: { type: 'scatter' },
  looker_pie: { type: 'pie' },
  looker_donut_multiples: { type: 'doughnut' }
}

function el (tag, cls, text) {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  if (text !== undefined) e.textContent = text
  return e
}

function place (node, rect) {
  node.style.left = rect.x + 'px'
  node.style.top = rect.y + 'px'
  node.style.width = rect.w + 'px'
  node.style.height = rect.h + 'px'
}

function label (v) {
  return v === null || v === undefined ? '∅' : String(v)
}

function number (v) {
  const n = typeof v === 'number' ? v : parseFloat(v)
  return Number.isFinite(n) ? n : 0
}

function formatNumber (v) {
  const n = number(v)
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 100 ? 2 : 0 })
}

// visOf picks how to draw a tile: its own vis type when known, a column
// chart when it has a dimension and a measure, a single value for one
// measure alone, a table otherwise.
function visOf (tile) {
  const dims = tile.fields.filter((f) => !f.measure)
  const measures = tile.fields.filter((f) => f.measure)
  const v = tile.vis || ''
  if (v === 'single_value' || v === 'looker_single_record') return 'single_value'
  if (v === 'table' || v === 'looker_grid') return 'table'
  if (chartKinds[v] && measures.length > 0) return v
  if (dims.length > 0 && measures.length > 0) return 'looker_column'
  if (dims.length === 0 && measures.length > 0) return 'single_value'
  return 'table'
}

function drawChart (body, tile, vis, size) {
  const kind = chartKinds[vis]
  const dimIndex = tile.fields.findIndex((f) => !f.measure)
  const rows = tile.rows || []
  const labels = rows.map((r) => (dimIndex >= 0 ? label(r[dimIndex]) : ''))
  const round = kind.type === 'pie' || kind.type === 'doughnut'
  const datasets = []
  tile.fields.forEach((f, i) => {
    if (!f.measure || (round && datasets.length > 0)) return
    const color = palette[datasets.length % palette.length]
    datasets.push({
      label: f.label,
      data: rows.map((r) => number(r[i])),
      backgroundColor: round ? rows.map((_, j) => palette[j % palette.length]) : color,
      borderColor: color,
      borderWidth: kind.type === 'line' ? 2 : 0,
      pointRadius: kind.type === 'line' ? 0 : 3,
      fill: !!kind.fill
    })
  })
  const canvas = el('canvas')
  canvas.width = size.w
  canvas.height = size.h
  body.appendChild(canvas)
  const chart = new Chart(canvas, {
    type: kind.type,
    data: { labels, datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      indexAxis: kind.horizontal ? 'y' : 'x',
      plugins: { legend: { display: datasets.length > 1 || round, position: 'bottom' } },
      scales: round ? {} : { x: { ticks: { autoSkip: true, maxRotation: 0 } } }
    }
  })
  chart.draw()
}

function drawSingleValue (body, tile) {
  const i = Math.max(tile.fields.findIndex((f) => f.measure), 0)
  const row = (tile.rows || [])[0] || []
  body.appendChild(el('div', 'single-value', row.length ? formatNumber(row[i]) : '∅'))
  if (tile.fields[i]) body.appendChild(el('div', 'single-label', tile.fields[i].label))
}

function drawTable (body, tile) {
  const table = el('table')
  const head = el('tr')
  tile.fields.forEach((f) => head.appendChild(el('th', f.measure ? 'num' : '', f.label)))
  table.appendChild(head)
  for (const r of tile.rows || []) {
    const tr = el('tr')
    r.forEach((v, i) => tr.appendChild(el('td', tile.fields[i].measure ? 'num' : '',
      tile.fields[i].measure ? formatNumber(v) : label(v))))
    table.appendChild(tr)
  }
  body.appendChild(table)
}

function drawTile (root, tile) {
  const card = el('section', 'tile tile-' + tile.kind)
  card.dataset.tileId = tile.id
  place(card, tile.rect)
  root.appendChild(card)
  if (tile.title) card.appendChild(el('h2', 'tile-title', tile.title))
  const body = el('div', 'tile-body')
  card.appendChild(body)
  if (tile.kind === 'text') {
    body.appendChild(el('div', 'text', tile.body || ''))
    return
  }
  if (tile.error) {
    body.appendChild(el('div', 'tile-error', tile.error))
    return
  }
  const vis = visOf(tile)
  if (vis === 'single_value') return drawSingleValue(body, tile)
  if (vis === 'table') return drawTable(body, tile)
  drawChart(body, tile, vis, { w: Math.max(body.clientWidth, 1), h: Math.max(body.clientHeight, 1) })
}

function main () {
  const page = JSON.parse(document.getElementById('page-data').textContent)
  document.body.style.width = page.width + 'px'
  document.body.style.height = page.height + 'px'
  const root = document.getElementById('tiles')
  for (const tile of page.tiles) drawTile(root, tile)
}

try {
  main()
  document.body.setAttribute('data-ready', 'ok')
} catch (err) {
  console.error(err)
  document.body.setAttribute('data-ready', 'error')
}
