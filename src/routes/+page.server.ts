import { db } from '#lib/server/demarrage.ts';
import { dernieresFiches } from '#lib/server/fiches/liste.ts';
import { chiffresCles, listerEtapes } from '#lib/server/guide/etapes.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	autoriser(locals.acteur, 'lire', { type: 'kit' });
	const [chiffres, etapes, fiches] = await Promise.all([
		chiffresCles(db()),
		listerEtapes(db()),
		dernieresFiches(db(), 3)
	]);
	return { chiffres, etapes, fiches };
};
