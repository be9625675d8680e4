import { describe, expect, it } from 'vitest';
import { escapeHtml, mailLayout } from './mail-layout';

describe('mailLayout', () => {
	it('escapes the title and footer, and inserts the body as the template built it', () => {
		const html = mailLayout({
			locale: 'es',
			title: 'Tom & "Jerry" <script>',
			bodyHtml: '<p>Hola <strong>Ana</strong></p>',
			footer: "Recibes esto porque <te> suscribiste & 'más'"
		});
		expect(html).toContain('<title>Tom &amp; &quot;Jerry&quot; &lt;script&gt;</title>');
		expect(html).toContain('>Tom &amp; &quot;Jerry&quot; &lt;script&gt;</h1>');
		expect(html).not.toContain('<script>');
		expect(html).toContain('<p>Hola <strong>Ana</strong></p>');
		expect(html).toContain('Recibes esto porque &lt;te&gt; suscribiste &amp; &#39;más&#39;');
	});

	it("sets the recipient's language and direction, and marks layout tables as presentation", () => {
		const nepali = mailLayout({ locale: 'ne', title: 'स्वागत', bodyHtml: '<p>नमस्ते</p>' });
		expect(nepali).toMatch(/^<!doctype html>\n<html lang="ne" dir="ltr">/);
		expect(nepali).toContain('<meta charset="utf-8">');
		const tables = nepali.match(/<table[^>]*>/g) ?? [];
		expect(tables.length).toBeGreaterThan(0);
		for (const table of tables) expect(table).toContain('role="presentation"');
		expect(nepali).not.toContain('<style');

		const arabic = mailLayout({ locale: 'ar', title: 'مرحبا', bodyHtml: '<p>أهلا</p>' });
		expect(arabic).toContain('<html lang="ar" dir="rtl">');
		expect(arabic).toContain('text-align:right');
	});

	it('leaves out the footer row when there is no footer', () => {
		const html = mailLayout({ locale: 'en', title: 'Hi', bodyHtml: '<p>x</p>' });
		expect(html.match(/<tr>/g)).toHaveLength(2);
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});
});
