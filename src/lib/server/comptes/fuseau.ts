// The account's time zone: every date and time is shown in it (dates.ts). Chosen on the
// account page, or accepted from the browser's proposal (static/fuseau.js); never set silently.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { fuseauValide, villeDuFuseau } from '#lib/dates.ts';
import type { Database } from '../db/index.ts';
import { utilisateurs } from '../db/schema.ts';
import { db } from '../demarrage.ts';
import { estConnecte } from '../policies/index.ts';
import { champs } from '../validation/formulaire.ts';
import { suiteSure } from './actions.ts';

export async function enregistrerFuseau(base: Database, utilisateurId: string, fuseau: string): Promise<void> {
	await base.update(utilisateurs).set({ fuseauHoraire: fuseau, updatedAt: sql`now()` }).where(eq(utilisateurs.id, utilisateurId));
}

/**
 * The account page's form, and the banner's: a zone the runtime knows, else a French message
 * and nothing changed. From the banner (a `suite` address), back where the person was.
 */
export async function changerFuseau(event: RequestEvent) {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) return fail(403, { formulaire: 'fuseau', erreurs: { formulaire: 'Connectez-vous d’abord.' } });
	const saisie = champs(await event.request.formData());
	const fuseau = fuseauValide(saisie.fuseau);
	if (!fuseau) return fail(400, { formulaire: 'fuseau', valeurs: { fuseau: saisie.fuseau ?? '' }, erreurs: { fuseau: 'Choisissez un fuseau horaire dans la liste.' } });
	await enregistrerFuseau(db(), acteur.id, fuseau);
	// The page answered by this same request is already shown in the new zone.
	event.locals.acteur = { ...acteur, fuseau };
	if (saisie.suite) {
		const suite = suiteSure(saisie.suite.split('#')[0]);
		redirect(303, `${suite}${suite.includes('?') ? '&' : '?'}fuseau-change`);
	}
	return { formulaire: 'fuseau', fait: `Fuseau horaire enregistré\u00a0: ${villeDuFuseau(fuseau)} (${fuseau}). Les dates et heures sont désormais affichées dans ce fuseau.` };
}
