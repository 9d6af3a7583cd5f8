import type { PlatformTemplate } from './platform';

/**
 * What a template needs and whether the platform's v1 send can deliver it (CONTRACT.md,
 * "Unknown"): the picker flags, the editor's fields and the check before sending all read this.
 */

/** The header input a template needs. */
export type HeaderNeed = 'none' | 'text' | 'image' | 'video' | 'document' | 'unsupported';

export function headerNeed(template: PlatformTemplate): HeaderNeed {
	switch (template.headerFormat) {
		case null:
			return 'none';
		case 'TEXT':
			return template.headerParams > 0 ? 'text' : 'none';
		case 'IMAGE':
			return 'image';
		case 'VIDEO':
			return 'video';
		case 'DOCUMENT':
			return 'document';
		default:
			return 'unsupported';
	}
}

const HEADER_LABEL: Record<HeaderNeed, string> = {
	none: 'no header',
	text: 'text header',
	image: 'image header',
	video: 'video header',
	document: 'document header',
	unsupported: 'unsupported header',
};

/** "order_update (en, UTILITY, text header)": how the picker names a template. */
export function templateLabel(template: PlatformTemplate): string {
	const fixedText = template.headerFormat === 'TEXT' && template.headerParams === 0;
	return `${template.name} (${template.language}, ${template.category}, ${fixedText ? 'text header' : HEADER_LABEL[headerNeed(template)]})`;
}

/** Why the platform's v1 send cannot deliver this template at all, or undefined. */
export function unsendable(template: PlatformTemplate): string | undefined {
	if (template.templateType?.toLowerCase() === 'carousel' || template.hasCards) return 'it is a carousel template, which the platform\'s API cannot send';
	if (template.headerFormat === 'LOCATION') return 'it has a location header, which the platform\'s API cannot fill';
	if (headerNeed(template) === 'unsupported') return `its ${String(template.headerFormat).toLowerCase()} header is not one the platform's API can fill`;
	if (/\{\{\s*[^\d\s}][^}]*\}\}/.test(`${template.headerText ?? ''} ${template.body}`)) {
		return 'it uses named variables such as {{customer_name}}, which the platform sends as numbered ones, so WhatsApp refuses them';
	}
	return undefined;
}

/** Buttons whose value the user gives: button index → what it is. */
export function dynamicButtons(template: PlatformTemplate): Array<{ index: number; label: string; risky: boolean }> {
	const found: Array<{ index: number; label: string; risky: boolean }> = [];
	template.buttons.forEach((button, index) => {
		const type = String(button.type ?? '').toUpperCase();
		const url = String(button.url ?? '');
		const text = String(button.text ?? type);
		if (template.category === 'AUTHENTICATION' && url.includes('otp{{')) return; // filled from {{1}} by the platform
		if (type === 'URL' && url.includes('{{')) found.push({ index, label: `${text}: ${url}`, risky: true });
		else if (type === 'COPY_CODE') found.push({ index, label: `${text} (coupon code)`, risky: true });
		else if (['LIMITED_TIME_OFFER', 'CATALOG', 'MPM', 'MULTI_PRODUCT'].includes(type)) found.push({ index, label: `${text} (${type.toLowerCase()})`, risky: true });
	});
	return found;
}

/** Why a send may fail at WhatsApp although the platform accepts it (stock platforms drop button values). */
export function buttonWarning(template: PlatformTemplate): string | undefined {
	const risky = dynamicButtons(template).filter((button) => button.risky);
	if (!risky.length) return undefined;
	return `Template ${template.name} (${template.language}) has a button that needs a value (${risky.map((b) => b.label).join('; ')}). Stock platforms up to 2.2.0 do not pass button values on to WhatsApp, which then refuses the message; it works only where the operator has fixed that.`;
}
