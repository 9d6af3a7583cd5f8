/**
 * The mutation scope by area (docs/mutation-testing.md): the code whose failure loses or leaks
 * something. stryker.config.js runs one area (MUTATION_AREA) or all; scripts/mutation.js (npm run
 * test:mutation) runs them one after another and adds up the score. Code that lands in these
 * places joins its area with the same threshold.
 */
const W = 'nodes/WhatsAppTemplates';
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

module.exports = { AREAS };
