// The evaluation's forms, without the database: French messages, nothing stored when refused.
import { z } from 'zod';
import { estJour } from '#lib/dates.ts';
import { JUGEMENTS, STATUTS_RECOMMANDATION, TYPES_EVALUATION } from '../db/schema.ts';

export const LIBELLES_TYPE = { 'mi-parcours': 'Évaluation à mi-parcours', finale: 'Évaluation finale', autre: 'Autre évaluation' } as const;
/** The stated scale every judgement uses. */
export const ECHELLE = [
	{ valeur: 'tres-satisfaisant', libelle: 'Très satisfaisant' },
	{ valeur: 'satisfaisant', libelle: 'Satisfaisant' },
	{ valeur: 'peu-satisfaisant', libelle: 'Peu satisfaisant' },
	{ valeur: 'insatisfaisant', libelle: 'Insatisfaisant' }
] as const;
export const LIBELLES_STATUT = { 'a-decider': 'À décider', decidee: 'Décidée', 'en-cours': 'En cours', faite: 'Faite', ecartee: 'Écartée' } as const;

const CONTROLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const texte = (max: number, requis?: string) => {
	const base = z
		.string()
		.trim()
		.max(max, `${max.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} caractères au plus.`)
		.refine((v) => !CONTROLE.test(v), 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.');
	return requis ? base.refine((v) => v.length > 0, requis) : base;
};
const jour = z
	.string()
	.trim()
	.refine((s) => s === '' || estJour(s), 'Indiquez une date valide (jj/mm/aaaa).')
	.transform((s) => s || null);

export const schemaEvaluation = z.object({
	type: z.enum(TYPES_EVALUATION, { error: 'Choisissez le type d’évaluation.' }),
	titre: texte(200, 'Donnez un titre à l’évaluation, par exemple « Évaluation à mi-parcours, juin 2027 ».')
});

export const schemaConstat = z.object({
	question: z.string().regex(/^[A-Za-z0-9_-]{6,16}$/, 'Cette question n’existe pas, ou plus, dans le plan d’évaluation.'),
	constat: texte(5000, 'Écrivez ce que l’évaluation a établi pour cette question.'),
	preuves: texte(2000),
	jugement: z.union([z.enum(JUGEMENTS), z.literal('')], { error: 'Choisissez un jugement sur l’échelle.' }).transform((v) => v || null),
	avecQui: texte(500),
	personnesConcernees: z
		.string()
		.optional()
		.transform((v) => v === 'oui')
});

export const schemaImpact = z.object({
	cote: z.enum(['ici', 'la-bas'], { error: 'Dites de quel côté cet impact a été observé.' }),
	description: texte(2000, 'Décrivez l’impact observé.'),
	prevu: z.enum(['oui', 'non'], { error: 'Dites si cet impact était attendu.' }).transform((v) => v === 'oui'),
	positif: z.enum(['oui', 'non'], { error: 'Dites si cet impact est positif ou négatif.' }).transform((v) => v === 'oui')
});

export const schemaRecommandation = z.object({
	recommandation: texte(2000, 'Écrivez la recommandation.'),
	decision: texte(2000),
	responsable: texte(200),
	echeance: jour,
	statut: z.enum(STATUTS_RECOMMANDATION, { error: 'Choisissez un état dans la liste.' })
});

export const schemaRecit = z.object({
	domaine: texte(120, 'Dites dans quel domaine le changement a eu lieu, par exemple « autonomie » ou « lien avec les institutions ».'),
	recit: texte(5000, 'Écrivez le récit, avec les mots de la personne.'),
	narrateur: texte(200, 'Dites qui l’a raconté, comme la personne accepte d’être nommée.'),
	cote: z.enum(['ici', 'la-bas'], { error: 'Dites de quel côté le récit a été recueilli.' }),
	consentement: z
		.string()
		.optional()
		.refine((v) => v === 'oui', 'Un récit ne s’enregistre qu’avec le consentement de la personne qui l’a raconté.')
		.transform(() => true)
});

export const schemaSelection = z.object({
	selectionne: z
		.string()
		.optional()
		.transform((v) => v === 'oui'),
	raison: texte(1000)
}).refine((v) => !v.selectionne || v.raison.length > 0, { message: 'Dites pourquoi l’équipe retient ce récit : c’est le cœur de la méthode.', path: ['raison'] });
