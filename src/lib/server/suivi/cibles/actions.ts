// The « Cibles par période » page: a pilot sets, beside the end-of-project target, the level
// expected for each period and side; readers of the project see them.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../../demarrage.ts';
import { projetPour } from '../../projets/actions.ts';
import { champs } from '../../validation/formulaire.ts';
import { periodesDuProjet } from '../periodes/base.ts';
import { indicateursDuProjet } from '../valeurs/actions.ts';
import { enregistrerCibles } from './base.ts';
import { avecCibles, lireCibles } from './regles.ts';

export async function enregistrer(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'organiser-suivi');
	const saisie = champs(await event.request.formData());
	const [indicateurs, periodes] = await Promise.all([indicateursDuProjet(projet.id), periodesDuProjet(db(), projet.id)]);
	// Only the periods the form showed: one added meanwhile keeps its targets.
	const montrees = new Set((saisie.periodes ?? '').split(',').map(Number));
	const lues = periodes.filter((p) => montrees.has(p.id));
	const lecture = lireCibles(indicateurs, lues, saisie);
	if (!lecture.ok) return fail(400, { erreurs: lecture.erreurs, valeurs: saisie });
	await enregistrerCibles(db(), { projetId: projet.id, indicateurs: avecCibles(indicateurs).map((i) => i.id), periodes: lues.map((p) => p.id), cibles: lecture.cibles, auteurId: acteur.id });
	redirect(303, `/projets/${projet.id}/suivi/cibles?enregistrees#message-cibles`);
}
