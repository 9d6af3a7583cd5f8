/**
 * Mutation testing (npm run test:mutation, docs/mutation-testing.md): the code whose failure loses
 * or leaks something. Code that lands in these areas (contacts, text, media, API v2's error
 * mapping) joins the list with the same threshold.
 */
const SCOPE = [
	'nodes/WhatsAppTemplates/shared/batch/**/*.ts',
	'nodes/WhatsAppTemplates/shared/endpoint.ts',
	'nodes/WhatsAppTemplates/shared/transport.ts',
	'nodes/WhatsAppTemplates/shared/apiError.ts',
	'nodes/WhatsAppTemplates/shared/multipart/**/*.ts',
	'nodes/WhatsAppTemplates/shared/validation/**/*.ts',
	'nodes/WhatsAppTemplates/trigger/signature.ts',
	'nodes/WhatsAppTemplates/trigger/dedupe.ts',
	'nodes/WhatsAppTemplates/trigger/webhook.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
module.exports = {
	packageManager: 'npm',
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'test/mutation/jest.config.js', enableFindRelatedTests: true },
	coverageAnalysis: 'perTest',
	mutate: SCOPE,
	// The machine's two cores are shared.
	concurrency: 2,
	incremental: true,
	incrementalFile: 'reports/mutation/incremental.json',
	reporters: ['html', 'clear-text', 'progress-append-only'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	clearTextReporter: { logTests: false },
	thresholds: { high: 95, low: 90, break: 90 },
	appendPlugins: [require.resolve('./test/mutation/equivalents.mjs')],
	ignorePatterns: ['.stryker-tmp*', 'dist', 'reports', 'coverage', 'bench/results', 'docs/screenshots', '.dev', 'tmp', '*.tgz'],
	tempDirName: '.stryker-tmp',
	timeoutMS: 10000,
	dryRunTimeoutMinutes: 20,
	// ts-jest only transpiles here (isolatedModules): there is no type check to switch off.
	disableTypeChecks: false,
};
