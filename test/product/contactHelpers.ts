/** Shared by the contact engine tests: the node's contact parameters and what the sandbox received. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../sandbox';
import { startProduct, type Api, type Product } from './setup';

/** A picker's value in ID mode, as n8n saves it. */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

/** Contact → <operation>, with the phone given (BASE_PARAMS carry a send's). */
export const contact = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({ resource: 'contact', operation, ...parameters });

/** On v2 a new contact needs a status and a source (v1 takes the workspace's auto-lead defaults). */
export const NEW_CONTACT_LISTS = { status: byId(1), source: byId(2) };

/** The sandbox's requests on contact, group, status and source routes, by route name. */
export function crmRequests(product: Product, ...routes: string[]): RecordedRequest[] {
	return product.sb.requests.filter((r) => r.route !== null && routes.includes(r.route));
}

/** The writes (creates, updates, deletes, batches, memberships) the sandbox received. */
export function writes(product: Product): RecordedRequest[] {
	return product.sb.requests.filter((r) => r.method !== 'GET');
}

/** The stored contacts whose phone's digits are these (any format). */
export function storedWithDigits(product: Product, digits: string): IDataObject[] {
	return product.sb.contacts.filter((c) => c.phone.replace(/\D/g, '').replace(/^00/, '') === digits) as unknown as IDataObject[];
}

/** The node's credential with a token that may do everything (v2's default send token lacks the contact scopes). */
export function withFullToken(product: Product): Product {
	if (product.api === 'v2') product.credentials.apiToken = product.sb.v2Tokens.full;
	return product;
}

/** The sandbox's CRM settings back to their defaults (reset() keeps configure()'s changes). */
export function resetCrm(product: Product): void {
	product.sb.reset();
	product.sb.configure({ platformVersion: '2.2.0', autoLead: { enabled: true, statusId: 1, sourceId: 2, assignedTo: null }, contactQuota: null });
}

/**
 * A describe block's product on `api`: a sandbox and the engine for the block, a token that may do
 * everything, the CRM back to its seeds before each test. Returns the product's getter.
 */
export function contactProduct(api: Api): () => Product {
	let product: Product;
	beforeAll(async () => {
		product = withFullToken(await startProduct('filesystem', { api }));
	});
	afterAll(async () => await product.close());
	beforeEach(() => resetCrm(product));
	return () => product;
}
