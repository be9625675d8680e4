// Exhibition work pages (/exhibitions/<slug>/<n>): the ← and → keys follow the
// page's rel=prev / rel=next links. Without this script the links work the same.
(() => {
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
		const target = event.target;
		// Never while typing: the search field and forms keep their arrow keys.
		if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
		const rel = event.key === 'ArrowLeft' ? 'prev' : event.key === 'ArrowRight' ? 'next' : null;
		const link = rel && document.querySelector(`link[rel="${rel}"]`);
		if (link instanceof HTMLLinkElement) {
			event.preventDefault();
			window.location.href = link.href;
		}
	});
})();
