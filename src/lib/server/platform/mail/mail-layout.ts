import { textDirection } from '$lib/i18n/locales';

/** Text made safe to put in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

export interface MailLayoutOptions {
	/** The recipient's language: the lang and dir of the whole message. */
	locale: string;
	/** Plain text: the document title and the heading. Escaped here. */
	title: string;
	/** HTML the template has built, with its own values already escaped (see `escapeHtml`). Inserted as is. */
	bodyHtml: string;
	/** Plain text under the message, e.g. why the recipient gets it. Escaped here. */
	footer?: string;
	/** Plain text mail apps show after the subject in a list; hidden in the message itself. */
	preheader?: string;
}

// Fonts every mail client has, with Noto for Devanagari; nothing is fetched.
const fontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Devanagari', Arial, sans-serif";

/**
 * Wraps a message's HTML in a plain, readable e-mail layout: one column at most
 * 600px wide, inline styles (many clients drop <style>), layout tables marked as
 * presentation for screen readers, the language and direction set, and text
 * colours with at least 4.5:1 contrast. It adds no words of its own; the text part
 * is written by each template.
 */
export function mailLayout(options: MailLayoutOptions): string {
	const title = escapeHtml(options.title);
	const lang = escapeHtml(options.locale);
	const dir = textDirection(options.locale);
	const footer = options.footer
		? `<tr><td style="padding:16px 24px;font-family:${fontStack};font-size:14px;line-height:1.5;color:#4a4a4a;">${escapeHtml(options.footer)}</td></tr>`
		: '';
	return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
${options.preheader ? `<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(options.preheader)}</div>\n` : ''}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f4;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
<tr><td style="padding:24px;background-color:#ffffff;border-radius:4px;font-family:${fontStack};font-size:16px;line-height:1.6;color:#1a1a1a;text-align:${dir === 'rtl' ? 'right' : 'left'};">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1a1a1a;">${title}</h1>
${options.bodyHtml}
</td></tr>
${footer}
</table>
</td></tr>
</table>
</body>
</html>`;
}
