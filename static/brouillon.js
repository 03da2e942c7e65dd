// Drafts: what is typed in a project's section is kept in this browser as it is typed, so that
// a lost connection or a closed tab loses nothing; the draft is offered back on return and
// forgotten once saved. Without JavaScript the banner stays hidden and the form still works.
const bandeau = document.querySelector('[data-brouillon-pour]');
const formulaire = bandeau && document.getElementById(bandeau.dataset.brouillonPour);
if (bandeau && formulaire && window.localStorage) {
	const cle = bandeau.dataset.cle;
	const lire = () => JSON.stringify([...new FormData(formulaire).entries()].filter(([k, v]) => k !== '_version' && typeof v === 'string'));
	if (bandeau.dataset.enregistre === 'oui') localStorage.removeItem(cle);
	const initial = lire();
	const garde = localStorage.getItem(cle);
	const question = bandeau.querySelector('[data-question]');
	const repris = bandeau.querySelector('[data-repris]');
	if (garde && garde !== initial) bandeau.hidden = false;

	let minuterie;
	const noter = () => {
		clearTimeout(minuterie);
		minuterie = setTimeout(() => {
			const v = lire();
			if (v === initial) localStorage.removeItem(cle);
			else localStorage.setItem(cle, v);
		}, 300);
	};
	formulaire.addEventListener('input', noter);
	formulaire.addEventListener('change', noter);

	bandeau.querySelector('[data-reprendre]').addEventListener('click', () => {
		const valeurs = new Map();
		for (const [k, v] of JSON.parse(localStorage.getItem(cle) ?? '[]')) valeurs.set(k, [...(valeurs.get(k) ?? []), v]);
		for (const el of formulaire.elements) {
			if (!el.name || el.name === '_version' || el.type === 'hidden' || el.type === 'submit') continue;
			const v = valeurs.get(el.name) ?? [];
			if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.includes(el.value);
			else el.value = v[0] ?? '';
		}
		question.hidden = true;
		repris.hidden = false;
		formulaire.querySelector('input:not([type=hidden]), textarea, select')?.focus();
	});
	bandeau.querySelector('[data-oublier]').addEventListener('click', () => {
		localStorage.removeItem(cle);
		bandeau.hidden = true;
	});
}
