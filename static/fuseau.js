// Time zone: when this device's zone differs from the account's, the banner (hidden without
// JavaScript) offers to use it; nothing changes unless the person accepts. « Garder » is
// remembered in this browser for that zone, so that the question is not asked on every page.
// A block of its own: classic scripts share one global scope with the page's other scripts.
{
	const bandeau = document.querySelector('[data-fuseau-proposition]');
	const appareil = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (bandeau && appareil && appareil !== bandeau.dataset.fuseauCompte) {
		const cle = 'terrinclus:fuseau-garde';
		let garde = null;
		try {
			garde = localStorage.getItem(cle);
		} catch {}
		if (garde !== `${bandeau.dataset.fuseauCompte}>${appareil}`) {
			for (const el of bandeau.querySelectorAll('[data-fuseau-nom]')) el.textContent = appareil;
			bandeau.querySelector('[data-fuseau-valeur]').value = appareil;
			bandeau.hidden = false;
			bandeau.querySelector('[data-fuseau-garder]').addEventListener('click', () => {
				try {
					localStorage.setItem(cle, `${bandeau.dataset.fuseauCompte}>${appareil}`);
				} catch {}
				bandeau.hidden = true;
			});
		}
	}
}
