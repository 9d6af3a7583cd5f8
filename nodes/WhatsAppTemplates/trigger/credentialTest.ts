import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

/**
 * The secret can only be proven by a signed event from the platform (there is no API to ask), so
 * the credential test checks what can go wrong locally: an empty secret, or one with spaces
 * around it from a copy and paste, which no platform signature would ever match.
 */
export async function checkSigningSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = credential.data?.signingSecret;
	if (typeof secret !== 'string' || secret === '') {
		return { status: 'Error', message: 'Enter the Signing Secret the platform signs its webhooks with' };
	}
	if (secret.trim() !== secret) {
		return {
			status: 'Error',
			message: 'The Signing Secret starts or ends with a space or line break: remove it, or no signature will match',
		};
	}
	return {
		status: 'OK',
		message: 'Saved. The secret is proven when the first signed event arrives (a wrong one is answered 401).',
	};
}
