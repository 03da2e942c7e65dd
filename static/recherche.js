// Live search: as the reader types, the results below the form are refreshed (debounced) and
// the address follows, so the page can still be shared, reloaded or used without JavaScript.
const formulaire = document.querySelector('form[data-recherche-directe]');
if (formulaire && window.fetch && window.DOMParser && window.history) {
	let minuterie;
	let enCours;
	const actualiser = async () => {
		const params = new URLSearchParams();
		for (const [cle, valeur] of new FormData(formulaire)) {
			// Defaults stay out of the address, as in the links the server writes.
			if (typeof valeur === 'string' && valeur.trim() && !(cle === 'tri' && valeur === 'pertinence')) params.set(cle, valeur);
		}
		const adresse = params.size ? `/recherche?${params}` : '/recherche';
		enCours?.abort();
		enCours = new AbortController();
		try {
			const reponse = await fetch(adresse, { signal: enCours.signal, headers: { accept: 'text/html' } });
			if (!reponse.ok) return;
			const page = new DOMParser().parseFromString(await reponse.text(), 'text/html');
			const nouveaux = page.getElementById('resultats-recherche');
			const anciens = document.getElementById('resultats-recherche');
			if (!nouveaux || !anciens) return;
			anciens.replaceWith(document.adoptNode(nouveaux));
			history.replaceState(null, '', adresse);
			document.title = page.title;
			// The results were replaced whole: tell screen readers what they now say.
			const annonce = document.getElementById('annonce-recherche');
			const statut = document.querySelector('#resultats-recherche .statut-recherche');
			if (annonce && statut) annonce.textContent = statut.textContent.trim();
		} catch (erreur) {
			// A cancelled or failed refresh leaves the page as it is; the form still submits.
			if (erreur.name !== 'AbortError') console.warn(erreur);
		}
	};
	const plusTard = () => {
		clearTimeout(minuterie);
		minuterie = setTimeout(actualiser, 300);
	};
	formulaire.addEventListener('input', plusTard);
	formulaire.addEventListener('change', plusTard);
}
