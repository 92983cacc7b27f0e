// barChart draws a horizontal bar chart as SVG: one row per item, the
// label on the left, the bar scaled to the largest value, the value after.
const NS = 'http://www.w3.org/2000/svg'

function svg (tag, attrs, text) {
  const node = document.createElementNS(NS, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  if (text !== undefined) node.textContent = text
  return node
}

export function barChart (items, format) {
  const row = 30
  const labelWidth = 170
  const barWidth = 380
  const width = labelWidth + barWidth + 110
  const max = Math.max(...items.map((i) => i.value), 1)
  const chart = svg('svg', { viewBox: `0 0 ${width} ${items.length * row + 10}`, role: 'img', 'aria-label': 'Revenue by category' })
  items.forEach((item, n) => {
    const y = n * row + 5
    const w = Math.max(2, Math.round((item.value / max) * barWidth))
    const g = svg('g', { class: 'bar', 'data-label': item.label, 'data-value': String(item.value) })
    g.append(
      svg('text', { x: labelWidth - 8, y: y + 19, 'text-anchor': 'end' }, item.label),
      svg('rect', { x: labelWidth, y: y + 4, width: w, height: row - 10, rx: 3 }),
      svg('text', { x: labelWidth + w + 6, y: y + 19, class: 'amount' }, format.format(item.value))
    )
    chart.append(g)
  })
  return chart
}
