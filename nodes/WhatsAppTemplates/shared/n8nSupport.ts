import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * The oldest n8n the node was measured to work on (scripts/versions/probe.js: the e2e's core sends).
 * n8n 1.79.0 is the first with every capability below, but no longer installs from the registry, so
 * it could not be measured. A package cannot declare the n8n it needs (n8n-workflow is a "*" peer):
 * the node checks at run time instead.
 */
export const MINIMUM_N8N = '1.81.4';

interface Capability {
	/** As the error names it. */
	name: string;
	present: (ctx: IExecuteFunctions) => boolean;
}

const method = (name: string, read: (ctx: IExecuteFunctions) => unknown): Capability => ({
	name,
	present: (ctx) => typeof read(ctx) === 'function',
});

/**
 * What the operations call on n8n's execution context. Detected, never read from a version number:
 * a fork or a backport counts by what it has. addExecutionHints came with n8n-core 1.79 (before, hints
 * were returned in a NodeExecutionOutput); without it a run that warns fails with a bare TypeError.
 * The others are much older and listed so that an engine lacking them also gets the plain error.
 */
const REQUIRED: Capability[] = [
	method('this.addExecutionHints', (ctx) => ctx.addExecutionHints),
	method('this.helpers.httpRequestWithAuthentication', (ctx) => ctx.helpers?.httpRequestWithAuthentication),
	method('this.helpers.getBinaryMetadata', (ctx) => ctx.helpers?.getBinaryMetadata),
	method('this.helpers.getBinaryStream', (ctx) => ctx.helpers?.getBinaryStream),
	method('this.helpers.getBinaryDataBuffer', (ctx) => ctx.helpers?.getBinaryDataBuffer),
	method('this.getExecutionId', (ctx) => ctx.getExecutionId),
	method('this.continueOnFail', (ctx) => ctx.continueOnFail),
	method('this.getCredentials', (ctx) => ctx.getCredentials),
];

/** The capabilities this n8n lacks, by name (empty when it has them all). */
export function missingCapabilities(ctx: IExecuteFunctions): string[] {
	return REQUIRED.filter((capability) => !capability.present(ctx)).map((capability) => capability.name);
}

/**
 * The plain error for an n8n that lacks what the node uses, or undefined when it has it all.
 * Checked at the operations' entry, before anything is read or sent: a TypeError halfway through a
 * run (or, worse, after the messages went out) would tell the user nothing.
 */
export function unsupportedN8nError(ctx: IExecuteFunctions): NodeOperationError | undefined {
	const missing = missingCapabilities(ctx);
	if (!missing.length) return undefined;
	return new NodeOperationError(
		ctx.getNode(),
		`This node needs n8n ${MINIMUM_N8N} or newer (this n8n lacks ${missing.join(', ')}); update n8n`,
		{ description: 'Nothing was sent. Update n8n, then run the workflow again.' },
	);
}
