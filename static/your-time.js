// "Your time" pages (/events/sessions/<id>/your-time): remember the zone the
// reader picks, and open the next such page in it. Without this script the
// page works the same, in UTC until a zone is picked.
(() => {
	const form = document.getElementById('your-time-form');
	const select = form && form.querySelector('select[name="zone"]');
	if (!select) return;
	const key = 'your-time-zone';
	const store = (() => {
		try {
			return window.localStorage;
		} catch {
			return null; // storage switched off
		}
	})();
	if (!store) return;
	form.addEventListener('submit', () => {
		try {
			store.setItem(key, select.value);
		} catch {
			// storage full or refused: the form still shows the time, it is just not remembered
		}
	});
	const query = new URLSearchParams(location.search);
	const saved = store.getItem(key);
	if (query.has('zone') || !saved || saved === select.value) return;
	if (![...select.options].some((option) => option.value === saved)) return;
	select.value = saved;
	query.set('zone', saved);
	location.replace(`${location.pathname}?${query}`);
})();
