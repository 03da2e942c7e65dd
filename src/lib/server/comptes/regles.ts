import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as commun from '@zxcvbn-ts/language-common';
import * as francais from '@zxcvbn-ts/language-fr';
import { z } from 'zod';
import { contientBidi } from '../securite/texte.ts';

export const LONGUEUR_MIN_MOT_DE_PASSE = 12;
export const LONGUEUR_MAX_MOT_DE_PASSE = 128;

/** The rule, as the forms explain it. */
export const REGLE_MOT_DE_PASSE =
	'Au moins 12 caractères, difficile à deviner : évitez votre nom, votre adresse, les mots de passe courants et les suites comme « azerty123 ». Une phrase de quatre mots au hasard est à la fois sûre et facile à retenir.';

const estimateur = new ZxcvbnFactory({
	dictionary: { ...commun.dictionary, ...francais.dictionary },
	graphs: commun.adjacencyGraphs,
	translations: francais.translations
});

/**
 * Why a password is refused, in French, or undefined when it is strong enough: long enough,
 * and not guessable (zxcvbn score 3 of 4 at least: common passwords, names, dictionary words,
 * keyboard runs and dates are recognised, and so are the person's own name and address).
 */
export function faiblesseMotDePasse(motDePasse: string, personnel: string[] = []): string | undefined {
	if (motDePasse.length < LONGUEUR_MIN_MOT_DE_PASSE) return `Le mot de passe doit compter au moins ${LONGUEUR_MIN_MOT_DE_PASSE} caractères.`;
	if (motDePasse.length > LONGUEUR_MAX_MOT_DE_PASSE) return `Le mot de passe ne peut dépasser ${LONGUEUR_MAX_MOT_DE_PASSE} caractères.`;
	// The person's own words, apart and joined (« camillemartin »), count as known to a guesser.
	const mots = personnel
		.flatMap((p) => {
			const parties = p.toLowerCase().split('@')[0]!.split(/[^\p{L}\p{N}]+/u);
			return [...parties, parties.join('')];
		})
		.filter((m) => m.length >= 3);
	const r = estimateur.check(motDePasse, mots);
	if (r.score >= 3) return undefined;
	const conseil = r.feedback.warning ? `${r.feedback.warning} ` : '';
	return `Ce mot de passe est trop facile à deviner. ${conseil}Allongez-le ou choisissez plusieurs mots sans lien entre eux.`.replace(/\s+/g, ' ');
}

const courriel = z
	.string({ error: 'Indiquez votre adresse électronique.' })
	.trim()
	.min(1, 'Indiquez votre adresse électronique.')
	.max(254, 'Cette adresse électronique est trop longue.')
	.pipe(z.email({ error: 'Cette adresse électronique n’est pas valide (exemple : prenom.nom@departement.fr).' }))
	.transform((v) => v.toLowerCase());

const nom = z
	.string({ error: 'Indiquez votre nom.' })
	.trim()
	.min(1, 'Indiquez votre nom.')
	.max(100, 'Le nom ne peut dépasser 100 caractères.')
	// Names are shown to others: no markup, no control characters.
	.refine((v) => !/[<>\p{Cc}]/u.test(v) && !contientBidi(v), 'Le nom ne peut contenir les caractères < et > ni de caractères de contrôle.');

const motDePasse = z.string({ error: 'Indiquez un mot de passe.' }).min(1, 'Indiquez un mot de passe.');

export const schemaInscription = z
	.object({ nom, courriel, motDePasse, confirmation: z.string().optional().default('') })
	.superRefine((v, ctx) => {
		const faiblesse = faiblesseMotDePasse(v.motDePasse, [v.nom, v.courriel]);
		if (faiblesse) ctx.addIssue({ code: 'custom', path: ['motDePasse'], message: faiblesse });
		else if (v.confirmation !== v.motDePasse)
			ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });
	});

export const schemaConnexion = z.object({ courriel, motDePasse });
export const schemaCourriel = z.object({ courriel });
export const schemaNom = z.object({ nom });

export const schemaNouveauMotDePasse = (personnel: string[] = []) =>
	z
		.object({ motDePasse, confirmation: z.string().optional().default('') })
		.superRefine((v, ctx) => {
			const faiblesse = faiblesseMotDePasse(v.motDePasse, personnel);
			if (faiblesse) ctx.addIssue({ code: 'custom', path: ['motDePasse'], message: faiblesse });
			else if (v.confirmation !== v.motDePasse)
				ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });
		});
