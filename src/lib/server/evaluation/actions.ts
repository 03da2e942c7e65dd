// What the evaluation pages do: each asks the policy module first (« evaluer »: contributors
// and pilots), reads the form, then writes; refusals come back in French with what was typed.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { lignes } from '#lib/projets/sections.ts';
import { db } from '../demarrage.ts';
import { projetPour } from '../projets/actions.ts';
import { etatSection } from '../projets/projets.ts';
import { champs, erreursDe } from '../validation/formulaire.ts';
import { identifiant } from '../validation/identifiant.ts';
import { ajouterImpact, ajouterRecit, ajouterRecommandation, creerEvaluation, enregistrerConstat, evaluationDuProjet, modifierRecommandation, retirerImpact, selectionnerRecit } from './base.ts';
import { schemaConstat, schemaEvaluation, schemaImpact, schemaRecit, schemaRecommandation, schemaSelection } from './regles.ts';

export async function creer(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'evaluer');
	const saisie = champs(await event.request.formData());
	const v = schemaEvaluation.safeParse(saisie);
	if (!v.success) return fail(400, { cle: 'evaluation', erreurs: erreursDe(v.error.issues), valeurs: saisie });
	const id = await creerEvaluation(db(), { projetId: projet.id, ...v.data, auteurId: acteur.id });
	redirect(303, `/projets/${projet.id}/evaluations/${id}?creee`);
}

/** The evaluation of the address, when it is one of the project's; 404 otherwise. */
export async function evaluationPour(projetId: number, brut: string | undefined) {
	const id = identifiant(brut) ?? error(404, 'Page introuvable');
	return (await evaluationDuProjet(db(), projetId, id)) ?? error(404, 'Page introuvable');
}

/** The evaluation questions of the plan (stage 7), with their ids. */
export const questionsDuPlan = async (projetId: number) =>
	lignes((await etatSection(db(), projetId, 'evaluation')).donnees, 'questions')
		.filter((l) => typeof l.id === 'string' && typeof l.question === 'string' && l.question)
		.map((l) => ({ id: l.id as string, question: l.question as string, methode: typeof l.methode === 'string' ? l.methode : '', qui: typeof l.qui === 'string' ? l.qui : '' }));

const ici = (projet: number, evaluation: number) => `/projets/${projet}/evaluations/${evaluation}`;

export async function constat(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'evaluer');
	const e = await evaluationPour(projet.id, event.params.evaluation);
	const saisie = champs(await event.request.formData());
	const cle = `constat.${saisie.question ?? ''}`;
	const v = schemaConstat.safeParse(saisie);
	if (!v.success) return fail(400, { cle, erreurs: erreursDe(v.error.issues), valeurs: saisie });
	if (!(await questionsDuPlan(projet.id)).some((q) => q.id === v.data.question)) return fail(400, { cle, erreurs: { formulaire: 'Cette question n’existe pas, ou plus, dans le plan d’évaluation : rechargez la page.' }, valeurs: saisie });
	await enregistrerConstat(db(), { evaluationId: e.id, ...v.data, auteurId: acteur.id });
	redirect(303, `${ici(projet.id, e.id)}?constat=${v.data.question}#question-${v.data.question}`);
}

export async function impact(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'evaluer');
	const e = await evaluationPour(projet.id, event.params.evaluation);
	const saisie = champs(await event.request.formData());
	const v = schemaImpact.safeParse(saisie);
	if (!v.success) return fail(400, { cle: 'impact', erreurs: erreursDe(v.error.issues), valeurs: saisie });
	await ajouterImpact(db(), { evaluationId: e.id, ...v.data, auteurId: acteur.id });
	redirect(303, `${ici(projet.id, e.id)}?impact#impacts`);
}

export async function retirer(event: RequestEvent) {
	const { projet } = await projetPour(event, 'evaluer');
	const e = await evaluationPour(projet.id, event.params.evaluation);
	const id = identifiant(champs(await event.request.formData()).impact);
	if (!id || !(await retirerImpact(db(), e.id, id))) return fail(404, { cle: 'impacts', erreurs: { formulaire: 'Cet impact n’existe pas, ou plus.' }, valeurs: {} });
	redirect(303, `${ici(projet.id, e.id)}?impact-retire#impacts`);
}

export async function recommander(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'evaluer');
	const e = await evaluationPour(projet.id, event.params.evaluation);
	const saisie = champs(await event.request.formData());
	const existante = saisie.recommandationId ? identifiant(saisie.recommandationId) : undefined;
	const cle = existante ? `recommandation.${existante}` : 'recommandation';
	if (saisie.recommandationId && !existante) return fail(404, { cle, erreurs: { formulaire: 'Cette recommandation n’existe pas, ou plus.' }, valeurs: saisie });
	const v = schemaRecommandation.safeParse(saisie);
	if (!v.success) return fail(400, { cle, erreurs: erreursDe(v.error.issues), valeurs: saisie });
	if (existante) {
		if (!(await modifierRecommandation(db(), e.id, existante, v.data, acteur.id))) return fail(404, { cle, erreurs: { formulaire: 'Cette recommandation n’existe pas, ou plus.' }, valeurs: saisie });
	} else await ajouterRecommandation(db(), { evaluationId: e.id, ...v.data, auteurId: acteur.id });
	redirect(303, `${ici(projet.id, e.id)}?recommandation#recommandations`);
}

export async function recit(event: RequestEvent) {
	const { projet, acteur } = await projetPour(event, 'evaluer');
	const saisie = champs(await event.request.formData());
	const v = schemaRecit.safeParse(saisie);
	if (!v.success) return fail(400, { cle: 'recit', erreurs: erreursDe(v.error.issues), valeurs: saisie });
	const { consentement: _, ...r } = v.data;
	await ajouterRecit(db(), { projetId: projet.id, ...r, auteurId: acteur.id });
	redirect(303, `/projets/${projet.id}/evaluations?recit#recits`);
}

export async function selectionner(event: RequestEvent) {
	const { projet } = await projetPour(event, 'evaluer');
	const saisie = champs(await event.request.formData());
	const id = identifiant(saisie.recitId);
	const cle = `recit.${id ?? ''}`;
	const v = schemaSelection.safeParse(saisie);
	if (!v.success) return fail(400, { cle, erreurs: erreursDe(v.error.issues), valeurs: saisie });
	if (!id || !(await selectionnerRecit(db(), projet.id, id, v.data))) return fail(404, { cle, erreurs: { formulaire: 'Ce récit n’existe pas, ou plus.' }, valeurs: saisie });
	redirect(303, `/projets/${projet.id}/evaluations?selection#recit-${id}`);
}
