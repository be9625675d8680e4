import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlToText, isAllowedHref, richTextTags, sanitizeCampaignHtml, sanitizeRichText } from './rich-text';

/** Every tag and attribute of some HTML, as a browser-like parser reads it (entities decoded). */
function parse(html: string) {
	const tags: { name: string; attribs: Record<string, string> }[] = [];
	const parser = new Parser({ onopentag: (name, attribs) => tags.push({ name, attribs }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
	parser.write(html);
	parser.end();
	return tags;
}

const allowedTag = new RegExp(`^</?(${richTextTags.join('|')})(\\s|>|/)`, 'i');

/** Fails when the HTML holds anything that could run script, load something, or style the page. */
function expectInert(html: string) {
	// Every '<' left in the output starts one of the allowed tags: text '<' must have been escaped.
	for (const match of html.matchAll(/</g)) {
		expect(html.slice(match.index, match.index + 14), `in ${html}`).toMatch(allowedTag);
	}
	for (const tag of parse(html)) {
		expect(richTextTags as readonly string[], `tag in ${html}`).toContain(tag.name);
		const names = Object.keys(tag.attribs);
		if (tag.name === 'a') {
			expect(names.every((n) => n === 'href' || n === 'rel'), `attributes in ${html}`).toBe(true);
			expect(tag.attribs.rel).toBe('noopener');
			if (tag.attribs.href !== undefined) {
				expect(isAllowedHref(tag.attribs.href), `href in ${html}`).toBe(true);
				expect(tag.attribs.href.replace(/[\s\p{Cc}]/gu, '')).not.toMatch(/^(javascript|data|vbscript):/i);
			}
		} else {
			expect(names, `attributes in ${html}`).toEqual([]);
		}
	}
}

const hostile: [string, string][] = [
	['script tag', '<p>Hello</p><script>alert(1)</script>'],
	['script with attributes', '<script src="https://evil.example/x.js"></script><p>after</p>'],
	['img onerror', '<p>Look <img src=x onerror=alert(1)></p>'],
	['javascript: link', '<a href="javascript:alert(1)">click</a>'],
	['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(document.cookie)">click</a>'],
	['javascript: with leading space and tab', '<a href=" \tjava\tscript:alert(1)">click</a>'],
	['javascript: as decimal entities', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
	['javascript: with padded entity, no semicolon', '<a href="&#0000106avascript:alert(1)">x</a>'],
	['javascript: colon as named entity', '<a href="javascript&colon;alert(1)">x</a>'],
	['javascript: with control character', '<a href="\u0001javascript:alert(1)">x</a>'],
	['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
	['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
	['data: image', '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">'],
	['protocol-relative link', '<a href="//evil.example/">x</a>'],
	['backslash link', '<a href="/\\evil.example/">x</a>'],
	['svg onload', '<svg onload=alert(1)><circle r="1"/></svg><p>ok</p>'],
	['svg with script', '<svg><script>alert(1)</script></svg>'],
	['iframe', '<iframe src="https://evil.example"></iframe>'],
	['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
	['style attribute', '<p style="background:url(javascript:alert(1))">styled</p>'],
	['style element', '<style>body{display:none}</style><p>x</p>'],
	['event handler on an allowed tag', '<p onclick="alert(1)">click</p><a href="https://ok.example" onmouseover="alert(1)">ok</a>'],
	['class and id', '<p class="x" id="y">x</p>'],
	['unclosed tags', '<p><strong><em>never closed'],
	['nested script split', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
	['doubled angle brackets', '<<script>script>alert(1)<</script>/script>'],
	['escaped script stays text', '&lt;script&gt;alert(1)&lt;/script&gt;'],
	['comment hiding markup', '<!--<img src=x onerror=alert(1)>--><p>x</p>'],
	['conditional comment', '<!--[if IE]><script>alert(1)</script><![endif]-->'],
	['cdata', '<![CDATA[<script>alert(1)</script>]]>'],
	['noscript breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
	['math mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
	['template', '<template><script>alert(1)</script></template>'],
	['textarea breakout', '<textarea></textarea><script>alert(1)</script>'],
	['form and input', '<form action="javascript:alert(1)"><input autofocus onfocus=alert(1)><button>go</button></form>'],
	['object and embed', '<object data="x.swf"></object><embed src="x.swf">'],
	['base and meta', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
	['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
	['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
	['attribute quote breakout', '<a href="https://ok.example/" title="x" onmouseover="alert(1)"">x</a>'],
	['target blank', '<a href="https://ok.example/" target="_blank">x</a>']
];

describe('sanitizeRichText', () => {
	it.each(hostile)('neutralises %s', (_name, payload) => {
		const clean = sanitizeRichText(payload);
		expectInert(clean);
		expect(clean.toLowerCase()).not.toContain('<script');
		expect(clean.toLowerCase()).not.toMatch(/\son[a-z]+=/);
	});

	it('keeps the allowed vocabulary, with safe links marked noopener', () => {
		const html =
			'<h2>Title</h2><p>Some <strong>bold</strong> and <em>italic</em><br>text.</p><h3>Sub</h3><ul><li>one</li></ul><ol><li>two</li></ol>' +
			'<blockquote><p>quoted</p></blockquote><p><a href="https://example.org/a?b=1&amp;c=2">web</a> <a href="mailto:hi@example.org">mail</a> <a href="/about">here</a></p>';
		expect(sanitizeRichText(html)).toBe(
			'<h2>Title</h2><p>Some <strong>bold</strong> and <em>italic</em><br />text.</p><h3>Sub</h3><ul><li>one</li></ul><ol><li>two</li></ol>' +
				'<blockquote><p>quoted</p></blockquote><p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener">web</a> <a href="mailto:hi@example.org" rel="noopener">mail</a> <a href="/about" rel="noopener">here</a></p>'
		);
	});

	it('drops a dangerous link target but keeps its text, and removes script content entirely', () => {
		expect(sanitizeRichText('<p><a href="javascript:alert(1)">click</a></p>')).toBe('<p><a rel="noopener">click</a></p>');
		expect(sanitizeRichText('<p>Hello</p><script>alert(1)</script>')).toBe('<p>Hello</p>');
		expect(sanitizeRichText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
	});

	it('maps near relatives onto the allowed tags', () => {
		expect(sanitizeRichText('<h1>a</h1><h4>b</h4><p><b>c</b><i>d</i></p>')).toBe('<h2>a</h2><h3>b</h3><p><strong>c</strong><em>d</em></p>');
	});

	it('turns text typed without block markup into paragraphs, escaping what looks like markup', () => {
		expect(sanitizeRichText('First line\nsame paragraph\n\nSecond & last 5 < 6')).toBe('<p>First line<br />same paragraph</p><p>Second &amp; last 5 &lt; 6</p>');
		expect(sanitizeRichText('Hola <b>amigos</b>\r\n\r\nSegunda <script>alert(1)</script>línea')).toBe('<p>Hola <strong>amigos</strong></p><p>Segunda línea</p>');
	});

	it('drops elements left without text, as an editor leaves them', () => {
		expect(sanitizeRichText('<p>One</p><ul><li><p></p></li></ul><h2> </h2><p><strong></strong>Two<br>lines</p><p></p>')).toBe('<p>One</p><p>Two<br />lines</p>');
	});

	it('stores a field with nothing visible as empty', () => {
		expect(sanitizeRichText('<p></p>')).toBe('');
		expect(sanitizeRichText('<p> <br></p><script>x</script>')).toBe('');
		expect(sanitizeRichText('   ')).toBe('');
	});
});

describe('htmlToText', () => {
	it('gives one line per block, decoded, with link addresses on request', () => {
		const html = '<h2>Hi &amp; welcome</h2><p>Read <a href="https://example.org">this</a>.</p><ul><li>one</li><li>two</li></ul>';
		expect(htmlToText(html)).toBe('Hi & welcome\nRead this.\n• one\n• two');
		expect(htmlToText(html, { links: true })).toBe('Hi & welcome\nRead this [https://example.org].\n• one\n• two');
	});
});

describe('sanitizeCampaignHtml', () => {
	const src = '/media/AbCdEfGhIjKlMnOpQrStUv/640.jpg';

	it('keeps a photo of the media library with its size and alt text, in a paragraph or alone', () => {
		expect(sanitizeCampaignHtml(`<p>Hello</p><img src="${src}" width="600" height="400" alt="A painted wall" onerror="x()" style="a">`)).toBe(
			`<p>Hello</p><img src="${src}" width="600" height="400" alt="A painted wall" />`
		);
		expect(sanitizeCampaignHtml(`<p><img src="${src}" width="600" height="400" alt=""></p>`)).toBe(`<p><img src="${src}" width="600" height="400" alt="" /></p>`);
	});

	it('drops images from anywhere else, and sizes beyond an e-mail’s column', () => {
		for (const other of ['https://tracker.example/pixel.gif', '//evil.example/media/AbCdEfGhIjKlMnOpQrStUv/640.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '/media/AbCdEfGhIjKlMnOpQrStUv/640.png', '/media/../admin/640.jpg']) {
			expect(sanitizeCampaignHtml(`<p>Text</p><img src="${other}" alt="x">`), other).toBe('<p>Text</p>');
		}
		expect(sanitizeCampaignHtml(`<p>T</p><img src="${src}" width="1200" height="800" alt="x">`)).toBe(`<p>T</p><img src="${src}" alt="x" />`);
	});

	it('keeps other rich text exactly as the rich-text fields do', () => {
		const html = '<h2>News</h2><p><a href="/about">About</a> <script>x()</script></p>';
		expect(sanitizeCampaignHtml(html)).toBe(sanitizeRichText(html));
		expect(sanitizeRichText(`<p>T</p><img src="${src}" alt="x">`)).toBe('<p>T</p>');
	});
});
