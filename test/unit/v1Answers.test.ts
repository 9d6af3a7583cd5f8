/**
 * What API v1's send answers are read as (shared/platform/v1/answers.ts): the message id only as
 * non-empty text (a send without one is not counted as sent), and the code the platform generated
 * (auto_generate_otp) as text, also when JSON gives it as a number.
 */
import { v1 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { readGeneratedOtp, readMessageId } from '../../nodes/WhatsAppTemplates/shared/platform/v1/answers';
import { answers } from '../support/wire';

const answer = (statusCode: number, body: unknown) => ({ statusCode, headers: {}, body });
const withId = (id: unknown) => ({ status: 'success', data: { whatsapp_response: { messages: [{ id }] } } });
const withOtp = (code: unknown) => ({ ...answers.success('wamid.X'), data: { ...(answers.success('wamid.X').data as object), otp: { code, generated: true } } });

describe('the WhatsApp message id: only non-empty text', () => {
	it.each([
		['an empty id', ''],
		['a number instead of a wamid', 12345],
		['an object', { id: 'wamid.X' }],
		['null', null],
	])('%s: read as no id, so the send is not counted as sent', (_name, id) => {
		expect(readMessageId(withId(id))).toBeUndefined();
		expect(v1.isDelivered(answer(200, withId(id)))).toBe(false);
	});

	it('a wamid is read as it came, at either place the answer puts it', () => {
		expect(readMessageId(withId('wamid.HBgLNDkx='))).toBe('wamid.HBgLNDkx=');
		expect(readMessageId(answers.success('wamid.Y', { legacyId: true }))).toBe('wamid.Y');
	});
});

describe('the generated one-time password', () => {
	it('as text, whether JSON gives it as text or as a number', () => {
		expect(readGeneratedOtp(withOtp('482913'))).toBe('482913');
		expect(readGeneratedOtp(withOtp(482913))).toBe('482913');
	});

	it('none when the answer has none, or something else in its place', () => {
		expect(readGeneratedOtp(answers.success('wamid.X'))).toBeUndefined();
		for (const code of [null, true, { code: '1' }, ['1']]) expect(readGeneratedOtp(withOtp(code))).toBeUndefined();
	});
});
