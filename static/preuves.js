// Evidence uploads: with JavaScript, the form is sent with a progress bar (a slow connection
// shows where it stands) and a file over the limit is refused before it is sent. Without
// JavaScript, the same form posts and the page comes back with the same messages.
for (const formulaire of document.querySelectorAll('form[data-envoi-preuve]')) {
	const barre = formulaire.querySelector('progress');
	const etat = formulaire.querySelector('.etat-envoi');
	const bouton = formulaire.querySelector('button[type=submit]');
	const max = Number(formulaire.dataset.tailleMax);
	formulaire.addEventListener('submit', (e) => {
		const fichier = formulaire.querySelector('input[type=file]')?.files?.[0];
		if (!fichier) return; // a link: the ordinary post is quick
		e.preventDefault();
		if (max && fichier.size > max) {
			etat.textContent = `Ce fichier pèse ${(fichier.size / 1048576).toFixed(1).replace('.', ',')} Mo : c’est plus que la taille maximale (${(max / 1048576).toFixed(0)} Mo). Réduisez-le, ou ajoutez plutôt un lien.`;
			return;
		}
		const xhr = new XMLHttpRequest();
		xhr.open('POST', formulaire.action);
		barre.hidden = false;
		bouton.disabled = true;
		etat.textContent = 'Envoi en cours…';
		xhr.upload.addEventListener('progress', (p) => {
			if (!p.lengthComputable) return;
			const pourcent = Math.round((p.loaded / p.total) * 100);
			barre.value = pourcent;
			etat.textContent = pourcent < 100 ? `Envoi en cours : ${pourcent} %` : 'Vérification du fichier…';
		});
		xhr.addEventListener('load', () => {
			// An answer that is not the page to go back to (a refusal without redirect): said here.
			const arrivee = new URL(xhr.responseURL || formulaire.action, window.location.href);
			if (xhr.status >= 400 || arrivee.pathname === new URL(formulaire.action, window.location.href).pathname) {
				barre.hidden = true;
				bouton.disabled = false;
				etat.textContent = `L’envoi a été refusé (erreur ${xhr.status}) : rien n’a été enregistré. Rechargez la page, puis réessayez.`;
				return;
			}
			// The server answered with the page to go back to (after its redirect).
			const ici = window.location.href.split('#')[0];
			window.location.assign(xhr.responseURL + '#' + formulaire.dataset.ancre);
			// Only the fragment changed: the browser would scroll without loading the answer.
			if (xhr.responseURL === ici) window.location.reload();
		});
		const echec = () => {
			barre.hidden = true;
			bouton.disabled = false;
			etat.textContent = 'L’envoi a échoué : vérifiez la connexion, puis réessayez. Rien n’a été enregistré.';
		};
		xhr.addEventListener('error', echec);
		xhr.addEventListener('abort', echec);
		xhr.send(new FormData(formulaire));
	});
}
