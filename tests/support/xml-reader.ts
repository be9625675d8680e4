/*
 * A strict reader of XML 1.0 for tests of the XML the app writes (feeds). Feed
 * parsers are lenient by design — @rowanmanning/feed-parser reads "a & b" or an
 * unclosed tag without complaint and decodes entities twice — so they cannot
 * tell whether a document is well-formed, nor give back exactly the text put in.
 * This one throws on any well-formedness error in what it supports (declaration,
 * elements, attributes, character data, the five entities and character
 * references, CDATA sections, comments) and on anything else (DOCTYPE,
 * processing instructions), and returns text exactly as an XML parser must.
 * Names are read as ASCII, which is all the app writes.
 */

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: (XmlElement | string)[];
}

// XML 1.0 Char production; with the u flag a lone surrogate is a code point outside it.
const allCharacters = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const declaration = /^<\?xml\s+version=(["'])1\.0\1(?:\s+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone=(["'])(?:yes|no)\3)?\s*\?>/;
const nameAt = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const onlyValidReferences = /^(?:[^&]|&(?:#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)*$/;
const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The root element of a document; throws when the document is not well-formed. */
export function readXml(document: string): XmlElement {
	if (!allCharacters.test(document)) throw new Error('XML: a character XML 1.0 does not allow');
	// Line ends are normalized before parsing (XML 1.0 §2.11); a &#13; reference survives.
	const source = document.replace(/\r\n?/g, '\n');
	let position = source.match(declaration)?.[0].length ?? 0;

	function fail(message: string): never {
		throw new Error(`XML at ${position}: ${message}: ${JSON.stringify(source.slice(position, position + 40))}`);
	}
	function at(literal: string): boolean {
		return source.startsWith(literal, position);
	}
	function expect(literal: string) {
		if (!at(literal)) fail(`expected ${literal}`);
		position += literal.length;
	}
	function whitespace(): boolean {
		const start = position;
		while (/[ \t\n]/.test(source[position] ?? '')) position++;
		return position > start;
	}
	function name(): string {
		nameAt.lastIndex = position;
		const match = nameAt.exec(source);
		if (!match) fail('expected a name');
		position += match[0].length;
		return match[0];
	}
	function comment() {
		const end = source.indexOf('-->', position + 4);
		if (end < 0 || source.slice(position + 4, end).includes('--')) fail('bad comment');
		position = end + 3;
	}
	function misc() {
		for (;;) {
			if (whitespace()) continue;
			if (at('<!--')) comment();
			else return;
		}
	}
	function attributeValue(): string {
		const quote = source[position];
		if (quote !== '"' && quote !== "'") fail('expected a quoted value');
		const end = source.indexOf(quote, position + 1);
		if (end < 0) fail('unclosed attribute value');
		const raw = source.slice(position + 1, end);
		if (raw.includes('<')) fail('< in an attribute value');
		position = end + 1;
		// Attribute-value normalization: literal white space becomes a space, references do not.
		return decode(raw.replace(/[\t\n]/g, ' '));
	}
	function element(): XmlElement {
		expect('<');
		const node: XmlElement = { name: name(), attributes: {}, children: [] };
		for (;;) {
			const spaced = whitespace();
			if (at('/>')) {
				position += 2;
				return node;
			}
			if (at('>')) {
				position += 1;
				break;
			}
			if (!spaced) fail('expected white space before an attribute');
			const attributeName = name();
			if (attributeName in node.attributes) fail(`attribute ${attributeName} twice`);
			whitespace();
			expect('=');
			whitespace();
			node.attributes[attributeName] = attributeValue();
		}
		for (;;) {
			if (position >= source.length) fail(`unclosed element ${node.name}`);
			if (at('</')) {
				position += 2;
				if (name() !== node.name) fail(`end tag does not match ${node.name}`);
				whitespace();
				expect('>');
				return node;
			}
			if (at('<!--')) comment();
			else if (at('<![CDATA[')) {
				const end = source.indexOf(']]>', position);
				if (end < 0) fail('unclosed CDATA section');
				node.children.push(source.slice(position + 9, end));
				position = end + 3;
			} else if (at('<!') || at('<?')) fail('unsupported markup');
			else if (at('<')) node.children.push(element());
			else {
				const end = source.indexOf('<', position);
				const raw = source.slice(position, end < 0 ? source.length : end);
				if (raw.includes(']]>')) fail(']]> in character data');
				node.children.push(decode(raw));
				position += raw.length;
			}
		}
	}
	function decode(raw: string): string {
		if (!onlyValidReferences.test(raw)) fail(`a bare & or unknown entity in ${JSON.stringify(raw)}`);
		return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, reference: string) => {
			if (!reference.startsWith('#')) return predefined[reference] ?? fail(`entity ${reference}`);
			const code = reference.startsWith('#x') ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
			const character = code <= 0x10ffff ? String.fromCodePoint(code) : '';
			if (character === '' || !allCharacters.test(character)) fail(`reference to a character XML does not allow: ${reference}`);
			return character;
		});
	}

	misc();
	if (at('<!') || at('<?')) fail('unsupported markup');
	const root = element();
	misc();
	if (position !== source.length) fail('content after the root element');
	return root;
}

/** The element's text, its children's included. */
export function textOf(node: XmlElement): string {
	return node.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

export function childrenNamed(node: XmlElement, name: string): XmlElement[] {
	return node.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}
