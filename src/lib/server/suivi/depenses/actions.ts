// The spending page's form: one budget line's amounts, period by period.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../../demarrage.ts';
import { projetPour } from '../../projets/actions.ts';
import { etatSection } from '../../projets/projets.ts';
import { champs } from '../../validation/formulaire.ts';
import { periodesDuProjet } from '../periodes/base.ts';
import { enregistrerDepenses } from './base.ts';
import { lignesDuBudget, lireDepenses } from './regles.ts';

export async function depenser(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'saisir-valeurs');
	const saisie = champs(await event.request.formData());
	const ligne = lignesDuBudget((await etatSection(db(), projet.id, 'budget')).donnees).find((l) => l.id === saisie.ligne);
	if (!ligne) return fail(400, { cle: '', erreurs: { formulaire: 'Cette ligne n’existe pas, ou plus, dans le budget : rechargez la page.' }, valeurs: saisie });
	const cle = `ligne.${ligne.id}`;
	// Only the periods the form showed: the others keep what they hold.
	const periodes = (await periodesDuProjet(db(), projet.id)).map((p) => p.id).filter((id) => `periode-${id}` in saisie);
	const lecture = lireDepenses(saisie, periodes);
	if (!lecture.ok) return fail(400, { cle, erreurs: lecture.erreurs, valeurs: saisie });
	const r = await enregistrerDepenses(db(), { projetId: projet.id, ligne: ligne.id, montants: lecture.montants, auteurId: acteur.id });
	if (!r.ok) return fail(409, { cle, erreurs: { formulaire: r.raison === 'verrouillee' ? `La période « ${r.periode} » est verrouillée : ses dépenses ne changent plus.` : 'Une de ces périodes n’existe plus : rechargez la page.' }, valeurs: saisie });
	redirect(303, `/projets/${projet.id}/suivi/budget?enregistree=${encodeURIComponent(cle)}#ligne-${ligne.id}`);
}
