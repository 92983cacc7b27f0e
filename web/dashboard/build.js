'use strict'
// Bundles src/dashboard.js (with chart.js) into static/dashboard.js, minifies
// the style sheet, and writes static/LICENSES.txt with the licence of every
// npm package in the bundle. The output is committed: a Go build needs no
// npm step.
//   npm ci && npm run build
const fs = require('node:fs')
const path = require('node:path')
const esbuild = require('esbuild')

async function main () {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'src/dashboard.js')],
    outfile: path.join(__dirname, 'static/dashboard.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'info'
  })
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'src/dashboard.css')],
    outfile: path.join(__dirname, 'static/dashboard.css'),
    bundle: true,
    minify: true,
    logLevel: 'info'
  })
  fs.writeFileSync(path.join(__dirname, 'static/LICENSES.txt'), licences(result.metafile))
}

// licences lists each npm package whose files went into the bundle, with
// its version and licence text.
function licences (metafile) {
  const dirs = new Set()
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//)
    if (m) dirs.add(m[1])
  }
  const parts = ['Third-party packages bundled in static/dashboard.js', '']
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, dir, 'package.json'), 'utf8'))
    const file = fs.readdirSync(path.join(__dirname, dir)).find((f) => /^licen[cs]e/i.test(f))
    parts.push('='.repeat(72), `${pkg.name} ${pkg.version} (${pkg.license})`, '='.repeat(72))
    parts.push(file ? fs.readFileSync(path.join(__dirname, dir, file), 'utf8').trim() : '(no licence file in the package)', '')
  }
  return parts.join('\n')
}

main().catch((err) => { console.error(err); process.exit(1) })
