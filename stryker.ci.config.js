/**
 * The mutation check CI runs (.ci/run): a small fixed part of the scope (the trigger's signature
 * and duplicate checks, and where the token may go) against its unit tests alone, with the same
 * threshold, from a clean clone (no incremental file). The whole scope: stryker.config.js, npm run
 * test:mutation.
 */
const base = require('./stryker.config.js');

module.exports = {
	...base,
	mutate: ['nodes/WhatsAppTemplates/trigger/signature.ts', 'nodes/WhatsAppTemplates/trigger/dedupe.ts', 'nodes/WhatsAppTemplates/shared/endpoint.ts'],
	jest: { ...base.jest, configFile: 'test/mutation/jest.ci.config.js' },
	incremental: false,
	reporters: ['clear-text', 'progress-append-only'],
	tempDirName: '.stryker-tmp-ci',
};
