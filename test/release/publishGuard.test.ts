// The release guard (scripts/release/publish-guard.js): it lets `npm publish` through only in the
// publish workflow, and a plain local publish is refused with the way to release instead.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { refusals } from '../../scripts/release/publish-guard';

const root = path.join(__dirname, '..', '..');
const pkg = { version: '1.2.3', publishConfig: { provenance: true } };
const workflow = {
	GITHUB_ACTIONS: 'true',
	ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example.invalid/',
	ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
	GITHUB_REF_TYPE: 'tag',
	GITHUB_REF_NAME: 'v1.2.3',
};

/** The environment of a maintainer's shell: none of the workflow's variables. */
function localEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const name of [...Object.keys(workflow), 'CI']) delete env[name];
	return env;
}

describe('publish guard', () => {
	it('lets the publish workflow on tag v<version> with an OIDC token through', () => {
		expect(refusals(workflow, pkg)).toEqual([]);
	});

	it('refuses outside GitHub Actions', () => {
		expect(refusals({}, pkg)).toEqual([expect.stringContaining('Not running in GitHub Actions')]);
	});

	it('refuses a job without id-token: write', () => {
		const env = { ...workflow, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined };
		expect(refusals(env, pkg)).toEqual([expect.stringContaining('id-token: write')]);
	});

	it('refuses a tag that is not v + the version, and a branch', () => {
		expect(refusals({ ...workflow, GITHUB_REF_NAME: 'v1.2.4' }, pkg)).toEqual([expect.stringContaining('not for the tag v1.2.3')]);
		expect(refusals({ ...workflow, GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' }, pkg)).toEqual([expect.stringContaining('branch "main"')]);
	});

	it('refuses without provenance', () => {
		expect(refusals(workflow, { version: '1.2.3' })).toEqual([expect.stringContaining('Provenance is off')]);
		expect(refusals({ ...workflow, npm_config_provenance: 'true' }, { version: '1.2.3' })).toEqual([]);
	});

	it('stops `npm publish` run on this machine (prepublishOnly), saying to push a tag', () => {
		const run = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts=false'], { cwd: root, env: localEnv(), encoding: 'utf8' });
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('Refusing to publish n8n-nodes-whatsapp-templates@');
		expect(run.stderr).toContain('push a tag instead');
		expect(run.stderr).toContain('git push origin main v');
	});

	it('stops a plain `npm publish` (ignore-scripts=true in .npmrc) before anything is uploaded: publishConfig asks for provenance', async () => {
		const uploads: string[] = [];
		const registry = http.createServer((req, res) => {
			if (req.method !== 'GET') uploads.push(`${req.method} ${req.url}`);
			res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
		});
		await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
		try {
			const args = ['publish', `--registry=${url}`, `--${url.slice('http:'.length)}:_authToken=not-a-real-token`];
			const child = spawn('npm', args, { cwd: root, env: localEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
			expect(status).not.toBe(0);
			expect(stderr).toContain('Automatic provenance generation not supported');
			expect(uploads).toEqual([]);
		} finally {
			await new Promise((resolve) => registry.close(resolve));
		}
	});
});
