/**
 * Mutation testing (npm run test:mutation, docs/mutation-testing.md): the code whose failure loses
 * or leaks something. Code that lands in these areas (contacts, text, media, API v2's error
 * mapping) joins the list with the same threshold.
 */
const W = 'nodes/WhatsAppTemplates';
/** The scope by area: MUTATION_AREA=<name> npm run test:mutation runs one (its own incremental file and report). */
const AREAS = {
	// Where a message goes out once or not at all: concurrency, the 429 pause, retries, the stop report.
	batch: [`${W}/shared/batch/**/*.ts`, `${W}/shared/transport.ts`, `${W}/shared/apiError.ts`],
	// Uploads and the checks made before anything is sent.
	input: [`${W}/shared/multipart/**/*.ts`, `${W}/shared/validation/**/*.ts`],
	// Where the token may go, and who may start a workflow.
	trust: [`${W}/shared/endpoint.ts`, `${W}/trigger/signature.ts`, `${W}/trigger/dedupe.ts`, `${W}/trigger/webhook.ts`],
	// How each API generation's answers are read and classed: sent, not sent or unknown.
	platform: [
		`${W}/shared/platform/explaining.ts`,
		`${W}/shared/platform/v1/errors.ts`,
		`${W}/shared/platform/v2/errors.ts`,
		`${W}/shared/platform/v1/answers.ts`,
		`${W}/shared/platform/v2/answers.ts`,
		// The contact routes' refusals: written or not, and in which words (issue 19).
		`${W}/shared/platform/v1/contactErrors.ts`,
		`${W}/shared/platform/v2/contactErrors.ts`,
	],
};
const AREA = process.env.MUTATION_AREA;
if (AREA !== undefined && !(AREA in AREAS)) throw new Error(`MUTATION_AREA=${AREA}: use one of ${Object.keys(AREAS).join(', ')}`);
const SCOPE = AREA ? AREAS[AREA] : Object.values(AREAS).flat();
const REPORT = `reports/mutation/${AREA ?? 'index'}`;

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
	incrementalFile: AREA ? `${REPORT}.json` : 'reports/mutation/incremental.json',
	reporters: ['html', 'clear-text', 'progress-append-only'],
	htmlReporter: { fileName: `${REPORT}.html` },
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
