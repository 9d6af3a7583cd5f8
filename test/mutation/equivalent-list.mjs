/**
 * The mutants judged equivalent (equivalents.mjs applies the list; docs/mutation-testing.md
 * explains it). `original` is the code Stryker replaced, exactly as in the file; `replacement`
 * what it put there, as the report shows it; `on` a piece of the line the mutant starts on.
 */
const SIGNATURE = 'nodes/WhatsAppTemplates/trigger/signature.ts';
const DEDUPE = 'nodes/WhatsAppTemplates/trigger/dedupe.ts';
const ENDPOINT = 'nodes/WhatsAppTemplates/shared/endpoint.ts';
const V1_ERRORS = 'nodes/WhatsAppTemplates/shared/platform/v1/errors.ts';
const V2_ERRORS = 'nodes/WhatsAppTemplates/shared/platform/v2/errors.ts';
const V2_ANSWERS = 'nodes/WhatsAppTemplates/shared/platform/v2/answers.ts';
const WEBHOOK = 'nodes/WhatsAppTemplates/trigger/webhook.ts';
const FIELD_ERROR = 'nodes/WhatsAppTemplates/shared/validation/fieldError.ts';
const BRACKETS = 'nodes/WhatsAppTemplates/shared/multipart/bracketParts.ts';
const UPLOAD_NAME = 'nodes/WhatsAppTemplates/shared/multipart/uploadName.ts';
const MEDIA_URL = 'nodes/WhatsAppTemplates/shared/validation/mediaUrl.ts';
const BINARY_MEDIA = 'nodes/WhatsAppTemplates/shared/multipart/binaryMedia.ts';
const V1_ANSWERS = 'nodes/WhatsAppTemplates/shared/platform/v1/answers.ts';
const DISPATCHER = 'nodes/WhatsAppTemplates/shared/batch/dispatcher.ts';
const ITEM_RESULT = 'nodes/WhatsAppTemplates/shared/batch/itemResult.ts';
const RATE_GATE = 'nodes/WhatsAppTemplates/shared/batch/rateGate.ts';
const SEND_ATTEMPT = 'nodes/WhatsAppTemplates/shared/batch/sendAttempt.ts';
const SEND_RUN = 'nodes/WhatsAppTemplates/shared/batch/sendRun.ts';
const TRANSPORT = 'nodes/WhatsAppTemplates/shared/transport.ts';
const V1_CONTACT_ERRORS = 'nodes/WhatsAppTemplates/shared/platform/v1/contactErrors.ts';
const V2_CONTACT_ERRORS = 'nodes/WhatsAppTemplates/shared/platform/v2/contactErrors.ts';

const XOBITO_KEY = "if (event.format === 'xobito' && event.messageId)";
const XOBITO_REASON = 'a message id exists only on message.* events, and then the message| key on the next line holds the same event and id';
const BELOW_200 = 'no answer n8n hands over has a status below 200 (1xx are interim answers): only such a status tells the mutant apart';
const REDIRECT = "explain never sees a 3xx: responseError explains redirects itself (apiError.ts redirectOf), and the template list's error only 401 and 403";
const BELOW_400 = 'no status below 400 gets here: 2xx return above, 3xx are explained by responseError, and no answer is below 200';
const NAN = "Number(undefined) is NaN, which Number.isInteger refuses: 'absent' either way";
const SLEEP_0 = 'sleep(0) only yields to the event loop once: no request starts earlier or later for it';
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

	{ file: V1_ERRORS, on: 'return response.statusCode >= 200 && response.statusCode < 300 && !isErrorEnvelope(response.body)', mutator: 'ConditionalExpression', original: 'response.statusCode >= 200', replacement: 'true', reason: BELOW_200 },
	{ file: V1_ERRORS, on: 'if (statusCode >= 200 && statusCode < 300) {', mutator: 'ConditionalExpression', original: 'statusCode >= 200', replacement: 'true', reason: BELOW_200 },
	{ file: V1_ERRORS, on: 'if (statusCode >= 200 && statusCode < 300) {', mutator: 'EqualityOperator', original: 'statusCode < 300', replacement: 'statusCode <= 300', reason: REDIRECT },
	{ file: V1_ERRORS, on: 'if (statusCode >= 400 && statusCode < 500) return SAY.refused(statusCode, spelled)', mutator: 'ConditionalExpression', original: 'statusCode >= 400', replacement: 'true', reason: BELOW_400 },

	{ file: V2_ERRORS, on: "return response.statusCode >= 200 && response.statusCode < 300 && field(response.body, 'success') === true", mutator: 'ConditionalExpression', original: 'response.statusCode >= 200', replacement: 'true', reason: BELOW_200 },
	{ file: V2_ERRORS, on: 'if (statusCode >= 200 && statusCode < 300) {', mutator: 'ConditionalExpression', original: 'statusCode >= 200', replacement: 'true', reason: BELOW_200 },
	{ file: V2_ERRORS, on: 'if (statusCode >= 200 && statusCode < 300) {', mutator: 'EqualityOperator', original: 'statusCode < 300', replacement: 'statusCode <= 300', reason: REDIRECT },
	{ file: V2_ERRORS, on: 'return statusCode >= 400 && statusCode < 500 ? SAY.refused(statusCode, error.message)', mutator: 'ConditionalExpression', original: 'statusCode >= 400', replacement: 'true', reason: BELOW_400 },
	{ file: V2_ERRORS, on: 'if (statusCode >= 400 && statusCode < 500) return SAY.refused(statusCode);', mutator: 'ConditionalExpression', original: 'statusCode >= 400', replacement: 'true', reason: BELOW_400 },
	{ file: V2_ERRORS, on: "const text = `${error.message ?? ''} ${JSON.stringify(error.details ?? '')}`", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: "both stand-ins on this line are only searched for a scope (a:b, or scope followed by *), which \"Stryker was here!\" does not hold" },
	{ file: V2_ERRORS, on: "if (/contact/i.test(error.message ?? ''))", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: 'the stand-in is only searched for "contact", which "Stryker was here!" does not hold' },
	{ file: V2_ERRORS, on: '? `but reported an error${errorOf(body)?.code', mutator: 'OptionalChaining', original: 'errorOf(body)?.code', replacement: 'errorOf(body).code', reason: 'this branch has an envelope whose success is false, and errorOf always answers for success: false' },

	{ file: V2_ANSWERS, on: "const remaining = value === undefined || value === null || value === ''", mutator: 'ConditionalExpression', original: 'value === undefined', replacement: 'false', reason: NAN },
	{ file: V2_ANSWERS, on: 'const value = key === undefined ? undefined : headers[key]', mutator: 'ConditionalExpression', original: 'key === undefined', replacement: 'false', reason: 'without an X-RateLimit-Remaining header headers[undefined] reads a header named "undefined", which no server sends: undefined either way' },
	{ file: V2_ANSWERS, on: 'return remaining !== undefined && Number.isInteger(remaining) && remaining >= 0', mutator: 'ConditionalExpression', original: 'remaining !== undefined', replacement: 'true', reason: NAN },
	{ file: WEBHOOK, on: "if (this.getNodeParameter('authentication', 'signingSecret') !== 'none')", mutator: 'StringLiteral', original: "'signingSecret'", replacement: '""', reason: "only the fallback changes, and '' like 'signingSecret' is not 'none': the signature is checked either way" },
	{ file: WEBHOOK, on: "const nodeKey = `${this.getWorkflow().id ?? ''}|${this.getNode().id}`", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: 'only a workflow without an id reaches the stand-in, and n8n saves a workflow (giving it an id) before it can be active; a test listen skips this line' },

	{ file: FIELD_ERROR, on: "typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'", mutator: 'ConditionalExpression', original: "typeof value === 'boolean'", replacement: 'false', reason: 'JSON.stringify gives a boolean the same text as String does' },
	{ file: FIELD_ERROR, on: "typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'", mutator: 'StringLiteral', original: "'boolean'", replacement: '""', reason: 'JSON.stringify gives a boolean the same text as String does' },
	{ file: BRACKETS, on: 'if (Array.isArray(value))', mutator: 'ConditionalExpression', original: 'Array.isArray(value)', replacement: 'false', reason: "as an object, an array's entries are its indexes in order (holes skipped by both ways): the same parts" },
	{ file: UPLOAD_NAME, on: '.exec(name)?.[1]?.toLowerCase()', mutator: 'OptionalChaining', original: '/\\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase', replacement: '/\\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1].toLowerCase', reason: 'the group is not optional: a match always has it' },
	{ file: UPLOAD_NAME, on: ".replace(/^-+|-+$/g, '')", mutator: 'Regex', original: '/^-+|-+$/g', replacement: '/^-|-+$/g', reason: "the replace before turns every run of other characters into one '-': never more than one at either end" },
	{ file: UPLOAD_NAME, on: ".replace(/^-+|-+$/g, '')", mutator: 'Regex', original: '/^-+|-+$/g', replacement: '/^-+|-$/g', reason: "the replace before turns every run of other characters into one '-': never more than one at either end" },
	{ file: MEDIA_URL, on: "includes(extension ?? '')", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: 'no accepted extension is either text: includes() is false both ways' },
	{ file: BINARY_MEDIA, on: 'ctx.getInputData()[itemIndex]?.binary', mutator: 'OptionalChaining', original: 'ctx.getInputData()[itemIndex]?.binary', replacement: 'ctx.getInputData()[itemIndex].binary', reason: 'called only with the index of an input item (the operations loop over getInputData())' },
	{ file: DISPATCHER, on: 'if (start > 0 && settings.batchIntervalMs > 0) await sleep(settings.batchIntervalMs)', mutator: 'ConditionalExpression', original: 'settings.batchIntervalMs > 0', replacement: 'true', reason: `an interval of 0 (or less, which the options refuse) makes ${SLEEP_0}` },
	{ file: DISPATCHER, on: 'if (start > 0 && settings.batchIntervalMs > 0) await sleep(settings.batchIntervalMs)', mutator: 'EqualityOperator', original: 'settings.batchIntervalMs > 0', replacement: 'settings.batchIntervalMs >= 0', reason: `an interval of 0 makes ${SLEEP_0}` },
	{ file: DISPATCHER, on: 'if (!answered) gate.done(turn);', mutator: 'ConditionalExpression', original: '!answered', replacement: 'true', reason: 'done(turn) without a report only ends the turn, and the done(turn, report) that follows in the same synchronous step ends it again with the count: the waiters it wakes run after both' },
	{ file: RATE_GATE, on: 'async turn(stopped: () => boolean = () => false', mutator: 'ArrowFunction', original: '() => false', replacement: '() => undefined', reason: 'the default is only asked whether to stop, and undefined is as falsy as false' },
	{ file: RATE_GATE, on: 'return this.remaining === 0 && this.windowEnd', mutator: 'EqualityOperator', original: 'this.windowEnd - Date.now() <= longestWaitSeconds * 1000', replacement: 'this.windowEnd - Date.now() < longestWaitSeconds * 1000', reason: 'only a wait to the window\'s end equal to the Longest Rate-Limit Wait to the millisecond tells them apart (the mutant sends the probe, which meets one 429 and waits as long): no run can aim at that millisecond' },
	{ file: RATE_GATE, on: 'if (pause <= 0) break;', mutator: 'EqualityOperator', original: 'pause <= 0', replacement: 'pause < 0', reason: `a pause that ends this very millisecond: ${SLEEP_0}, then it is over` },
	{ file: ITEM_RESULT, on: "Object.defineProperty(item, 'error', { value: error, enumerable: false, configurable: true })", mutator: 'BooleanLiteral', original: 'true', replacement: 'false', reason: "n8n (1.x and 2.x) reads item.error and never deletes or redefines it: configurable only leaves that possible" },
	{ file: SEND_ATTEMPT, on: "kind: 'rateLimited',", mutator: 'StringLiteral', original: "'rateLimited'", replacement: '""', reason: "the dispatcher takes every attempt that is not 'done' as rate limited" },
	{ file: TRANSPORT, on: "return { platform, apiBase: '', problem };", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: 'the stand-in stays only when the credential is unusable, and then every item fails before the dry run could show it' },
	{ file: SEND_RUN, on: 'if (hints.size) ctx.addExecutionHints(', mutator: 'ConditionalExpression', original: 'hints.size', replacement: 'true', reason: 'addExecutionHints() with no hint adds none' },
	{ file: TRANSPORT, on: 'if (!credentials) {', mutator: 'ConditionalExpression', original: '!credentials', replacement: 'true', reason: 'without the cache n8n reads the same credential again for every request: the same answers, only more reads (what the throughput bench weighs)' },
	{ file: TRANSPORT, on: "(data) => ({ id: '', name: '', type: CREDENTIAL_TYPE, data })", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: "n8n (1.x and 2.x) reads only `data` of the credential handed to httpRequestWithAuthentication" },

	{ file: V1_CONTACT_ERRORS, on: "const message = String(messageOf(body) ?? '')", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: "the stand-in is only compared with the platform's own messages (not found, in use, an ability, the list bug), none of which it is" },
	{ file: V2_CONTACT_ERRORS, on: "const scope = SCOPE.exec(`${error.message ?? ''} ${JSON.stringify(error.details ?? '')}`)", mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', reason: 'both stand-ins on this line are only searched for a scope (a:b, or scope followed by *), which "Stryker was here!" does not hold' },

	{ file: V1_ANSWERS, on: '} catch {', mutator: 'BlockStatement', original: '{\n\t\treturn { text: raw };\n\t}', replacement: '{}', reason: 'without the early return the text that is not JSON reads no message and no code: the same text, and no code either way' },
];
