import { error } from '@sveltejs/kit';
import { adresseDesLiens } from '#lib/server/comptes/auth.ts';
import { db } from '#lib/server/demarrage.ts';
import { ficheParSlug } from '#lib/server/fiches/fiche.ts';
import { liensAbsolus } from '#lib/server/impression.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

// The fiche as on its page, its links absolute: the site's public address (or this machine's).
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const fiche = await ficheParSlug(db(), params.slug);
	if (!fiche) error(404, 'Page introuvable');
	autoriser(locals.acteur, 'lire', { type: 'fiche', statut: fiche.statut });
	const base = adresseDesLiens(url);
	const adresse = `${base}/fiches/${fiche.slug}`;
	return { base, fiche: { ...fiche, sections: fiche.sections.map((s) => ({ ...s, html: liensAbsolus(s.html, adresse) })) } };
};
