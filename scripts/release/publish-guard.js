#!/usr/bin/env node
// prepublishOnly (and the publish workflow's first step): a release is published only by
// .github/workflows/publish.yml, on a tag v<version>, with an npm provenance statement, which n8n
// requires of every community node since May 1st 2026. A plain `npm publish` from a laptop stops
// here when scripts run; with this repository's ignore-scripts=true npm itself stops it, since
// package.json's publishConfig asks for provenance and npm makes one only inside a supported CI.
const fs = require('node:fs');
const path = require('node:path');

const HOW = 'To release, push a tag instead: npm version <x.y.z> (commits and tags v<x.y.z>), then git push origin main v<x.y.z>; GitHub Actions publishes it with provenance (docs/releasing.md).';

/** What stands against publishing from this environment, one sentence a reason. */
function refusals(env, pkg) {
	const reasons = [];
	if (env.GITHUB_ACTIONS !== 'true') {
		reasons.push('Not running in GitHub Actions: n8n accepts only packages published by a GitHub Action with npm provenance.');
		return reasons;
	}
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
		reasons.push('This job cannot mint an OIDC token: the publish job needs `permissions: id-token: write`.');
	}
	const provenance = env.npm_config_provenance === 'true' || pkg.publishConfig?.provenance === true;
	if (!provenance) reasons.push('Provenance is off: publish with `npm publish --provenance` (package.json publishConfig.provenance).');
	const tag = `v${pkg.version}`;
	if (env.GITHUB_REF_TYPE !== 'tag' || env.GITHUB_REF_NAME !== tag) {
		reasons.push(`The workflow runs for ${env.GITHUB_REF_TYPE || 'a ref'} "${env.GITHUB_REF_NAME || ''}", not for the tag ${tag} that package.json's version ${pkg.version} asks for.`);
	}
	return reasons;
}

module.exports = { refusals };

if (require.main === module) {
	const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
	const reasons = refusals(process.env, pkg);
	if (reasons.length) {
		console.error(`Refusing to publish ${pkg.name}@${pkg.version}:\n${reasons.map((r) => `  - ${r}`).join('\n')}\n${HOW}`);
		process.exit(1);
	}
	console.log(`publish guard: ${pkg.name}@${pkg.version} from tag v${pkg.version} in GitHub Actions with OIDC and provenance`);
}
