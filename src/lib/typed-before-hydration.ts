/*
 * When Svelte hydrates a server-rendered page it writes every form control's
 * value again (`value={form?.email ?? ''}`), so what a person typed before the
 * page's JavaScript had arrived and run (a cheap phone, a slow connection) would
 * be wiped, and a `required` field left empty would then stop the form from
 * being sent. From the moment the app starts in the browser until it has
 * hydrated, every control a person changes is noted; once hydrated, those
 * controls get the person's values back, announced with input and change
 * events so that bound state follows.
 */

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Kept {
	value: string;
	checked: boolean;
}

const kept = new Map<Control, Kept>();
let listening = false;

function isControl(target: EventTarget | null): target is Control {
	return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Controls whose value cannot be given back (a file) or is never typed (hidden). */
function isKeepable(control: Control): boolean {
	return !(control instanceof HTMLInputElement && (control.type === 'file' || control.type === 'hidden'));
}

function isToggle(control: Control): control is HTMLInputElement {
	return control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
}

/** Whether a person changed the control from what the server's HTML said. */
function isChanged(control: Control): boolean {
	if (isToggle(control)) return control.checked !== control.defaultChecked;
	if (control instanceof HTMLSelectElement) return [...control.options].some((option) => option.selected !== option.defaultSelected);
	return control.value !== control.defaultValue;
}

function note(control: Control): void {
	if (isKeepable(control)) kept.set(control, { value: control.value, checked: isToggle(control) && control.checked });
}

function noteEvent(event: Event): void {
	if (isControl(event.target)) note(event.target);
}

/** Called when the app starts in the browser, before it hydrates the page (hooks.client.ts). */
export function keepTypedInput(): void {
	for (const control of document.querySelectorAll<Control>('input, textarea, select')) {
		if (isChanged(control)) note(control);
	}
	document.addEventListener('input', noteEvent, true);
	document.addEventListener('change', noteEvent, true);
	listening = true;
}

/** Called once the page has hydrated (the root layout's onMount): gives back what was typed. */
export function restoreTypedInput(): void {
	if (!listening) return;
	listening = false;
	document.removeEventListener('input', noteEvent, true);
	document.removeEventListener('change', noteEvent, true);
	for (const [control, value] of kept) {
		if (!control.isConnected) continue;
		if (isToggle(control)) {
			if (control.checked === value.checked) continue;
			control.checked = value.checked;
		} else {
			if (control.value === value.value) continue;
			control.value = value.value;
			control.dispatchEvent(new Event('input', { bubbles: true }));
		}
		control.dispatchEvent(new Event('change', { bubbles: true }));
	}
	kept.clear();
}
