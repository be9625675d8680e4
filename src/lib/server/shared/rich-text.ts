import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/*
 * Rich text is stored as sanitized HTML and rendered as it is on the server
 * (LocalizedHtml.svelte). Everything that can run script or load something is
 * removed when it is saved — and again when it is published — so what reaches
 * a public page is only this small vocabulary.
 */

export const richTextTags = ['p', 'h2', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'br'] as const;

/** Links may go to the web, to an e-mail address, or to a page of this site ("/about"). */
export function isAllowedHref(href: string): boolean {
	const value = href.trim();
	return /^(https?:\/\/|mailto:)/i.test(value) || /^\/(?![/\\])/.test(value);
}

const emptiable = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'a']);

/**
 * A photo of this site's media library as a campaign shows it: its JPEG variant
 * for e-mail (`/media/<public key>/<width>.jpg`), never an address elsewhere
 * (which would tell another server who opened the e-mail, and when).
 */
export const campaignImageSrc = /^\/media\/[A-Za-z0-9_-]{10,64}\/[1-9][0-9]{1,3}\.jpg$/;

/** Widest an image is drawn in an e-mail: the usual width of an e-mail's column. */
export const campaignImageMaxWidth = 600;

const options: sanitizeHtml.IOptions = {
	allowedTags: [...richTextTags],
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	allowedClasses: {},
	allowedStyles: {},
	disallowedTagsMode: 'discard',
	// Disallowed tags whose content is not text for a reader: dropped with their content.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'embed', 'template', 'title', 'head', 'svg', 'math', 'canvas', 'video', 'audio'],
	// Elements with no text are dropped: an editor's trailing empty paragraph, an emptied list item or link.
	exclusiveFilter: (frame) => emptiable.has(frame.tag) && frame.text.trim() === '',
	transformTags: {
		b: 'strong',
		i: 'em',
		h1: 'h2',
		h4: 'h3',
		h5: 'h3',
		h6: 'h3',
		// The href has been decoded from entities here; only the forms above survive.
		a: (tagName, attribs) => {
			const href = attribs.href;
			const kept: sanitizeHtml.Attributes = href !== undefined && isAllowedHref(href) ? { href: href.trim(), rel: 'noopener' } : { rel: 'noopener' };
			return { tagName, attribs: kept };
		}
	}
};

const dimension = (value: string | undefined, max: number) => (value !== undefined && /^[1-9][0-9]{0,3}$/.test(value) && Number(value) <= max ? value : undefined);

/** Campaign bodies: the same vocabulary, plus images of the media library with their size and alt text. */
const campaignOptions: sanitizeHtml.IOptions = {
	...options,
	allowedTags: [...richTextTags, 'img'],
	allowedAttributes: { a: ['href', 'rel'], img: ['src', 'width', 'height', 'alt'] },
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	// An image of anywhere else is dropped whole; a paragraph holding an image is not empty.
	exclusiveFilter: (frame) =>
		(frame.tag === 'img' && !campaignImageSrc.test(frame.attribs.src ?? '')) ||
		(emptiable.has(frame.tag) && frame.text.trim() === '' && frame.mediaChildren.length === 0),
	transformTags: {
		...options.transformTags,
		img: (tagName, attribs) => {
			const width = dimension(attribs.width, campaignImageMaxWidth);
			const height = width ? dimension(attribs.height, 4 * campaignImageMaxWidth) : undefined;
			return {
				tagName,
				attribs: { src: attribs.src ?? '', ...(width && height ? { width, height } : {}), alt: (attribs.alt ?? '').replace(/\s+/g, ' ').trim().slice(0, 500) }
			};
		}
	}
};

/**
 * A campaign's body: rich text (`sanitizeRichText`) that may also hold photos of
 * the media library, as `<img>` with its e-mail variant, width, height and alt text.
 * A body with images and no text is kept.
 */
export function sanitizeCampaignHtml(input: string): string {
	const source = hasBlockMarkup(input) || /<img\b/i.test(input) ? input : paragraphsFromPlainText(input);
	const clean = sanitizeHtml(source, campaignOptions).trim();
	return htmlToText(clean) === '' && !/<img\b/.test(clean) ? '' : clean;
}

/**
 * The HTML kept for a rich-text field. Text typed without block markup (in the
 * plain textarea a form has without JavaScript) becomes paragraphs, one per
 * blank-line-separated block, keeping any inline markup. A field with no
 * visible text is stored as ''.
 */
export function sanitizeRichText(input: string): string {
	const source = hasBlockMarkup(input) ? input : paragraphsFromPlainText(input);
	const clean = sanitizeHtml(source, options).trim();
	return htmlToText(clean) === '' ? '' : clean;
}

function hasBlockMarkup(input: string): boolean {
	return /<\/?(p|h[1-6]|ul|ol|li|blockquote|div|section|article|table)\b/i.test(input);
}

function paragraphsFromPlainText(input: string): string {
	return input
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter((block) => block !== '')
		.map((block) => `<p>${block.replace(/\n/g, '<br>')}</p>`)
		.join('');
}

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'div', 'section', 'article', 'br']);

/**
 * The readable text of some HTML: one line per block, entities decoded. With
 * `links`, a link's address follows its text in brackets, so a changed address
 * shows in a diff.
 */
export function htmlToText(html: string, options: { links?: boolean } = {}): string {
	let out = '';
	const hrefs: (string | undefined)[] = [];
	let skipping = 0;
	const parser = new Parser(
		{
			onopentag(name, attribs) {
				if (name === 'script' || name === 'style') skipping++;
				if (blockTags.has(name)) out += '\n';
				if (name === 'li') out += '• ';
				if (name === 'a') hrefs.push(attribs.href);
			},
			ontext(text) {
				if (skipping === 0) out += text;
			},
			onclosetag(name) {
				if (name === 'script' || name === 'style') skipping--;
				if (name === 'a') {
					const href = hrefs.pop();
					if (options.links && href) out += ` [${href}]`;
				}
				if (blockTags.has(name)) out += '\n';
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	return out
		.split('\n')
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter((line) => line !== '' && line !== '•')
		.join('\n');
}

/** True when rich text has nothing a reader would see. */
export function isBlankRichText(html: string | undefined): boolean {
	return !html || htmlToText(html) === '';
}
