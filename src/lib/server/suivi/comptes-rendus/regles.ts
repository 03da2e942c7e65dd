// A period's narrative report, separate from the numbers: its parts, as the method asks.
export const RUBRIQUES = [
	{ nom: 'realise', libelle: 'Ce qui a été fait', aide: 'Les activités menées pendant la période, ici ou là-bas.' },
	{ nom: 'changements', libelle: 'Ce qui a changé pour les personnes concernées', aide: 'Dit avec elles autant que possible : ce qu’elles font, vivent ou décident autrement.' },
	{ nom: 'difficultes', libelle: 'Difficultés rencontrées', aide: '' },
	{ nom: 'ajustements', libelle: 'Ajustements décidés', aide: 'Ce que l’équipe change dans le projet, et pourquoi.' },
	{ nom: 'suite', libelle: 'Prochaines étapes', aide: '' }
] as const;
export type Rubrique = (typeof RUBRIQUES)[number]['nom'];
export type ContenuCompteRendu = Record<Rubrique, string>;

const MAX = 5000;
const CONTROLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Reads the report's parts; at least one must say something. */
export function lireCompteRendu(saisie: Record<string, string | undefined>): { ok: true; contenu: ContenuCompteRendu } | { ok: false; erreurs: Record<string, string> } {
	const erreurs: Record<string, string> = {};
	const contenu = {} as ContenuCompteRendu;
	for (const r of RUBRIQUES) {
		const t = (saisie[r.nom] ?? '').replace(/\r\n?/g, '\n').trim();
		if (t.length > MAX) erreurs[r.nom] = `5 000 caractères au plus (${t.length} saisis).`;
		else if (CONTROLE.test(t)) erreurs[r.nom] = 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.';
		contenu[r.nom] = t;
	}
	if (!Object.keys(erreurs).length && RUBRIQUES.every((r) => !contenu[r.nom])) erreurs.realise = 'Écrivez au moins ce qui a été fait pendant la période.';
	return Object.keys(erreurs).length ? { ok: false, erreurs } : { ok: true, contenu };
}
