/**
 * Mutation testing (docs/mutation-testing.md): one area of the scope (MUTATION_AREA=<area>, its own
 * incremental file and report) or, without it, the whole scope in one run. `npm run test:mutation`
 * (scripts/mutation.js) runs the areas one after another. The areas: test/mutation/areas.js.
 */
const { AREAS } = require('./test/mutation/areas.js');
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
