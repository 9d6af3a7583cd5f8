#!/usr/bin/env node
// `n8n-node cloud-support` prints whether n8n calls the package eligible for n8n Cloud (package.json
// n8n.strict true and eslint.config.mjs exactly n8n's default) but exits 0 either way: this fails
// unless it printed "eligible".
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const run = spawnSync(path.join(root, 'node_modules', '.bin', 'n8n-node'), ['cloud-support'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const text = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
process.stdout.write(text);
const eligible = /Status: eligible for n8n Cloud verification/.test(text);
console.log(eligible ? 'cloud-support: eligible' : 'cloud-support: NOT eligible (see above)');
process.exit(run.status === 0 && eligible ? 0 : 1);
