import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { escapeHtml, mailLayout } from './mail-layout';

/*
 * A message written as blocks, turned into its text part and its HTML part in
 * one place, so that every e-mail the site sends has the same buttons, the same
 * fallback address under each button and the same footer line.
 */

/** A line of a block of lines: text, or a label with an address (a link in HTML, spelled out in text). */
export type MailLine = string | { label: string; href: string };

export type MailBlock =
	/** A paragraph; `html`, when given, is the same text already escaped (e.g. with a part marked in another language). */
	| { text: string; html?: string }
	/** Short lines kept together, e.g. a date and a place. */
	| { lines: MailLine[] }
	| { heading: string }
	/** A button with the address spelled out under it, for mail apps that do not show buttons. */
	| { button: string; href: string };

export interface ComposedMail {
	subject: string;
	text: string;
	html: string;
}

const buttonStyle = 'display:inline-block;padding:12px 20px;border-radius:999px;background:#c2410c;color:#ffffff;font-weight:bold;text-decoration:none;';
const linkStyle = 'color:#1a1a1a;word-break:break-all;';

function lineText(line: MailLine): string {
	return typeof line === 'string' ? line : `${line.label}: ${line.href}`;
}

function lineHtml(line: MailLine): string {
	return typeof line === 'string' ? escapeHtml(line) : `${escapeHtml(line.label)}: <a href="${escapeHtml(line.href)}" style="${linkStyle}">${escapeHtml(line.href)}</a>`;
}

function blockText(block: MailBlock): string {
	if ('text' in block) return block.text;
	if ('lines' in block) return block.lines.map(lineText).join('\n');
	if ('heading' in block) return block.heading;
	return `${block.button}: ${block.href}`;
}

function blockHtml(block: MailBlock, locale: Locale): string {
	if ('text' in block) return `<p>${block.html ?? escapeHtml(block.text).replaceAll('\n', '<br>')}</p>`;
	if ('lines' in block) return `<p>${block.lines.map(lineHtml).join('<br>')}</p>`;
	if ('heading' in block) return `<h2 style="margin:24px 0 8px;font-size:18px;line-height:1.3;color:#1a1a1a;">${escapeHtml(block.heading)}</h2>`;
	const href = escapeHtml(block.href);
	return (
		`<p><a href="${href}" style="${buttonStyle}">${escapeHtml(block.button)}</a></p>` +
		`<p style="font-size:14px;color:#4a4a4a;">${escapeHtml(m.mail_link_fallback({}, { locale }))}<br><a href="${href}" style="${linkStyle}">${href}</a></p>`
	);
}

/** One message from blocks: the text part spells out every address, the HTML part has buttons and links, both end with the footer. */
export function composeMail(locale: Locale, subject: string, footer: string, blocks: readonly MailBlock[]): ComposedMail {
	return {
		subject,
		text: [...blocks.map(blockText), '--', footer].join('\n\n'),
		html: mailLayout({ locale, title: subject, footer, bodyHtml: blocks.map((block) => blockHtml(block, locale)).join('') })
	};
}
