/*
 * Block capitals for the demo artworks' posters and window letters, drawn as
 * strokes on a grid six units high. Paths rather than <text>: the machine that
 * renders the SVG may have no fonts at all, and a photo must look the same
 * wherever it is made.
 */

interface Glyph {
	/** Units wide, from the left edge of the stroke's centre line to the right one. */
	width: number;
	path: string;
}

const round = 'M2 0Q0 0 0 2L0 4Q0 6 2 6Q4 6 4 4L4 2Q4 0 2 0Z';
const bowl = 'M0 6L0 0L2.5 0Q4 0 4 1.6Q4 3.2 2.5 3.2L0 3.2';

const glyphs: Record<string, Glyph> = {
	A: { width: 4, path: 'M0 6L0 2Q0 0 2 0Q4 0 4 2L4 6M0 3.6L4 3.6' },
	B: { width: 4, path: 'M0 3L2.6 3Q4 3 4 4.5Q4 6 2.6 6L0 6L0 0L2.4 0Q3.7 0 3.7 1.5Q3.7 3 2.4 3' },
	C: { width: 4, path: 'M4 0.7Q3.4 0 2 0Q0 0 0 2L0 4Q0 6 2 6Q3.4 6 4 5.3' },
	D: { width: 4, path: 'M0 0L0 6L2 6Q4 6 4 4L4 2Q4 0 2 0Z' },
	E: { width: 3.6, path: 'M3.6 0L0 0L0 6L3.6 6M0 3L3 3' },
	F: { width: 3.6, path: 'M3.6 0L0 0L0 6M0 3L3 3' },
	G: { width: 4, path: 'M4 0.7Q3.4 0 2 0Q0 0 0 2L0 4Q0 6 2 6Q4 6 4 4L4 3.2L2.2 3.2' },
	H: { width: 4, path: 'M0 0L0 6M4 0L4 6M0 3L4 3' },
	I: { width: 0, path: 'M0 0L0 6' },
	J: { width: 3.6, path: 'M3.6 0L3.6 4Q3.6 6 1.8 6Q0 6 0 4.4' },
	K: { width: 4, path: 'M0 0L0 6M4 0L0.4 3.4M1.6 2.4L4 6' },
	L: { width: 3.6, path: 'M0 0L0 6L3.6 6' },
	M: { width: 5, path: 'M0 6L0 0L2.5 3.6L5 0L5 6' },
	N: { width: 4, path: 'M0 6L0 0L4 6L4 0' },
	O: { width: 4, path: round },
	P: { width: 4, path: bowl },
	Q: { width: 4, path: `${round}M2.6 4.4L4.2 6.2` },
	R: { width: 4, path: `${bowl}M2.2 3.2L4 6` },
	S: { width: 4, path: 'M4 0.7Q3.4 0 2 0Q0 0 0 1.6Q0 3 2 3Q4 3 4 4.4Q4 6 2 6Q0.6 6 0 5.3' },
	T: { width: 4, path: 'M0 0L4 0M2 0L2 6' },
	U: { width: 4, path: 'M0 0L0 4Q0 6 2 6Q4 6 4 4L4 0' },
	V: { width: 4, path: 'M0 0L2 6L4 0' },
	W: { width: 5.4, path: 'M0 0L1.3 6L2.7 2.2L4.1 6L5.4 0' },
	X: { width: 4, path: 'M0 0L4 6M4 0L0 6' },
	Y: { width: 4, path: 'M0 0L2 3L4 0M2 3L2 6' },
	Z: { width: 4, path: 'M0 0L4 0L0 6L4 6' }
};

/** Stroke width in grid units: heavy, as poster lettering is. */
export const letterWeight = 1.3;
const letterGap = 0.9;

export interface LetterRun {
	/** Path data in grid units, starting at x 0 and six units high (strokes overhang by half the weight). */
	path: string;
	/** Units wide, strokes included. */
	width: number;
}

/** One glyph, for a letter standing alone (in a window); unknown characters give nothing. */
export function letterPath(letter: string): LetterRun | undefined {
	const glyph = glyphs[letter];
	if (!glyph) return undefined;
	return { path: shiftPath(glyph.path, letterWeight / 2), width: glyph.width + letterWeight };
}

/** A word set in one line; spaces and unknown characters leave a gap. */
export function wordPath(word: string): LetterRun {
	let x = letterWeight / 2;
	const parts: string[] = [];
	for (const letter of word.toUpperCase()) {
		const glyph = glyphs[letter];
		if (!glyph) {
			x += 2.4;
			continue;
		}
		parts.push(shiftPath(glyph.path, x));
		x += glyph.width + letterWeight + letterGap;
	}
	return { path: parts.join(''), width: Math.max(0, x - letterGap - letterWeight / 2) };
}

/** Moves absolute path data right; every glyph is written with x before y in each pair. */
function shiftPath(path: string, dx: number): string {
	return path.replace(/([MLQ])([^MLQZ]+)/g, (_, command: string, numbers: string) => {
		const values = numbers.trim().split(/[\s,]+/).map(Number);
		const moved = values.map((value, index) => (index % 2 === 0 ? value + dx : value));
		return command + moved.map((value) => Math.round(value * 100) / 100).join(' ');
	});
}
