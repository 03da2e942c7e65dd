import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { periodesDuProjet } from '#lib/server/suivi/periodes/base.ts';
import { duAu } from '#lib/server/suivi/periodes/regles.ts';
import { decider, indicateursDuProjet, periodePour, saisir, verrouiller } from '#lib/server/suivi/valeurs/actions.ts';
import { historiqueDeLaPeriode, valeursDuProjet } from '#lib/server/suivi/valeurs/base.ts';
import { afficher, chiffreDe, ecartsDeVentilation, LIBELLES_COTE, LIBELLES_STATUT } from '#lib/server/suivi/valeurs/regles.ts';
import { champVentilation } from '#lib/projets/ventilations.ts';
import { ciblesDuProjet } from '#lib/server/suivi/cibles/base.ts';
import { COTES_SUIVI } from '#lib/server/db/schema.ts';
import { deciderRapport, rediger } from '#lib/server/suivi/comptes-rendus/actions.ts';
import { comptesRendus, historiqueDesComptesRendus } from '#lib/server/suivi/comptes-rendus/base.ts';
import { RUBRIQUES } from '#lib/server/suivi/comptes-rendus/regles.ts';
import { preuvesDeLaPage } from '#lib/server/fichiers/preuves/actions.ts';
import type { Actions, PageServerLoad } from './$types';

const LIBELLES_RAPPORT = { brouillon: 'Brouillon', soumise: 'Soumis', validee: 'Validé', renvoyee: 'Renvoyé' } as const;

const MESSAGES: Record<string, string> = {
	'rapport-brouillon': 'Le brouillon du compte rendu est enregistré ; il reste à le soumettre.',
	'rapport-soumis': 'Le compte rendu est soumis : un pilote le validera ou le renverra avec une note.',
	'rapport-valide': 'Le compte rendu est validé.',
	'rapport-renvoye': 'Le compte rendu est renvoyé avec votre note.',
	brouillon: 'Le brouillon est enregistré ; il reste à le soumettre pour validation.',
	soumise: 'La valeur est soumise : un pilote la validera ou la renverra avec une note.',
	validee: 'La valeur est validée.',
	renvoyee: 'La valeur est renvoyée avec votre note.'
};

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const periode = await periodePour(projet.id, event.params.periode);
	const [indicateurs, valeurs, historique, periodes, rapports, historiqueRapports, preuves, cibles] = await Promise.all([
		indicateursDuProjet(projet.id),
		valeursDuProjet(db(), projet.id, periode.id),
		historiqueDeLaPeriode(db(), projet.id, periode.id),
		periodesDuProjet(db(), projet.id),
		comptesRendus(db(), projet.id, periode.id),
		historiqueDesComptesRendus(db(), projet.id, periode.id),
		preuvesDeLaPage(event, projet.id, role, acteur, ['valeur', 'compte-rendu'], periode.id),
		ciblesDuProjet(db(), projet.id)
	]);
	const chiffre = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
	const ressource = { type: 'projet', role, public: projet.public } as const;
	const q = event.url.searchParams;
	const cle = Object.keys(MESSAGES).find((k) => q.has(k));
	const i = periodes.findIndex((p) => p.id === periode.id);
	const voisine = (p: (typeof periodes)[number] | undefined) => (p ? { id: p.id, libelle: p.libelle } : null);
	return {
		projet: { id: projet.id, titre: projet.titre },
		periode: { id: periode.id, libelle: periode.libelle, dates: duAu(periode.debut, periode.fin), verrouillee: periode.verrouilleeLe !== null },
		precedente: voisine(periodes[i - 1]),
		suivante: voisine(periodes[i + 1]),
		indicateurs: indicateurs.map((ind) => ({
			id: ind.id,
			libelle: ind.libelle,
			type: ind.type,
			unite: ind.unite,
			cible: ind.type === 'qualitatif' ? ind.cibleTexte : ind.cible === null ? '' : afficher(ind.cible, ind.unite),
			ventilations: ind.ventilations.map((d) => ({ libelle: d.libelle, categories: d.categories })),
			series: ind.cotes.map((cote) => {
				const v = valeurs.find((x) => x.indicateur === ind.id && x.cote === cote);
				const cible = cibles.find((c) => c.indicateur === ind.id && c.cote === cote && c.periodeId === periode.id);
				return {
					cote,
					libelleCote: LIBELLES_COTE[cote],
					cibleDeLaPeriode: cible ? afficher(cible.cible, ind.unite) : '',
					valeur: v
						? {
								id: v.id,
								version: v.version,
								statut: v.statut,
								libelleStatut: LIBELLES_STATUT[v.statut],
								note: v.note,
								auteur: v.auteur,
								modifieLe: v.modifieLe,
								affichee: ind.type === 'qualitatif' ? (v.texte ?? '') : afficher(chiffreDe(v), ind.unite) + (v.denominateur ? ` (${afficher(v.numerateur)} sur ${afficher(v.denominateur)})` : ''),
								saisie: { valeur: v.valeur, numerateur: v.numerateur, denominateur: v.denominateur, texte: v.texte ?? '', commentaire: v.commentaire },
								// The split as the form's fields hold it, and as a reader reads it.
								saisieVentilation: Object.fromEntries(
									ind.ventilations.flatMap((d, i) =>
										d.categories.flatMap((c, j) => {
											const part = v.ventilation?.[d.id]?.[c];
											return part ? (['valeur', 'numerateur', 'denominateur'] as const).map((k) => [champVentilation(i, j, k), chiffre(part[k])]) : [];
										})
									)
								),
								ventilee: ind.ventilations.flatMap((d) => {
									const parts = d.categories.flatMap((c) => {
										const part = v.ventilation?.[d.id]?.[c];
										return part ? [`${c} : ${afficher(chiffreDe(part), ind.unite)}${part.denominateur ? ` (${afficher(part.numerateur)} sur ${afficher(part.denominateur)})` : ''}`] : [];
									});
									return parts.length ? [`${d.libelle} — ${parts.join(' ; ')}`] : [];
								}),
								ecarts: ecartsDeVentilation(ind, v),
								historique: historique.filter((e) => e.valeurId === v.id).map((e) => ({ action: e.action, note: e.note, auteur: e.auteur, le: e.le }))
							}
						: null
				};
			})
		})),
		rubriques: RUBRIQUES,
		rapports: COTES_SUIVI.map((cote) => {
			const r = rapports.find((x) => x.cote === cote);
			return {
				cote,
				libelleCote: LIBELLES_COTE[cote],
				rapport: r ? { id: r.id, version: r.version, statut: r.statut, libelleStatut: LIBELLES_RAPPORT[r.statut], note: r.note, auteur: r.auteur, modifieLe: r.modifieLe, contenu: r.contenu, historique: historiqueRapports.filter((e) => e.compteRenduId === r.id).map(({ compteRenduId: _, ...e }) => e) } : null
			};
		}),
		preuves,
		peutSaisir: peut(acteur, 'saisir-valeurs', ressource),
		peutValider: peut(acteur, 'valider-valeurs', ressource),
		message: cle ? { cle: q.get(cle) ?? '', texte: MESSAGES[cle]! } : q.has('verrouillee') ? { cle: 'periode', texte: 'La période est verrouillée : ses valeurs ne changeront plus.' } : q.has('deverrouillee') ? { cle: 'periode', texte: 'La période est déverrouillée.' } : null
	};
};

export const actions: Actions = { saisir, decider, verrouiller, rediger, deciderRapport };
