import { letterPath, letterWeight, wordPath } from './demo-artwork-letters';

/*
 * The demo's photos, composed at seed time: the organization ships no
 * photographs, and pictures of people would be someone's likeness. Each one is
 * an abstract piece of the kind an arts organization documents (a mural, a wall
 * of posters, a projection, letters in windows, a paper cut), drawn as SVG that
 * sharp's librsvg renders. Everything follows from the seed, so the same demo
 * always gets the same photos. Filters are few and small (the grain is one tile
 * of noise, repeated): a full-frame filter costs a second of rendering.
 */

export type DemoArtworkStyle = 'mural' | 'wheatpaste' | 'projection' | 'window-words' | 'paper-cut';

export const demoArtworkStyles: readonly DemoArtworkStyle[] = ['mural', 'wheatpaste', 'projection', 'window-words', 'paper-cut'];

/** 3:2, as a camera's photo. */
export const demoArtworkSize = { width: 1600, height: 1067 } as const;

export interface DemoArtworkSpec {
	style: DemoArtworkStyle;
	seed: number;
}

const W = demoArtworkSize.width;
const H = demoArtworkSize.height;

/** The artwork as an SVG document, the same for the same spec. */
export function demoArtworkSvg(spec: DemoArtworkSpec): string {
	const random = seededRandom(spec.seed);
	const art = painters[spec.style](random);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
		`<defs>${art.defs.join('')}${grainDefs(random)}${vignetteDefs()}</defs>` +
		`${art.body}` +
		`<rect width="${W}" height="${H}" fill="url(#grain)" opacity="${art.grain ?? 0.3}" style="mix-blend-mode:overlay"/>` +
		`<rect width="${W}" height="${H}" fill="url(#vignette)"/>` +
		'</svg>'
	);
}

interface Painted {
	defs: string[];
	body: string;
	/** How much film grain goes over the whole picture. */
	grain?: number;
}

const painters: Record<DemoArtworkStyle, (random: Random) => Painted> = {
	mural: paintMural,
	wheatpaste: paintWheatpaste,
	projection: paintProjection,
	'window-words': paintWindowWords,
	'paper-cut': paintPaperCut
};

// ---------------------------------------------------------------------------
// Randomness and colour

interface Random {
	/** In [0, 1). */
	next(): number;
	between(min: number, max: number): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
	shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast and well spread; Math.random cannot be seeded. */
function seededRandom(seed: number): Random {
	let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const random: Random = {
		next,
		between: (min, max) => min + (max - min) * next(),
		int: (min, max) => Math.floor(min + (max - min + 1) * next()),
		pick: (items) => items[Math.floor(next() * items.length)]!,
		chance: (probability) => next() < probability,
		shuffle: (items) => {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j]!, copy[i]!];
			}
			return copy;
		}
	};
	return random;
}

interface Palette {
	/** Five colours that sit well together, strongest first. */
	colors: readonly string[];
	/** The dark line and lettering colour. */
	ink: string;
	/** Unpainted paper or primer. */
	paper: string;
}

/** Chosen by hand, so that every seed looks designed rather than random. */
const palettes: readonly Palette[] = [
	{ colors: ['#f94144', '#f9c74f', '#43aa8b', '#277da1', '#f3722c'], ink: '#1b1b2f', paper: '#f4efe6' },
	{ colors: ['#ff48b0', '#0078bf', '#ffe800', '#00a95c', '#ff6c2f'], ink: '#1d1d1b', paper: '#f2ede4' },
	{ colors: ['#e63946', '#f1c453', '#1d3557', '#457b9d', '#a8dadc'], ink: '#14213d', paper: '#f1faee' },
	{ colors: ['#d1495b', '#edae49', '#00798c', '#30638e', '#66a182'], ink: '#003d5b', paper: '#f3ead8' },
	{ colors: ['#ef476f', '#ffd166', '#06d6a0', '#118ab2', '#8e6c8a'], ink: '#073b4c', paper: '#fbf6ec' },
	{ colors: ['#ffbe0b', '#fb5607', '#ff006e', '#8338ec', '#3a86ff'], ink: '#1a1423', paper: '#fdf6e9' },
	{ colors: ['#e07a5f', '#f2cc8f', '#81b29a', '#3d405b', '#c8553d'], ink: '#2b2d42', paper: '#f4f1de' },
	{ colors: ['#ff595e', '#ffca3a', '#8ac926', '#1982c4', '#6a4c93'], ink: '#22223b', paper: '#f8f4ec' }
];

/** Short words of the kind community posters carry; none of them is anyone's name. */
const posterWords = ['EMPOWER', 'CLIMATE', 'TOGETHER', 'LISTEN', 'REPAIR', 'BELONG', 'GATHER', 'IMAGINE', 'COMMONS', 'HOME', 'RISE', 'OPEN', 'CARE', 'HERE'];
/** Window installations spell one word across a row, a letter to a window. */
const windowWords = ['WELCOME', 'EMPOWER', 'LISTEN', 'BELONG', 'GATHER', 'IMAGINE', 'TOGETHER', 'COMMONS', 'REPAIR', 'DREAM', 'HOPE', 'CARE', 'HOME'];

/** Mixes two #rrggbb colours; 0 is the first. */
function mix(a: string, b: string, amount: number): string {
	const channel = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
	const parts = [0, 1, 2].map((i) => Math.round(channel(a, i) * (1 - amount) + channel(b, i) * amount));
	return `#${parts.map((part) => part.toString(16).padStart(2, '0')).join('')}`;
}

/** Numbers for SVG: one decimal is finer than a pixel and keeps the file small. */
function n(value: number): string {
	return String(Math.round(value * 10) / 10);
}

// ---------------------------------------------------------------------------
// Shapes

type Point = [number, number];

/** A closed smooth curve through the points (Catmull-Rom as cubic Béziers). */
function smoothClosed(points: readonly Point[]): string {
	const count = points.length;
	const at = (i: number) => points[(i + count) % count]!;
	let path = `M${n(at(0)[0])} ${n(at(0)[1])}`;
	for (let i = 0; i < count; i++) {
		const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
		const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
		const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
		path += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
	}
	return `${path}Z`;
}

/** An open smooth curve through the points. */
function smoothOpen(points: readonly Point[]): string {
	const at = (i: number) => points[Math.max(0, Math.min(points.length - 1, i))]!;
	let path = `M${n(at(0)[0])} ${n(at(0)[1])}`;
	for (let i = 0; i < points.length - 1; i++) {
		const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
		const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
		const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
		path += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
	}
	return path;
}

/** An organic blob around a centre: points at even angles, each at its own radius. */
function blob(random: Random, cx: number, cy: number, rx: number, ry: number, wobble = 0.28, count = random.int(6, 9)): { path: string; points: Point[] } {
	const turn = random.between(0, Math.PI * 2);
	const points: Point[] = [];
	for (let i = 0; i < count; i++) {
		const angle = turn + (i / count) * Math.PI * 2 + random.between(-0.2, 0.2);
		const scale = 1 + random.between(-wobble, wobble);
		points.push([cx + Math.cos(angle) * rx * scale, cy + Math.sin(angle) * ry * scale]);
	}
	return { path: smoothClosed(points), points };
}

/** A leaf pointing up from its base at the origin, for use inside a transform. */
function leafPath(length: number, width: number): string {
	const w = width / 2;
	return `M0 0C${n(-w * 1.3)} ${n(-length * 0.3)} ${n(-w * 0.6)} ${n(-length * 0.8)} 0 ${n(-length)}C${n(w * 0.6)} ${n(-length * 0.8)} ${n(w * 1.3)} ${n(-length * 0.3)} 0 0Z`;
}

/** The outline of a sheet of paper w×h with torn, uneven edges, as polygon points. */
function tornSheet(random: Random, w: number, h: number, roughness: number): string {
	const points: Point[] = [];
	const edge = (from: Point, to: Point, normal: Point) => {
		const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
		const steps = Math.max(2, Math.round(length / random.between(18, 28)));
		for (let i = 0; i < steps; i++) {
			const t = i / steps;
			const inset = random.chance(0.25) ? random.between(0, roughness) : random.between(0, roughness * 0.35);
			points.push([from[0] + (to[0] - from[0]) * t + normal[0] * inset, from[1] + (to[1] - from[1]) * t + normal[1] * inset]);
		}
	};
	edge([0, 0], [w, 0], [0, 1]);
	edge([w, 0], [w, h], [-1, 0]);
	edge([w, h], [0, h], [0, -1]);
	edge([0, h], [0, 0], [1, 0]);
	// A corner torn away: its point pulled inwards.
	if (random.chance(0.6)) {
		const corner = random.int(0, 3) * Math.floor(points.length / 4);
		const depth = random.between(30, 90);
		for (let i = 0; i < 4; i++) {
			const point = points[(corner + i) % points.length]!;
			point[0] += (w / 2 - point[0]) * (depth / w) * (4 - i) * 0.5;
			point[1] += (h / 2 - point[1]) * (depth / h) * (4 - i) * 0.5;
		}
	}
	return points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
}

/** A word in block capitals, fitted into a box by its width (or height, whichever is tighter). */
function lettering(word: string, x: number, y: number, boxWidth: number, boxHeight: number, color: string, align: 'left' | 'center' = 'left'): string {
	const run = wordPath(word);
	const glyphHeight = 6 + letterWeight;
	const scale = Math.min(boxWidth / run.width, boxHeight / glyphHeight);
	const left = align === 'center' ? x + (boxWidth - run.width * scale) / 2 : x;
	const top = y + (letterWeight / 2) * scale;
	return (
		`<path d="${run.path}" transform="translate(${n(left)} ${n(top)}) scale(${Math.round(scale * 1000) / 1000})" ` +
		`fill="none" stroke="${color}" stroke-width="${letterWeight}" stroke-linejoin="round" stroke-linecap="butt"/>`
	);
}

// ---------------------------------------------------------------------------
// Light and grain, shared by every picture

/**
 * Film grain: one 256-pixel tile of grey noise, repeated (a full-frame turbulence
 * filter takes a second), laid over with `overlay` so that it roughens the
 * midtones and leaves the night's blacks black.
 */
function grainDefs(random: Random): string {
	return (
		`<filter id="grain-noise" x="0" y="0" width="100%" height="100%">` +
		`<feTurbulence type="fractalNoise" baseFrequency="0.8" numOctaves="2" seed="${random.int(1, 999)}" stitchTiles="stitch"/>` +
		'<feColorMatrix type="matrix" values="1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 0 0 0 0 1"/></filter>' +
		'<pattern id="grain" width="256" height="256" patternUnits="userSpaceOnUse">' +
		'<rect width="256" height="256" filter="url(#grain-noise)"/></pattern>'
	);
}

/** Darker corners, as a lens gives. */
function vignetteDefs(): string {
	return (
		`<radialGradient id="vignette" cx="50%" cy="48%" r="75%">` +
		'<stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.42"/></radialGradient>'
	);
}

// ---------------------------------------------------------------------------
// Mural: a painted brick wall in a laneway

function paintMural(random: Random): Painted {
	const palette = random.pick(palettes);
	const colors = random.shuffle(palette.colors);
	const defs: string[] = [];
	const skyHeight = random.chance(0.5) ? random.int(40, 90) : 0;
	const wallBottom = random.int(780, 830);
	const paintBottom = wallBottom - random.int(46, 70);
	const paintTop = skyHeight + random.int(0, 30);
	let body = '';

	// The wall, then the paint on it.
	if (skyHeight > 0) {
		defs.push(linearGradient('sky', [[0, '#9fc3dd'], [1, '#dde9ef']], 90));
		body += `<rect width="${W}" height="${skyHeight + 2}" fill="url(#sky)"/>`;
	}
	body += `<rect y="${skyHeight}" width="${W}" height="${wallBottom - skyHeight}" fill="#a39a90"/>`;
	if (skyHeight > 0) body += `<rect y="${skyHeight - 4}" width="${W}" height="14" fill="#6f6a66"/>`;

	const mural = `<clipPath id="mural-area"><rect y="${paintTop}" width="${W}" height="${paintBottom - paintTop}"/></clipPath>`;
	defs.push(mural);
	defs.push(
		`<pattern id="mural-dots" width="34" height="34" patternUnits="userSpaceOnUse"><rect width="34" height="34" fill="${colors[3]}"/><circle cx="17" cy="17" r="7" fill="${palette.paper}"/></pattern>`,
		`<pattern id="mural-stripes" width="44" height="44" patternUnits="userSpaceOnUse" patternTransform="rotate(${random.int(20, 70)})"><rect width="44" height="44" fill="${colors[2]}"/><rect width="18" height="44" fill="${colors[4]}"/></pattern>`
	);
	let paint = `<rect y="${paintTop}" width="${W}" height="${paintBottom - paintTop}" fill="${colors[0]}"/>`;

	// Large sweeping forms that run off the wall's edges.
	for (let i = 0; i < 3; i++) {
		const form = blob(random, random.between(-100, W + 100), random.between(paintTop, paintBottom), random.between(380, 620), random.between(260, 420), 0.3);
		paint += `<path d="${form.path}" fill="${colors[(i + 1) % colors.length]}"/>`;
	}
	// A sun with rings.
	const sun = { x: random.between(250, W - 250), y: random.between(paintTop + 170, paintTop + 330), r: random.between(110, 170) };
	for (let ring = 3; ring >= 0; ring--) {
		paint += `<circle cx="${n(sun.x)}" cy="${n(sun.y)}" r="${n(sun.r * (1 + ring * 0.28))}" fill="${ring % 2 === 0 ? colors[1] : palette.paper}"/>`;
	}
	// Patterned and outlined shapes over it.
	const fills = ['url(#mural-dots)', 'url(#mural-stripes)', colors[2]!, colors[4]!, palette.ink];
	const drips: string[] = [];
	for (let i = 0; i < random.int(4, 6); i++) {
		const form = blob(random, random.between(80, W - 80), random.between(paintTop + 120, paintBottom - 60), random.between(110, 230), random.between(80, 180), 0.35);
		const fill = fills[i % fills.length]!;
		const outline = random.chance(0.5) ? ` stroke="${palette.ink}" stroke-width="${random.int(6, 11)}"` : '';
		paint += `<path d="${form.path}" fill="${fill}"${outline}/>`;
		const lowest = form.points.reduce((low, point) => (point[1] > low[1] ? point : low));
		if (!fill.startsWith('url')) drips.push(...dripsBelow(random, lowest[0], lowest[1] - 6, fill, random.int(1, 3)));
	}
	// Leaves in a fan, as a botanical motif.
	const fan = { x: random.between(200, W - 200), y: paintBottom - random.between(10, 60) };
	const leafCount = random.int(5, 8);
	for (let i = 0; i < leafCount; i++) {
		const angle = -70 + (140 * i) / (leafCount - 1) + random.between(-8, 8);
		const length = random.between(220, 360);
		const color = i % 2 === 0 ? colors[3]! : colors[2]!;
		paint +=
			`<g transform="translate(${n(fan.x)} ${n(fan.y)}) rotate(${n(angle)})">` +
			`<path d="${leafPath(length, length * 0.38)}" fill="${color}" stroke="${palette.ink}" stroke-width="5"/>` +
			`<path d="M0 0L0 ${n(-length * 0.92)}" stroke="${palette.ink}" stroke-width="4" opacity="0.8"/></g>`;
	}
	// A wave band across the wall.
	const waveY = random.between(paintTop + 80, paintBottom - 200);
	const wave: Point[] = [];
	for (let x = -100; x <= W + 100; x += 160) wave.push([x, waveY + Math.sin(x / 140 + random.next() * 6) * 40]);
	paint += `<path d="${smoothOpen(wave)}" fill="none" stroke="${palette.paper}" stroke-width="26" stroke-linecap="round"/>`;
	paint += `<path d="${smoothOpen(wave.map(([x, y]) => [x, y + 46]))}" fill="none" stroke="${colors[1]}" stroke-width="12" stroke-linecap="round"/>`;
	// Sparkles.
	for (let i = 0; i < random.int(8, 14); i++) {
		paint += sparkle(random.between(40, W - 40), random.between(paintTop + 30, paintBottom - 30), random.between(10, 24), palette.paper);
	}
	// A band along the foot of the mural, which ran onto the plinth below.
	const band = palette.ink;
	paint += `<rect y="${paintBottom - 24}" width="${W}" height="24" fill="${band}"/>`;
	body += `<g clip-path="url(#mural-area)">${paint}</g>`;
	body += `<rect y="${paintBottom}" width="${W}" height="${wallBottom - paintBottom}" fill="#8e8882"/>`;
	for (let x = random.between(10, 60); x < W; x += random.between(60, 200)) drips.push(...dripsBelow(random, x, paintBottom - 2, band, 1, 45));
	body += drips.join('');

	// Brick courses show through everything painted on them.
	defs.push(
		'<pattern id="bricks" width="120" height="44" patternUnits="userSpaceOnUse">' +
			'<path d="M0 1H120M0 23H120M1 0V22M61 22V44" stroke="#000" stroke-opacity="0.16" stroke-width="3"/>' +
			'<path d="M0 4H120M0 26H120M4 0V22M64 22V44" stroke="#fff" stroke-opacity="0.08" stroke-width="2"/></pattern>'
	);
	body += `<rect y="${skyHeight}" width="${W}" height="${wallBottom - skyHeight}" fill="url(#bricks)"/>`;

	// A drainpipe down one side.
	const pipeX = random.chance(0.5) ? random.int(60, 180) : random.int(W - 200, W - 80);
	defs.push(linearGradient('pipe', [[0, '#5d5a58'], [0.4, '#a7a29d'], [1, '#45423f']], 0));
	body += `<rect x="${pipeX}" y="${skyHeight}" width="26" height="${wallBottom - skyHeight}" fill="url(#pipe)"/>`;
	for (let y = skyHeight + 120; y < wallBottom - 40; y += 220) body += `<rect x="${pipeX - 5}" y="${y}" width="36" height="12" fill="#3f3c3a"/>`;

	// The lane: concrete slabs running towards the viewer.
	defs.push(linearGradient('lane', [[0, '#6b6661'], [1, '#393532']], 90));
	body += `<rect y="${wallBottom}" width="${W}" height="${H - wallBottom}" fill="url(#lane)"/>`;
	body += `<rect y="${wallBottom}" width="${W}" height="8" fill="#2b2826" opacity="0.7"/>`;
	const vanishing: Point = [random.between(W * 0.35, W * 0.65), wallBottom - random.between(320, 420)];
	let seams = '';
	for (let x = -1600; x <= W + 1600; x += 200) {
		const t = (H - vanishing[1]) / (wallBottom - vanishing[1]);
		seams += `M${n(x)} ${wallBottom}L${n(vanishing[0] + (x - vanishing[0]) * t)} ${H}`;
	}
	for (let k = 1; wallBottom + k * k * 9 < H; k++) seams += `M0 ${n(wallBottom + k * k * 9 + 4)}H${W}`;
	body += `<path d="${seams}" stroke="#1c1a19" stroke-opacity="0.35" stroke-width="2"/>`;
	body += paintCans(random, colors, wallBottom);

	// Sun from one side, and the shadow of the building opposite.
	defs.push(linearGradient('raking', [[0, '#fff8e8', 0.18], [0.6, '#fff8e8', 0], [1, '#000', 0.18]], random.chance(0.5) ? 20 : 160));
	body += `<rect width="${W}" height="${H}" fill="url(#raking)"/>`;
	const shadowX = random.between(W * 0.55, W * 0.85);
	const slant = random.between(160, 320);
	body += `<path d="M${n(shadowX)} 0H${W}V${H}H${n(shadowX + slant + 200)}L${n(shadowX + slant)} ${wallBottom}Z" fill="#0e0d1c" opacity="0.3"/>`;
	return { defs, body };
}

/** Paint that ran down from a point: thin strokes of different lengths, with a bead at the end. */
function dripsBelow(random: Random, x: number, y: number, color: string, count: number, maxLength = 110): string[] {
	const drips: string[] = [];
	for (let i = 0; i < count; i++) {
		const dx = x + random.between(-30, 30);
		const length = random.between(18, maxLength);
		const width = random.between(4, 8);
		drips.push(
			`<path d="M${n(dx)} ${n(y)}V${n(y + length)}" stroke="${color}" stroke-width="${n(width)}" stroke-linecap="round"/>` +
				`<circle cx="${n(dx)}" cy="${n(y + length)}" r="${n(width * 0.75)}" fill="${color}"/>`
		);
	}
	return drips;
}

function sparkle(x: number, y: number, size: number, color: string): string {
	const s = size;
	const q = size * 0.18;
	return `<path d="M${n(x)} ${n(y - s)}Q${n(x + q)} ${n(y - q)} ${n(x + s)} ${n(y)}Q${n(x + q)} ${n(y + q)} ${n(x)} ${n(y + s)}Q${n(x - q)} ${n(y + q)} ${n(x - s)} ${n(y)}Q${n(x - q)} ${n(y - q)} ${n(x)} ${n(y - s)}Z" fill="${color}"/>`;
}

/** Two or three tins of paint left at the foot of the wall, with a drip down each. */
function paintCans(random: Random, colors: readonly string[], floor: number): string {
	let cans = '';
	let x = random.between(180, W - 520);
	for (let i = 0; i < random.int(2, 3); i++) {
		const r = random.between(30, 42);
		const h = r * 1.5;
		const base = floor + random.between(40, 90);
		const color = colors[i % colors.length]!;
		cans +=
			`<ellipse cx="${n(x + 8)}" cy="${n(base + 4)}" rx="${n(r * 1.4)}" ry="${n(r * 0.35)}" fill="#000" opacity="0.35"/>` +
			`<path d="M${n(x - r)} ${n(base - h)}V${n(base)}A${n(r)} ${n(r * 0.3)} 0 0 0 ${n(x + r)} ${n(base)}V${n(base - h)}Z" fill="#b9b4ae"/>` +
			`<path d="M${n(x - r)} ${n(base - h)}V${n(base)}A${n(r)} ${n(r * 0.3)} 0 0 0 ${n(x - r * 0.3)} ${n(base + r * 0.27)}V${n(base - h)}Z" fill="#000" opacity="0.15"/>` +
			`<ellipse cx="${n(x)}" cy="${n(base - h)}" rx="${n(r)}" ry="${n(r * 0.3)}" fill="${color}"/>` +
			`<path d="M${n(x + r * 0.4)} ${n(base - h + 4)}V${n(base - h * random.between(0.2, 0.6))}" stroke="${color}" stroke-width="7" stroke-linecap="round"/>`;
		x += r * 2 + random.between(20, 60);
	}
	return cans;
}

// ---------------------------------------------------------------------------
// Wheat-paste: posters pasted over each other on a weathered wall

function paintWheatpaste(random: Random): Painted {
	const palette = random.pick(palettes);
	const colors = random.shuffle(palette.colors);
	const defs: string[] = [];
	const wall = random.pick(['#c9c1b4', '#b7b3ab', '#cfc3ae', '#a9a8a2']);
	const pavement = random.int(940, 990);
	defs.push(linearGradient('paste-wall', [[0, mix(wall, '#ffffff', 0.12)], [1, mix(wall, '#000000', 0.18)]], 90));
	let body = `<rect width="${W}" height="${H}" fill="url(#paste-wall)"/>`;
	// Weather: damp stains and the joints of the concrete's formwork.
	for (let i = 0; i < 9; i++) {
		const id = `stain-${i}`;
		defs.push(`<radialGradient id="${id}"><stop offset="0" stop-color="#3b2f22" stop-opacity="${n(random.between(0.08, 0.2))}"/><stop offset="1" stop-color="#3b2f22" stop-opacity="0"/></radialGradient>`);
		body += `<ellipse cx="${n(random.between(0, W))}" cy="${n(random.between(0, pavement))}" rx="${n(random.between(120, 380))}" ry="${n(random.between(80, 260))}" fill="url(#${id})"/>`;
	}
	for (let y = random.int(120, 200); y < pavement; y += random.int(230, 300)) body += `<path d="M0 ${y}H${W}" stroke="#000" stroke-opacity="0.12" stroke-width="3"/>`;
	// Mottled concrete: a tile of soft noise, repeated (a full-frame filter would take a second).
	defs.push(
		'<filter id="mottle-noise" x="0" y="0" width="100%" height="100%">' +
			`<feTurbulence type="fractalNoise" baseFrequency="0.015" numOctaves="3" seed="${random.int(1, 999)}" stitchTiles="stitch"/>` +
			'<feColorMatrix type="matrix" values="0 0 0 0 0.23 0 0 0 0 0.19 0 0 0 0 0.13 1.6 0 0 0 -0.75"/></filter>' +
			'<pattern id="mottle" width="512" height="512" patternUnits="userSpaceOnUse"><rect width="512" height="512" filter="url(#mottle-noise)"/></pattern>'
	);
	body += `<rect width="${W}" height="${pavement}" fill="url(#mottle)" opacity="0.5"/>`;
	// Scraps of older posters, sun-bleached.
	for (let i = 0; i < 5; i++) {
		const w = random.between(120, 300);
		const h = random.between(80, 260);
		body += `<polygon points="${tornSheet(random, w, h, 28)}" transform="translate(${n(random.between(-40, W))} ${n(random.between(0, pavement - 100))}) rotate(${n(random.between(-6, 6))})" fill="${mix(random.pick(colors), '#efe9dc', 0.7)}" opacity="0.85"/>`;
	}

	// A grid of one poster, repeated, as paste-ups are; and a few others over it.
	const series = { w: random.int(260, 310), h: 0, word: random.pick(posterWords), design: random.int(0, 3), colors: random.shuffle(colors) };
	series.h = Math.round(series.w * 1.42);
	defs.push(`<g id="series-art">${posterArt(palette, series.colors, series.design, series.word, series.w, series.h, 'series', defs)}</g>`);
	const columns = random.int(3, 4);
	const rows = 2;
	const gridWidth = columns * (series.w + 6);
	// Near the middle, with room on one side or the other for the odd poster.
	const gridLeft = (W - gridWidth) / 2 + random.between(-1, 1) * Math.min(220, (W - gridWidth) / 2 - 20);
	const gridTop = random.between(40, 90);
	const missing = random.chance(0.4) ? random.int(0, columns - 1) : -1;
	let posters = '';
	for (let row = 0; row < rows; row++) {
		for (let column = 0; column < columns; column++) {
			// One sheet of the lower row may be missing, torn down or never pasted.
			if (row === 1 && column === missing) continue;
			const x = gridLeft + column * (series.w + 6) + random.between(-5, 5);
			const y = gridTop + row * (series.h + 6) + random.between(-5, 5);
			posters += poster(random, '<use href="#series-art"/>', x, y, series.w, series.h, random.between(-1.2, 1.2), `s${row}${column}`, defs);
		}
	}
	for (let i = 0; i < random.int(2, 3); i++) {
		const w = random.int(320, 440);
		const h = Math.round(w * random.pick([1.3, 1.42, 0.75]));
		const x = i % 2 === 0 ? random.between(Math.max(-80, gridLeft - w - 40), gridLeft - w * 0.4) : random.between(gridLeft + gridWidth - w * 0.5, Math.min(W - w * 0.5, gridLeft + gridWidth + 40));
		const y = random.between(40, pavement - h + 40);
		const art = posterArt(palette, random.shuffle(colors), random.int(0, 3), random.pick(posterWords), w, h, `art-${i}`, defs);
		posters += poster(random, art, x, y, w, h, random.between(-4, 4), `x${i}`, defs);
	}
	body += posters;

	// Pavement, and the grime at the foot of the wall.
	defs.push(linearGradient('pavement', [[0, '#8d8983'], [1, '#5b5853']], 90));
	body += `<rect y="${pavement}" width="${W}" height="${H - pavement}" fill="url(#pavement)"/>`;
	defs.push(linearGradient('grime', [[0, '#2a241c', 0], [1, '#2a241c', 0.35]], 90));
	body += `<rect y="${pavement - 120}" width="${W}" height="120" fill="url(#grime)"/>`;
	body += `<rect y="${pavement}" width="${W}" height="6" fill="#000" opacity="0.3"/>`;
	defs.push(linearGradient('daylight', [[0, '#fffaf0', 0.16], [0.7, '#fffaf0', 0], [1, '#000', 0.1]], random.between(10, 40)));
	body += `<rect width="${W}" height="${H}" fill="url(#daylight)"/>`;
	return { defs, body, grain: 0.3 };
}

/** A poster's printed design on a w×h sheet: colour fields, shapes and one word in block capitals. */
function posterArt(palette: Palette, colors: readonly string[], design: number, word: string, w: number, h: number, id: string, defs: string[]): string {
	const [first, second, third] = [colors[0]!, colors[1]!, colors[2]!];
	const pad = w * 0.08;
	let art = '';
	switch (design) {
		case 0: {
			// A big circle over a colour field, the word under it.
			art += `<rect width="${w}" height="${h}" fill="${first}"/>`;
			art += `<circle cx="${n(w * 0.5)}" cy="${n(h * 0.38)}" r="${n(w * 0.34)}" fill="${palette.paper}"/>`;
			art += `<circle cx="${n(w * 0.5)}" cy="${n(h * 0.38)}" r="${n(w * 0.2)}" fill="${second}"/>`;
			art += lettering(word, pad, h * 0.72, w - pad * 2, h * 0.14, palette.ink, 'center');
			break;
		}
		case 1: {
			// The word large across the top, lines of small print as bars, a colour block below.
			art += `<rect width="${w}" height="${h}" fill="${palette.paper}"/>`;
			art += lettering(word, pad, h * 0.07, w - pad * 2, h * 0.2, palette.ink);
			for (let line = 0; line < 3; line++) {
				// Lengths from the word's letters: the same poster prints the same lines.
				const length = 0.45 + ((word.charCodeAt(line % word.length) * 7) % 40) / 100;
				art += `<rect x="${n(pad)}" y="${n(h * (0.33 + line * 0.06))}" width="${n((w - pad * 2) * length)}" height="${n(h * 0.025)}" fill="${second}"/>`;
			}
			art += `<rect y="${n(h * 0.58)}" width="${w}" height="${n(h * 0.42)}" fill="${first}"/>`;
			art += `<rect y="${n(h * 0.54)}" width="${w}" height="${n(h * 0.02)}" fill="${palette.ink}"/>`;
			art += `<circle cx="${n(w * 0.72)}" cy="${n(h * 0.79)}" r="${n(w * 0.15)}" fill="${palette.paper}"/>`;
			art += `<circle cx="${n(w * 0.72)}" cy="${n(h * 0.79)}" r="${n(w * 0.07)}" fill="${third}"/>`;
			break;
		}
		case 2: {
			// Halftone: dots growing down the sheet, band by band, the word across a band.
			art += `<rect width="${w}" height="${h}" fill="${second}"/>`;
			const step = w / 11;
			const bands = 6;
			for (let band = 0; band < bands; band++) {
				const pattern = `${id}-dots-${band}`;
				const r = (step / 2) * (0.25 + (0.75 * band) / (bands - 1));
				defs.push(`<pattern id="${pattern}" width="${n(step)}" height="${n(step)}" patternUnits="userSpaceOnUse"><circle cx="${n(step / 2)}" cy="${n(step / 2)}" r="${n(r)}" fill="${first}"/></pattern>`);
				art += `<rect y="${n((h * band) / bands)}" width="${w}" height="${n(h / bands + 1)}" fill="url(#${pattern})"/>`;
			}
			art += `<rect y="${n(h * 0.4)}" width="${w}" height="${n(h * 0.2)}" fill="${palette.paper}"/>`;
			art += lettering(word, pad, h * 0.43, w - pad * 2, h * 0.14, palette.ink, 'center');
			break;
		}
		default: {
			// Geometric blocks: a triangle, a half circle, a stripe, the word at the top.
			art += `<rect width="${w}" height="${h}" fill="${third}"/>`;
			art += `<path d="M0 ${n(h)}L${n(w * 0.55)} ${n(h * 0.3)}L${n(w)} ${n(h)}Z" fill="${first}"/>`;
			art += `<path d="M${n(w * 0.1)} ${n(h * 0.62)}A${n(w * 0.3)} ${n(w * 0.3)} 0 0 1 ${n(w * 0.7)} ${n(h * 0.62)}Z" fill="${palette.paper}"/>`;
			art += `<rect x="${n(w * 0.78)}" y="${n(h * 0.25)}" width="${n(w * 0.1)}" height="${n(h * 0.75)}" fill="${palette.ink}"/>`;
			art += lettering(word, pad, h * 0.06, w - pad * 2, h * 0.15, palette.ink);
			break;
		}
	}
	return art;
}

/**
 * One paste-up: a torn sheet carrying `art` (markup or a <use> of a design drawn
 * once for a series), creased where the paste dried.
 */
function poster(random: Random, art: string, x: number, y: number, w: number, h: number, angle: number, id: string, defs: string[]): string {
	const clip = `poster-${id}`;
	const sheet = tornSheet(random, w, h, 16);
	defs.push(`<polygon id="${clip}-sheet" points="${sheet}"/><clipPath id="${clip}"><use href="#${clip}-sheet"/></clipPath>`);
	// Creases where the paper wrinkled under the paste: two strokes each, light above dark.
	let light = '';
	let dark = '';
	for (let i = 0; i < 4; i++) {
		const cy = random.between(0, h);
		const bend = random.between(-30, 30);
		light += `M0 ${n(cy)}Q${n(w / 2)} ${n(cy + bend)} ${w} ${n(cy + bend / 2)}`;
		dark += `M0 ${n(cy + 3)}Q${n(w / 2)} ${n(cy + 3 + bend)} ${w} ${n(cy + 3 + bend / 2)}`;
	}
	const creases = `<path d="${light}" stroke="#fff" stroke-opacity="0.22" stroke-width="2" fill="none"/><path d="${dark}" stroke="#000" stroke-opacity="0.12" stroke-width="2" fill="none"/>`;
	return (
		`<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)} ${n(w / 2)} ${n(h / 2)})">` +
		`<use href="#${clip}-sheet" fill="#000" opacity="0.18" transform="translate(3 4)"/>` +
		`<g clip-path="url(#${clip})">${art}${creases}<rect width="${w}" height="${h}" fill="#f3ead6" opacity="0.12"/></g></g>`
	);
}

// ---------------------------------------------------------------------------
// Projection: coloured light on a façade at night

function paintProjection(random: Random): Painted {
	const palette = random.pick(palettes);
	const colors = random.shuffle(palette.colors);
	const defs: string[] = [];
	const ground = random.int(860, 900);
	const bays = random.pick([7, 9]);
	const floors = random.int(3, 4);
	const left = random.int(150, 250);
	const right = W - left + random.int(-20, 20);
	const roof = random.int(190, 250);
	const top = roof + 40;
	const centre = (left + right) / 2;

	defs.push(linearGradient('night', [[0, '#03040a'], [0.6, '#0e1128'], [0.83, '#1a1b38']], 90));
	let body = `<rect width="${W}" height="${H}" fill="url(#night)"/>`;
	let stars = '';
	for (let i = 0; i < 60; i++) stars += `<circle cx="${Math.round(random.between(0, W))}" cy="${Math.round(random.between(0, roof))}" r="${n(random.between(0.6, 1.7))}" opacity="${n(random.between(0.2, 0.7))}"/>`;
	body += `<g fill="#fff">${stars}</g>`;

	// The light spills past the building into the haze of the night.
	const halos = [0, 1, 2].map((i) => {
		defs.push(`<radialGradient id="halo-${i}"><stop offset="0" stop-color="${colors[i]}" stop-opacity="0.5"/><stop offset="1" stop-color="${colors[i]}" stop-opacity="0"/></radialGradient>`);
		return `<ellipse cx="${n(random.between(left + 100, right - 100))}" cy="${n(random.between(roof, ground - 200))}" rx="${n(random.between(420, 620))}" ry="${n(random.between(300, 420))}" fill="url(#halo-${i})"/>`;
	});
	body += `<g style="mix-blend-mode:screen">${halos.join('')}</g>`;

	// The façade in the dark: stone courses, a cornice, maybe a pediment.
	const pediment = random.chance(0.5);
	const outline = pediment
		? `M${left} ${ground}V${top}H${n(centre - 230)}L${n(centre)} ${roof - 70}L${n(centre + 230)} ${top}H${right}V${ground}Z`
		: `M${left} ${ground}V${roof}H${right}V${ground}Z`;
	defs.push(`<clipPath id="facade"><path d="${outline}"/></clipPath>`);
	defs.push('<pattern id="courses" width="90" height="36" patternUnits="userSpaceOnUse"><path d="M0 0.5H90M0.5 0V18M45.5 18V36M0 18.5H90" stroke="#000" stroke-opacity="0.35" stroke-width="1.5"/></pattern>');
	body += `<path d="${outline}" fill="#232536"/>`;

	// What the projector throws: bright in its middle, falling off towards the edges.
	let light = '';
	const motif = random.int(0, 2);
	if (motif === 0) {
		const cx = random.between(left + 250, right - 250);
		const cy = random.between(top + 120, ground - 220);
		for (let ring = 14; ring >= 1; ring--) light += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${ring * 80}" fill="${colors[ring % 5]}"/>`;
	} else if (motif === 1) {
		const angle = random.between(-35, 35);
		let bands = '';
		for (let i = -8; i < 20; i++) bands += `<rect x="${i * 120}" y="-700" width="${random.int(70, 120)}" height="2500" fill="${colors[((i % 5) + 5) % 5]}"/>`;
		light += `<rect width="${W}" height="${H}" fill="${mix(colors[4]!, '#000', 0.5)}"/><g transform="rotate(${n(angle)} ${W / 2} ${H / 2})">${bands}</g>`;
	} else {
		light += `<rect width="${W}" height="${H}" fill="${colors[0]}"/>`;
		for (let i = 1; i < 7; i++) {
			const baseline = roof - 60 + (ground - roof + 60) * (i / 7);
			const points: Point[] = [[left - 60, ground + 60]];
			for (let x = left - 60; x <= right + 60; x += 110) points.push([x, baseline + Math.sin(x / 160 + i * 1.7) * 80]);
			points.push([right + 60, ground + 60]);
			light += `<path d="${smoothOpen(points)}Z" fill="${colors[i % 5]}"/>`;
		}
	}
	const hot = { x: random.between(left + 350, right - 350), y: random.between(top + 150, ground - 250) };
	defs.push(
		`<radialGradient id="throw" cx="${n(hot.x)}" cy="${n(hot.y)}" r="${n((right - left) * 0.62)}" gradientUnits="userSpaceOnUse">` +
			'<stop offset="0" stop-color="#fff"/><stop offset="0.55" stop-color="#fff" stop-opacity="0.8"/><stop offset="1" stop-color="#fff" stop-opacity="0.25"/></radialGradient>',
		`<mask id="falloff"><rect width="${W}" height="${H}" fill="url(#throw)"/></mask>`,
		`<radialGradient id="hotspot"><stop offset="0" stop-color="#fff" stop-opacity="0.45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`
	);
	light = `<g id="light" clip-path="url(#facade)"><g mask="url(#falloff)">${light}<ellipse cx="${n(hot.x)}" cy="${n(hot.y)}" rx="460" ry="340" fill="url(#hotspot)"/></g></g>`;
	body += `<g style="mix-blend-mode:screen" opacity="0.92">${light}</g>`;
	body += `<path d="${outline}" fill="url(#courses)"/>`;

	// Architecture over the light: windows dark and glassy, ledges throwing shadow.
	const bayWidth = (right - left) / bays;
	const floorHeight = (ground - top - 60) / floors;
	const doorBay = Math.floor(bays / 2);
	// One window, drawn once and placed in every bay.
	const ww = bayWidth * 0.44;
	const wh = floorHeight * 0.6;
	defs.push(
		'<g id="bay-window">' +
			`<path d="M0 ${n(wh)}V${n(ww / 2)}A${n(ww / 2)} ${n(ww / 2)} 0 0 1 ${n(ww)} ${n(ww / 2)}V${n(wh)}Z" fill="#06070f" opacity="0.8"/>` +
			`<path d="M${n(ww / 2)} 0V${n(wh)}M0 ${n(wh * 0.55)}H${n(ww)}" stroke="#000" stroke-opacity="0.6" stroke-width="3"/>` +
			`<rect x="-7" y="${n(wh)}" width="${n(ww + 14)}" height="9" fill="#fff" opacity="0.32"/>` +
			`<rect x="-7" y="${n(wh + 9)}" width="${n(ww + 14)}" height="7" fill="#000" opacity="0.4"/></g>`,
		`<g id="pilaster"><rect x="-9" width="18" height="${n(floorHeight)}" fill="#fff" opacity="0.07"/><rect x="9" width="6" height="${n(floorHeight)}" fill="#000" opacity="0.3"/></g>`
	);
	let architecture = '';
	for (let floor = 0; floor < floors; floor++) {
		const y = top + 30 + floor * floorHeight;
		architecture += `<rect x="${left}" y="${n(y - 12)}" width="${right - left}" height="12" fill="#000" opacity="0.45"/>`;
		architecture += `<rect x="${left}" y="${n(y - 18)}" width="${right - left}" height="5" fill="#fff" opacity="0.3"/>`;
		for (let bay = 0; bay < bays; bay++) {
			if (floor === floors - 1 && bay === doorBay) continue;
			architecture += `<use href="#bay-window" x="${n(left + bay * bayWidth + (bayWidth - ww) / 2)}" y="${n(y + floorHeight * 0.16)}"/>`;
		}
		for (let bay = 0; bay <= bays; bay++) architecture += `<use href="#pilaster" x="${n(left + bay * bayWidth)}" y="${n(y - 6)}"/>`;
	}
	const doorX = left + doorBay * bayWidth + bayWidth / 2;
	architecture += `<path d="M${n(doorX - 62)} ${ground}V${ground - 150}A62 62 0 0 1 ${n(doorX + 62)} ${ground - 150}V${ground}Z" fill="#04050a" opacity="0.9"/>`;
	architecture += `<rect x="${left}" y="${ground - 36}" width="${right - left}" height="36" fill="#000" opacity="0.35"/>`;
	body += `<g clip-path="url(#facade)">${architecture}</g>`;
	body += `<path d="${outline}" fill="none" stroke="#000" stroke-opacity="0.5" stroke-width="10"/>`;

	// A wet square in front holds the colours, broken by ripples.
	defs.push(
		linearGradient('square', [[0, '#101120'], [1, '#040409']], 90),
		linearGradient('reflection-fade', [[0, '#fff', 0.45], [0.6, '#fff', 0]], 90),
		`<mask id="reflection"><rect y="${ground}" width="${W}" height="${H - ground}" fill="url(#reflection-fade)"/></mask>`
	);
	body += `<rect y="${ground}" width="${W}" height="${H - ground}" fill="url(#square)"/>`;
	body += `<g mask="url(#reflection)" style="mix-blend-mode:screen"><use href="#light" transform="translate(0 ${ground * 2}) scale(1 -1)"/></g>`;
	let ripples = '';
	for (let y = ground + 6; y < H; y += random.between(6, 16)) ripples += `M0 ${n(y)}H${W}`;
	body += `<path d="${ripples}" stroke="#05050a" stroke-width="3" opacity="0.55"/>`;

	// Trees and a lamp in silhouette at the sides.
	body += tree(random, random.between(-40, 70), ground + 30, random.between(280, 360));
	body += tree(random, random.between(W - 70, W + 40), ground + 30, random.between(280, 360));
	const lampX = random.chance(0.5) ? left - 50 : right + 50;
	defs.push('<radialGradient id="lamp"><stop offset="0" stop-color="#ffe9b8" stop-opacity="0.6"/><stop offset="1" stop-color="#ffe9b8" stop-opacity="0"/></radialGradient>');
	body += `<path d="M${n(lampX)} ${ground + 40}V${ground - 230}" stroke="#05050a" stroke-width="8"/><circle cx="${n(lampX)}" cy="${ground - 238}" r="60" fill="url(#lamp)"/><circle cx="${n(lampX)}" cy="${ground - 238}" r="11" fill="#fff3d6"/>`;
	return { defs, body, grain: 0.4 };
}

/** A tree against the night: a trunk and a crown of overlapping blobs. */
function tree(random: Random, x: number, base: number, height: number): string {
	let crown = `<path d="M${n(x - 10)} ${n(base)}L${n(x - 6)} ${n(base - height * 0.55)}H${n(x + 6)}L${n(x + 10)} ${n(base)}Z" fill="#040409"/>`;
	for (let i = 0; i < 6; i++) {
		crown += `<path d="${blob(random, x + random.between(-110, 110), base - height + random.between(0, height * 0.5), random.between(70, 120), random.between(60, 100), 0.3).path}" fill="#040409"/>`;
	}
	return crown;
}

// ---------------------------------------------------------------------------
// Window words: one letter to a lit window, at dusk

function paintWindowWords(random: Random): Painted {
	const palette = random.pick(palettes);
	const colors = random.shuffle(palette.colors);
	const defs: string[] = [];
	const word = random.pick(windowWords);
	const columns = word.length;
	const rows = random.int(3, 4);
	const wordRow = random.int(0, rows - 1);
	const street = random.int(930, 980);
	const roof = random.int(190, 260);
	const margin = random.int(60, 140);
	const wall = random.pick(['#6a4f5c', '#4f5670', '#7a5248', '#5b5f66']);

	// The sky shows above the roof only: the whole dusk, deep blue to the glow of the horizon, happens there.
	const horizon = roof / H;
	defs.push(linearGradient('dusk', [[0, '#141b44'], [horizon * 0.45, '#43397a'], [horizon * 0.85, '#c96f78'], [horizon * 1.2, '#f2a66f']], 90));
	let body = `<rect width="${W}" height="${H}" fill="url(#dusk)"/>`;
	body += `<circle cx="${n(random.between(200, W - 200))}" cy="${n(random.between(30, roof - 40))}" r="16" fill="#fff4dc" opacity="0.9"/>`;
	// The building and its brick.
	// Lit from above by what is left of the sky, dark at street level.
	defs.push(linearGradient('building', [[0, mix(wall, '#f2a66f', 0.15)], [0.5, mix(wall, '#000', 0.35)], [1, mix(wall, '#000', 0.65)]], 90));
	body += `<rect x="${margin}" y="${roof}" width="${W - margin * 2}" height="${street - roof}" fill="url(#building)"/>`;
	defs.push(
		'<pattern id="brick-dusk" width="60" height="24" patternUnits="userSpaceOnUse">' +
			'<path d="M0 0.5H60M0 12.5H60M0.5 0V12M30.5 12V24" stroke="#000" stroke-opacity="0.25" stroke-width="1.5"/></pattern>'
	);
	body += `<rect x="${margin}" y="${roof}" width="${W - margin * 2}" height="${street - roof}" fill="url(#brick-dusk)"/>`;
	body += `<rect x="${margin - 16}" y="${roof - 18}" width="${W - margin * 2 + 32}" height="22" fill="${mix(wall, '#000', 0.3)}"/>`;
	// Neighbours, darker, at the edges.
	body += `<rect x="0" y="${roof + 120}" width="${margin - 10}" height="${street}" fill="#15141f"/><rect x="${W - margin + 10}" y="${roof + 60}" width="${margin}" height="${street}" fill="#15141f"/>`;

	const cellWidth = (W - margin * 2 - 80) / columns;
	const windowWidth = cellWidth * 0.74;
	const rowHeight = (street - roof - 190) / rows;
	const windowHeight = Math.min(rowHeight * 0.8, windowWidth * 1.5);
	defs.push(
		`<radialGradient id="warm"><stop offset="0" stop-color="#ffe3a8"/><stop offset="1" stop-color="#f0a35a"/></radialGradient>`,
		linearGradient('glass', [[0, '#2c3a66'], [1, '#151a2e']], 90),
		`<radialGradient id="spill"><stop offset="0" stop-color="#ffd9a0" stop-opacity="0.35"/><stop offset="1" stop-color="#ffd9a0" stop-opacity="0"/></radialGradient>`
	);
	let windows = '';
	for (let row = 0; row < rows; row++) {
		for (let column = 0; column < columns; column++) {
			const x = margin + 40 + column * cellWidth + (cellWidth - windowWidth) / 2;
			const y = roof + 60 + row * rowHeight;
			const frame = `<rect x="${n(x - 8)}" y="${n(y + windowHeight)}" width="${n(windowWidth + 16)}" height="10" fill="#000" opacity="0.35"/>`;
			if (row === wordRow) {
				const color = colors[column % colors.length]!;
				const id = `pane-${column}`;
				defs.push(
					`<radialGradient id="${id}" cy="40%"><stop offset="0" stop-color="${mix(color, '#ffffff', 0.45)}"/><stop offset="1" stop-color="${color}"/></radialGradient>`,
					`<radialGradient id="${id}-glow"><stop offset="0" stop-color="${color}" stop-opacity="0.5"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`
				);
				windows += `<ellipse cx="${n(x + windowWidth / 2)}" cy="${n(y + windowHeight / 2)}" rx="${n(windowWidth * 1.1)}" ry="${n(windowHeight * 0.95)}" fill="url(#${id}-glow)"/>`;
				windows += `<rect x="${n(x)}" y="${n(y)}" width="${n(windowWidth)}" height="${n(windowHeight)}" fill="url(#${id})"/>`;
				windows += windowLetter(word[column]!, x, y, windowWidth, windowHeight, palette.ink);
			} else {
				const lit = random.chance(0.3);
				if (lit) windows += `<ellipse cx="${n(x + windowWidth / 2)}" cy="${n(y + windowHeight / 2)}" rx="${n(windowWidth)}" ry="${n(windowHeight * 0.8)}" fill="url(#spill)"/>`;
				windows += `<rect x="${n(x)}" y="${n(y)}" width="${n(windowWidth)}" height="${n(windowHeight)}" fill="${lit ? 'url(#warm)' : 'url(#glass)'}"/>`;
				if (lit && random.chance(0.5)) {
					// A blind half down.
					windows += `<rect x="${n(x)}" y="${n(y)}" width="${n(windowWidth)}" height="${n(windowHeight * random.between(0.2, 0.6))}" fill="#c9844a" opacity="0.85"/>`;
				}
				if (!lit) windows += `<path d="M${n(x)} ${n(y + windowHeight)}L${n(x + windowWidth)} ${n(y)}V${n(y + windowHeight * 0.3)}L${n(x + windowWidth * 0.3)} ${n(y + windowHeight)}Z" fill="#fff" opacity="0.06"/>`;
			}
			windows += `<path d="M${n(x + windowWidth / 2)} ${n(y)}V${n(y + windowHeight)}M${n(x)} ${n(y + windowHeight * 0.5)}H${n(x + windowWidth)}" stroke="${mix(wall, '#000', 0.4)}" stroke-width="5"/>`;
			windows += `<rect x="${n(x)}" y="${n(y)}" width="${n(windowWidth)}" height="${n(windowHeight)}" fill="none" stroke="${mix(wall, '#000', 0.4)}" stroke-width="7"/>`;
			windows += frame;
		}
	}
	body += windows;

	// The street: a shopfront glow, a lamp, the pavement.
	const doorX = random.between(margin + 100, W - margin - 400);
	body += `<rect x="${n(doorX)}" y="${street - 150}" width="300" height="150" fill="url(#warm)" opacity="0.8"/><rect x="${n(doorX)}" y="${street - 170}" width="300" height="20" fill="${colors[0]}"/>`;
	defs.push(linearGradient('street', [[0, '#3a3340'], [1, '#141219']], 90));
	body += `<rect y="${street}" width="${W}" height="${H - street}" fill="url(#street)"/>`;
	body += `<rect x="${n(doorX - 40)}" y="${street}" width="380" height="${H - street}" fill="#ffcf8a" opacity="0.1"/>`;
	const lampX = random.chance(0.5) ? random.between(margin - 20, margin + 60) : random.between(W - margin - 60, W - margin + 20);
	body += `<path d="M${n(lampX)} ${H}V${street - 330}" stroke="#0b0a10" stroke-width="10"/><ellipse cx="${n(lampX)}" cy="${street - 340}" rx="70" ry="60" fill="url(#spill)"/><circle cx="${n(lampX)}" cy="${street - 338}" r="13" fill="#fff2d0"/>`;
	return { defs, body, grain: 0.3 };
}

/** A big cut-out letter filling a window, shadowed by the light behind it. */
function windowLetter(letter: string, x: number, y: number, w: number, h: number, color: string): string {
	const run = letterPath(letter);
	if (!run) return '';
	const glyphHeight = 6 + letterWeight;
	const scale = Math.min((w * 0.8) / Math.max(run.width, 3), (h * 0.78) / glyphHeight);
	const left = x + (w - run.width * scale) / 2;
	const top = y + (h - glyphHeight * scale) / 2 + (letterWeight / 2) * scale;
	const s = Math.round(scale * 1000) / 1000;
	return `<path d="${run.path}" transform="translate(${n(left)} ${n(top)}) scale(${s})" fill="none" stroke="${color}" stroke-width="${letterWeight}" stroke-linejoin="round"/>`;
}

// ---------------------------------------------------------------------------
// Paper cut: a landscape of layered coloured paper

function paintPaperCut(random: Random): Painted {
	const palette = random.pick(palettes);
	const colors = random.shuffle(palette.colors);
	const defs: string[] = [];
	const skyTop = mix(palette.paper, colors[3]!, 0.25);
	defs.push(linearGradient('paper-sky', [[0, skyTop], [1, palette.paper]], 90));
	let body = `<rect width="${W}" height="${H}" fill="url(#paper-sky)"/>`;

	// A sun of paper rings, each throwing a small shadow.
	const sun = { x: random.between(300, W - 300), y: random.between(180, 340), r: random.between(120, 170) };
	for (let ring = 0; ring < 4; ring++) {
		const r = sun.r * (1 - ring * 0.22);
		const color = ring % 2 === 0 ? colors[1]! : mix(colors[1]!, palette.paper, 0.45);
		body += paperLayer(`<circle cx="${n(sun.x)}" cy="${n(sun.y)}" r="${n(r)}"/>`, color, 5, `sun-${ring}`, defs);
	}
	// Clouds.
	for (let i = 0; i < random.int(2, 4); i++) {
		const cx = random.between(100, W - 100);
		const cy = random.between(90, 380);
		const w = random.between(140, 260);
		const puffs = [0, 1, 2].map((k) => `<circle cx="${n(cx - w / 3 + (k * w) / 3)}" cy="${n(cy - (k === 1 ? w * 0.14 : 0))}" r="${n(w * (k === 1 ? 0.26 : 0.19))}"/>`).join('');
		body += paperLayer(`<g>${puffs}<rect x="${n(cx - w / 2)}" y="${n(cy)}" width="${n(w)}" height="${n(w * 0.16)}" rx="${n(w * 0.08)}"/></g>`, '#ffffff', 6, `cloud-${i}`, defs);
	}
	// Hills, from the far ones (pale) to the near ones (strong), each a layer of paper.
	const layers = random.int(5, 6);
	const hillColors = [colors[3]!, colors[2]!, colors[0]!, colors[4]!, colors[2]!, colors[3]!];
	for (let layer = 0; layer < layers; layer++) {
		const depth = layer / (layers - 1);
		const baseline = 470 + depth * 470;
		const amplitude = 110 - depth * 40;
		const points: Point[] = [[-60, H + 60]];
		const phase = random.between(0, Math.PI * 2);
		const frequency = random.between(0.7, 1.4);
		for (let x = -60; x <= W + 60; x += 110) {
			points.push([x, baseline - Math.sin((x / W) * Math.PI * 2 * frequency + phase) * amplitude - random.between(0, 30)]);
		}
		points.push([W + 60, H + 60]);
		const color = mix(hillColors[layer % hillColors.length]!, palette.paper, 0.45 * (1 - depth));
		// Each sheet catches the light along its ridge and darkens below it.
		defs.push(linearGradient(`hill-${layer}`, [[0, mix(color, '#ffffff', 0.12)], [1, mix(color, '#000000', 0.22)]], 90));
		let hill = `<path d="${smoothOpen(points)}Z"/>`;
		// Pines along some ridges.
		if (layer > 0 && random.chance(0.6)) {
			let pines = '';
			for (let i = 0; i < random.int(3, 7); i++) {
				const px = random.between(40, W - 40);
				const py = baseline - Math.sin((px / W) * Math.PI * 2 * frequency + phase) * amplitude + 10;
				const ph = random.between(70, 130) * (0.6 + depth * 0.6);
				// Three tiers, each a little wider than the one above.
				let tiers = '';
				for (let tier = 0; tier < 3; tier++) {
					const tipY = py - ph + tier * ph * 0.28;
					const half = ph * (0.16 + tier * 0.07);
					tiers += `M${n(px)} ${n(tipY)}L${n(px + half)} ${n(tipY + ph * 0.42)}H${n(px - half)}Z`;
				}
				pines += `<path d="${tiers}M${n(px - ph * 0.04)} ${n(py - ph * 0.2)}h${n(ph * 0.08)}v${n(ph * 0.25)}h${n(-ph * 0.08)}Z"/>`;
			}
			hill = `<g>${hill}${pines}</g>`;
		}
		body += paperLayer(hill, `url(#hill-${layer})`, 6 + depth * 8, `hill-shape-${layer}`, defs);
	}
	// Birds, cut from the ink-coloured sheet.
	for (let i = 0; i < random.int(3, 5); i++) {
		const bx = random.between(200, W - 200);
		const by = random.between(120, 400);
		const s = random.between(22, 36);
		const wings = `M${n(bx - s)} ${n(by - s * 0.3)}Q${n(bx - s * 0.4)} ${n(by - s * 0.25)} ${n(bx)} ${n(by + s * 0.15)}Q${n(bx + s * 0.4)} ${n(by - s * 0.25)} ${n(bx + s)} ${n(by - s * 0.3)}Q${n(bx + s * 0.4)} ${n(by + s * 0.05)} ${n(bx)} ${n(by + s * 0.35)}Q${n(bx - s * 0.4)} ${n(by + s * 0.05)} ${n(bx - s)} ${n(by - s * 0.3)}Z`;
		body += paperLayer(`<path d="${wings}"/>`, palette.ink, 5, `bird-${i}`, defs);
	}
	// Light falls from the top left across the paper.
	defs.push(linearGradient('paper-light', [[0, '#fffdf5', 0.2], [0.7, '#fffdf5', 0], [1, '#000', 0.15]], 35));
	body += `<rect width="${W}" height="${H}" fill="url(#paper-light)"/>`;
	return { defs, body: inShadowBox(random, body, defs), grain: 0.3 };
}

/**
 * The work as it hangs in the exhibition: in a deep white frame on a gallery wall
 * under a spotlight, with its label beside it (grey lines, not words).
 */
function inShadowBox(random: Random, work: string, defs: string[]): string {
	const scale = random.between(0.66, 0.72);
	const w = W * scale;
	const h = H * scale;
	const x = (W - w) / 2 - random.between(40, 90);
	const y = (H - h) / 2 - 20;
	const border = 34;
	const wall = random.pick(['#ebe7e1', '#e3e4e2', '#ece5da']);
	defs.push(
		`<radialGradient id="spotlight" cx="${n(x + w / 2)}" cy="${n(y + h * 0.3)}" r="${n(W * 0.7)}" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></radialGradient>`,
		`<clipPath id="window"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/></clipPath>`,
		linearGradient('inner-top', [[0, '#000', 0.45], [1, '#000', 0]], 90),
		linearGradient('inner-left', [[0, '#000', 0.3], [1, '#000', 0]], 0)
	);
	let box = `<rect width="${W}" height="${H}" fill="${wall}"/><rect width="${W}" height="${H}" fill="url(#spotlight)"/>`;
	// The frame's shadow on the wall: the one blur of this picture, on one rectangle.
	defs.push('<filter id="frame-shadow" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="16"/></filter>');
	box += `<rect x="${n(x - border + 16)}" y="${n(y - border + 26)}" width="${n(w + border * 2)}" height="${n(h + border * 2)}" fill="#000" opacity="0.3" filter="url(#frame-shadow)"/>`;
	box += `<rect x="${n(x - border)}" y="${n(y - border)}" width="${n(w + border * 2)}" height="${n(h + border * 2)}" fill="#fbfaf7"/>`;
	box += `<rect x="${n(x - border)}" y="${n(y - border)}" width="${n(w + border * 2)}" height="${n(h + border * 2)}" fill="none" stroke="#000" stroke-opacity="0.12" stroke-width="2"/>`;
	box += `<g clip-path="url(#window)"><g transform="translate(${n(x)} ${n(y)}) scale(${Math.round(scale * 1000) / 1000})">${work}</g>`;
	// The frame is deep: its top and left sides shade the work.
	box += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="26" fill="url(#inner-top)"/><rect x="${n(x)}" y="${n(y)}" width="18" height="${n(h)}" fill="url(#inner-left)"/></g>`;
	// The label.
	const labelX = x + w + border + random.between(50, 70);
	const labelY = y + h + border - 120;
	box += `<rect x="${n(labelX + 2)}" y="${n(labelY + 3)}" width="150" height="100" fill="#000" opacity="0.12"/><rect x="${n(labelX)}" y="${n(labelY)}" width="150" height="100" fill="#fdfdfb"/>`;
	box += `<path d="M${n(labelX + 16)} ${n(labelY + 24)}h96M${n(labelX + 16)} ${n(labelY + 44)}h118M${n(labelX + 16)} ${n(labelY + 58)}h84M${n(labelX + 16)} ${n(labelY + 72)}h104" stroke="#8a8a88" stroke-width="5"/>`;
	return box;
}

/**
 * A shape cut from paper, laid on what is below it: a soft double shadow down
 * and right, then the sheet. The shape is written once and used three times.
 */
function paperLayer(shape: string, color: string, lift: number, id: string, defs: string[]): string {
	defs.push(`<g id="${id}">${shape}</g>`);
	return (
		`<use href="#${id}" fill="#000" opacity="0.12" transform="translate(${n(lift * 0.4)} ${n(lift * 1.3)})"/>` +
		`<use href="#${id}" fill="#000" opacity="0.16" transform="translate(${n(lift * 0.15)} ${n(lift * 0.5)})"/>` +
		`<use href="#${id}" fill="${color}"/>`
	);
}

// ---------------------------------------------------------------------------

/** A linear gradient at an angle in degrees (0 runs left to right, 90 top to bottom). */
function linearGradient(id: string, stops: ReadonlyArray<[number, string, number?]>, angle: number): string {
	const radians = (angle * Math.PI) / 180;
	const dx = Math.cos(radians) / 2;
	const dy = Math.sin(radians) / 2;
	const at = (value: number) => Math.round(value * 1000) / 1000;
	const coordinates = `x1="${at(0.5 - dx)}" y1="${at(0.5 - dy)}" x2="${at(0.5 + dx)}" y2="${at(0.5 + dy)}"`;
	const stopTags = stops
		.map(([offset, color, opacity]) => `<stop offset="${offset}" stop-color="${color}"${opacity === undefined ? '' : ` stop-opacity="${opacity}"`}/>`)
		.join('');
	return `<linearGradient id="${id}" ${coordinates}>${stopTags}</linearGradient>`;
}
