// Self-assessment: with JavaScript, each stage's answers are saved as they are given (the
// stage's own form, posted in the background); without it, each stage's button does the same.
// A block of its own: classic scripts share one global scope with the page's other scripts.
{
	const MESSAGES = {
		enCours: 'Enregistrement…',
		fait: 'Réponses enregistrées.',
		refuse: 'Non enregistré : cliquez sur le bouton de l’étape pour voir ce qui est à corriger.',
		horsLigne: 'Pas de connexion : vos réponses restent dans la page ; cliquez sur le bouton de l’étape quand la connexion revient.'
	};
	for (const formulaire of document.querySelectorAll('form[data-auto-evaluation]')) {
		const etat = formulaire.querySelector('[data-etat]');
		let minuterie;
		let envoi = Promise.resolve();
		const enregistrer = () => {
			// One post at a time per stage, the latest answers last.
			envoi = envoi.then(async () => {
				etat.textContent = MESSAGES.enCours;
				try {
					const r = await fetch(formulaire.action, { method: 'POST', body: new FormData(formulaire), headers: { accept: 'application/json', 'x-sveltekit-action': 'true' } });
					const reponse = await r.json().catch(() => ({}));
					etat.textContent = reponse.type === 'redirect' || reponse.type === 'success' ? MESSAGES.fait : MESSAGES.refuse;
				} catch {
					etat.textContent = MESSAGES.horsLigne;
				}
			});
		};
		formulaire.addEventListener('change', () => {
			clearTimeout(minuterie);
			minuterie = setTimeout(enregistrer, 400);
		});
	}
}
