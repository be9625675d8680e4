/*
 * A small structural check of IIIF Presentation 3 manifests, as far as this
 * site writes them: the required properties of a Manifest, its Canvases, their
 * painting Annotations and image services, and Ranges that point at Canvases of
 * the manifest. Returns the problems found, by JSON path; none for a valid one.
 * (https://iiif.io/api/presentation/3.0/)
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isUri = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
const isPositiveInteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0;

function languageMap(value: unknown, path: string, problems: string[]): void {
	if (!isObject(value) || Object.keys(value).length === 0) {
		problems.push(`${path}: not a language map`);
		return;
	}
	for (const [language, texts] of Object.entries(value)) {
		if (!/^(none|[a-z]{2,3}(-[A-Za-z0-9]+)*)$/.test(language)) problems.push(`${path}.${language}: not a language tag`);
		if (!Array.isArray(texts) || texts.length === 0 || texts.some((t) => typeof t !== 'string')) problems.push(`${path}.${language}: not a list of strings`);
	}
}

function labelledValues(value: unknown, path: string, problems: string[]): void {
	if (!isObject(value)) return void problems.push(`${path}: not an object`);
	languageMap(value.label, `${path}.label`, problems);
	languageMap(value.value, `${path}.value`, problems);
}

function resource(value: unknown, path: string, type: string, problems: string[]): value is Json {
	if (!isObject(value)) {
		problems.push(`${path}: not an object`);
		return false;
	}
	if (!isUri(value.id)) problems.push(`${path}.id: not an http(s) URI`);
	if (value.type !== type) problems.push(`${path}.type: ${String(value.type)}, not ${type}`);
	return true;
}

export function presentation3Problems(manifest: unknown): string[] {
	const problems: string[] = [];
	if (!resource(manifest, 'manifest', 'Manifest', problems)) return problems;
	const context = manifest['@context'];
	const contexts = Array.isArray(context) ? context : [context];
	if (contexts.at(-1) !== 'http://iiif.io/api/presentation/3/context.json') problems.push('@context: the Presentation 3 context is not the last one');
	languageMap(manifest.label, 'label', problems);
	if (manifest.summary !== undefined) languageMap(manifest.summary, 'summary', problems);
	if (manifest.metadata !== undefined) {
		if (!Array.isArray(manifest.metadata)) problems.push('metadata: not a list');
		else manifest.metadata.forEach((entry, i) => labelledValues(entry, `metadata[${i}]`, problems));
	}
	if (manifest.requiredStatement !== undefined) labelledValues(manifest.requiredStatement, 'requiredStatement', problems);
	const rightsPattern = /^https?:\/\/(creativecommons\.org\/(licenses|publicdomain)\/|rightsstatements\.org\/vocab\/)/;
	if (manifest.rights !== undefined && !(typeof manifest.rights === 'string' && rightsPattern.test(manifest.rights))) problems.push('rights: not a Creative Commons or RightsStatements.org URI');
	if (!Array.isArray(manifest.items) || manifest.items.length === 0) {
		problems.push('items: a Manifest needs at least one Canvas');
		return problems;
	}
	const canvasIds = new Set<string>();
	manifest.items.forEach((canvas, i) => {
		const path = `items[${i}]`;
		if (!resource(canvas, path, 'Canvas', problems)) return;
		canvasIds.add(String(canvas.id));
		if (!isPositiveInteger(canvas.width) || !isPositiveInteger(canvas.height)) problems.push(`${path}: width and height must be positive integers`);
		if (canvas.label !== undefined) languageMap(canvas.label, `${path}.label`, problems);
		if (canvas.rights !== undefined && !(typeof canvas.rights === 'string' && rightsPattern.test(canvas.rights))) problems.push(`${path}.rights: not a licence URI`);
		const pages = canvas.items;
		if (!Array.isArray(pages) || pages.length === 0) return void problems.push(`${path}.items: no AnnotationPage`);
		pages.forEach((page, p) => {
			const pagePath = `${path}.items[${p}]`;
			if (!resource(page, pagePath, 'AnnotationPage', problems)) return;
			if (!Array.isArray(page.items) || page.items.length === 0) return void problems.push(`${pagePath}.items: no Annotation`);
			page.items.forEach((annotation, a) => {
				const annotationPath = `${pagePath}.items[${a}]`;
				if (!resource(annotation, annotationPath, 'Annotation', problems)) return;
				if (annotation.motivation !== 'painting') problems.push(`${annotationPath}.motivation: not painting`);
				if (annotation.target !== canvas.id) problems.push(`${annotationPath}.target: not its Canvas`);
				const body = annotation.body;
				if (!resource(body, `${annotationPath}.body`, 'Image', problems)) return;
				if (typeof body.format !== 'string' || !/^image\//.test(body.format)) problems.push(`${annotationPath}.body.format: not an image type`);
				if (!isPositiveInteger(body.width) || !isPositiveInteger(body.height)) problems.push(`${annotationPath}.body: width and height must be positive integers`);
				if (body.service !== undefined) {
					if (!Array.isArray(body.service)) problems.push(`${annotationPath}.body.service: not a list`);
					else
						body.service.forEach((service, s) => {
							const servicePath = `${annotationPath}.body.service[${s}]`;
							if (!isObject(service) || !isUri(service.id)) return void problems.push(`${servicePath}.id: not an http(s) URI`);
							if (service.type !== 'ImageService3') problems.push(`${servicePath}.type: not ImageService3`);
							if (!['level0', 'level1', 'level2'].includes(String(service.profile))) problems.push(`${servicePath}.profile: not a compliance level`);
						});
				}
			});
		});
	});
	if (manifest.structures !== undefined) {
		if (!Array.isArray(manifest.structures)) problems.push('structures: not a list');
		else
			manifest.structures.forEach((range, r) => {
				const path = `structures[${r}]`;
				if (!resource(range, path, 'Range', problems)) return;
				if (range.label !== undefined) languageMap(range.label, `${path}.label`, problems);
				if (!Array.isArray(range.items) || range.items.length === 0) return void problems.push(`${path}.items: empty`);
				range.items.forEach((item, i) => {
					if (!isObject(item) || item.type !== 'Canvas' || !canvasIds.has(String(item.id))) problems.push(`${path}.items[${i}]: not a Canvas of this manifest`);
				});
			});
	}
	return problems;
}
