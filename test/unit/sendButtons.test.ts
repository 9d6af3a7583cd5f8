/**
 * Send Buttons' own checks where n8n's editor cannot reach (a fourth button is stopped by the
 * field's maxAllowedFields in n8n, not by older editors or other callers of execute()).
 */
import type { SendRun } from '../../nodes/WhatsAppTemplates/shared/batch/sendRun';
import { validateButtons } from '../../nodes/WhatsAppTemplates/actions/message/sendButtons/validate';
import { v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';

const runWith = (values: Record<string, unknown>) => ({ parameters: (name: string, _i: number, fallback: unknown) => values[name] ?? fallback }) as unknown as SendRun;
const base = { phone: '+49 151 2345678', bodyText: 'Deliver tomorrow?' };

it('four buttons are refused by the node itself', () => {
	const run = runWith({ ...base, buttons: { button: ['a', 'b', 'c', 'd'].map((title) => ({ title })) } });
	expect(() => validateButtons(run, 0, v2.windowSend.buttons)).toThrow(/^Buttons has 4; a message takes 1 to 3$/);
});

it('three buttons pass, ids defaulting to titles; header and footer trimmed, empty ones left out', () => {
	const run = runWith({ ...base, headerText: '  Delivery ', footerText: ' ', buttons: { button: [{ title: 'a' }, { title: 'b', id: 'B' }, { title: 'c' }] } });
	expect(validateButtons(run, 0, v1.windowSend.buttons)).toEqual({
		phone: '491512345678',
		body: 'Deliver tomorrow?',
		header: 'Delivery',
		footer: undefined,
		buttons: [{ title: 'a', id: 'a' }, { title: 'b', id: 'B' }, { title: 'c', id: 'c' }],
	});
});

it('a list: refused on API v1, built on v2', () => {
	const run = runWith({ ...base, interactiveType: 'list', listButtonText: 'Slots', rows: { row: [{ title: 'x' }] } });
	expect(() => validateButtons(run, 0, v1.windowSend.buttons)).toThrow(/^A list cannot be sent: API v1 has no list message/);
	expect(validateButtons(run, 0, v2.windowSend.buttons).list).toEqual({ buttonText: 'Slots', sections: [{ title: undefined, rows: [{ title: 'x', id: 'x', description: undefined }] }] });
});
