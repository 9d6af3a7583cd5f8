/**
 * The mutants judged equivalent (equivalents.mjs applies the list; docs/mutation-testing.md
 * explains it). `original` is the code Stryker replaced, exactly as in the file; `replacement`
 * what it put there, as the report shows it; `on` a piece of the line the mutant starts on.
 */
const SIGNATURE = 'nodes/WhatsAppTemplates/trigger/signature.ts';
const DEDUPE = 'nodes/WhatsAppTemplates/trigger/dedupe.ts';
const ENDPOINT = 'nodes/WhatsAppTemplates/shared/endpoint.ts';

const XOBITO_KEY = "if (event.format === 'xobito' && event.messageId)";
const XOBITO_REASON = 'a message id exists only on message.* events, and then the message| key on the next line holds the same event and id';
const CACHE = 'only the cache of the last answer is lost: the answer is computed again, the same';

export const EQUIVALENT = [
	{ file: SIGNATURE, on: 'return given.length === expected.length', mutator: 'ConditionalExpression', original: 'given.length === expected.length', replacement: 'true', reason: 'the header passed /^[0-9a-f]{64}$/, so it decodes to 32 bytes, the length of a SHA-256 digest' },

	{ file: DEDUPE, on: "if (event.format === 'n8n' && event.eventId)", mutator: 'ConditionalExpression', original: "event.format === 'n8n'", replacement: 'true', reason: 'only the n8n format reads an event id (eventId is null in the other formats)' },
	{ file: DEDUPE, on: XOBITO_KEY, mutator: 'ConditionalExpression', original: "event.format === 'xobito' && event.messageId", replacement: 'false', reason: XOBITO_REASON },
	{ file: DEDUPE, on: XOBITO_KEY, mutator: 'ConditionalExpression', original: "event.format === 'xobito'", replacement: 'true', reason: XOBITO_REASON },
	{ file: DEDUPE, on: XOBITO_KEY, mutator: 'EqualityOperator', original: "event.format === 'xobito'", replacement: "event.format !== 'xobito'", reason: XOBITO_REASON },
	{ file: DEDUPE, on: XOBITO_KEY, mutator: 'StringLiteral', original: "'xobito'", replacement: '""', reason: XOBITO_REASON },
	{ file: DEDUPE, on: "event.event.startsWith('message.')", mutator: 'StringLiteral', original: "'message.'", replacement: '""', reason: 'every format gives a message id to message.* events only' },
	{ file: DEDUPE, on: "keys.push(`body|${createHash('sha256').update(rawBody).digest('hex')}`)", mutator: 'StringLiteral', original: "'hex'", replacement: '""', reason: "digest('') returns the bytes, which the template string turns into text: still one key per body" },
	{ file: DEDUPE, on: "String(data.id ?? '')", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: 'the stand-in for a missing value is the same for every event: any text keys the same' },
	{ file: DEDUPE, on: "const remembered = recent.get(nodeKey) ?? []", mutator: 'ArrayDeclaration', original: '[]', replacement: '["Stryker was here"]', reason: 'a remembered key no event hashes to (keys are 24 hex digits)' },

	{ file: ENDPOINT, on: "new Set(['localhost', '127.0.0.1', '[::1]'])", mutator: 'StringLiteral', original: "'127.0.0.1'", replacement: '""', reason: 'the 127.x.x.x pattern next to it takes 127.0.0.1 too' },
	{ file: ENDPOINT, on: 'LOOPBACK_HOSTS.has(hostname) ||', mutator: 'Regex', original: '/^127(?:\\.\\d{1,3}){3}$/', replacement: '/127(?:\\.\\d{1,3}){3}$/', reason: 'the hostname comes from the URL parser: one ending in 127.d.d.d is the canonical IPv4 address 127.x.x.x' },
	{ file: ENDPOINT, on: "if (url.search || url.hash || raw.includes('#')", mutator: 'ConditionalExpression', original: 'url.search || url.hash', replacement: 'false', reason: "a query or fragment needs a '?' or '#' in the value, which the raw checks after it refuse" },
	{ file: ENDPOINT, on: "if (url.search || url.hash || raw.includes('#')", mutator: 'LogicalOperator', original: 'url.search || url.hash', replacement: 'url.search && url.hash', reason: "a query or fragment needs a '?' or '#' in the value, which the raw checks after it refuse" },
	{ file: ENDPOINT, on: 'if (lastBase && lastBase.baseUrl === baseUrl', mutator: 'ConditionalExpression', original: 'lastBase && lastBase.baseUrl === baseUrl && lastBase.subdomain === subdomain && lastBase.allowPlainHttp === allowPlainHttp && lastBase.api === api', replacement: 'false', reason: CACHE },
	{ file: ENDPOINT, on: 'if (lastBase && lastBase.baseUrl === baseUrl', mutator: 'BlockStatement', original: '{\n\t\treturn lastBase.base;\n\t}', replacement: '{}', reason: CACHE },
	{ file: ENDPOINT, on: 'lastBase = { baseUrl, subdomain, allowPlainHttp, api, base }', mutator: 'ObjectLiteral', original: '{ baseUrl, subdomain, allowPlainHttp, api, base }', replacement: '{}', reason: CACHE },
	{ file: ENDPOINT, on: 'if (lastCheck && lastCheck.target === target', mutator: 'ConditionalExpression', original: 'lastCheck && lastCheck.target === target && lastCheck.base === base', replacement: 'false', reason: CACHE },
	{ file: ENDPOINT, on: 'lastCheck = { target, base, under }', mutator: 'ObjectLiteral', original: '{ target, base, under }', replacement: '{}', reason: CACHE },
];
