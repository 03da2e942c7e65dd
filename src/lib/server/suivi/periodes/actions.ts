// The forms of the « Suivi » page: the pilot cuts the project's planned dates into reporting
// periods, adds one by hand, or removes one.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { texte } from '#lib/projets/sections.ts';
import { db } from '../../demarrage.ts';
import { projetPour } from '../../projets/actions.ts';
import { etatSection } from '../../projets/projets.ts';
import { champs, erreursDe } from '../../validation/formulaire.ts';
import { identifiant } from '../../validation/identifiant.ts';
import { ajouterPeriodes, supprimerPeriode } from './base.ts';
import { decouper, duAu, RYTHMES, schemaDecoupage, schemaPeriode } from './regles.ts';

/** The project's planned dates, from its identity section. */
export async function datesDuProjet(projetId: number) {
	const identite = (await etatSection(db(), projetId, 'identite')).donnees;
	return { debut: texte(identite, 'debut'), fin: texte(identite, 'fin') };
}

export async function decouperLaPeriode(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'organiser-suivi');
	const saisie = champs(await event.request.formData());
	const v = schemaDecoupage.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'decoupage', valeurs: saisie, erreurs: erreursDe(v.error.issues) });
	const { debut, fin } = await datesDuProjet(projet.id);
	if (!debut || !fin) return fail(400, { formulaire: 'decoupage', valeurs: saisie, erreurs: { formulaire: 'Indiquez d’abord le début et la fin prévus du projet dans « Identité du projet ».' } });
	const cut = decouper(debut, fin, v.data.rythme);
	if (!cut.ok) return fail(400, { formulaire: 'decoupage', valeurs: saisie, erreurs: { formulaire: cut.message } });
	const r = await ajouterPeriodes(db(), projet.id, cut.periodes, acteur.id);
	if (!r.ok) return fail(409, { formulaire: 'decoupage', valeurs: saisie, erreurs: { formulaire: `${r.message} Supprimez d’abord les périodes existantes, ou ajoutez les autres une par une.` } });
	redirect(303, `/projets/${projet.id}/suivi?ajoutees=${r.ajoutees}#message-suivi`);
}

export async function ajouterUnePeriode(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'organiser-suivi');
	const saisie = champs(await event.request.formData());
	const v = schemaPeriode.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'periode', valeurs: saisie, erreurs: erreursDe(v.error.issues) });
	const { debut, fin } = await datesDuProjet(projet.id);
	// Values are reported within the project's life: a period outside it would stay empty.
	if ((debut && v.data.debut < debut) || (fin && v.data.fin > fin))
		return fail(400, { formulaire: 'periode', valeurs: saisie, erreurs: { debut: `La période doit tenir dans celle du projet, ${duAu(debut || v.data.debut, fin || v.data.fin)}.` } });
	const periode = { libelle: v.data.libelle || duAu(v.data.debut, v.data.fin).replace(/^du/, 'Du'), debut: v.data.debut, fin: v.data.fin };
	const r = await ajouterPeriodes(db(), projet.id, [periode], acteur.id);
	if (!r.ok) return fail(409, { formulaire: 'periode', valeurs: saisie, erreurs: { debut: r.message } });
	redirect(303, `/projets/${projet.id}/suivi?ajoutees=1#message-suivi`);
}

export async function supprimer(event: RequestEvent) {
	const { projet } = await projetPour(event, 'organiser-suivi');
	const id = identifiant(champs(await event.request.formData()).periode);
	const r = id ? await supprimerPeriode(db(), projet.id, id) : 'absente';
	if (r === 'absente') return fail(404, { formulaire: 'liste', erreurs: { formulaire: 'Cette période n’existe pas, ou plus.' } });
	if (r === 'tenue') return fail(409, { formulaire: 'liste', erreurs: { formulaire: 'Des valeurs, des comptes rendus, des dépenses ou des preuves ont été saisis pour cette période : elle ne peut être supprimée sans les perdre.' } });
	redirect(303, `/projets/${projet.id}/suivi?supprimee#message-suivi`);
}

export const OPTIONS_RYTHMES = RYTHMES.map((r) => ({ valeur: r.valeur, libelle: r.libelle }));
