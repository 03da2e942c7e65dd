import { section as sectionDe, SECTIONS, type Donnees } from '#lib/projets/sections.ts';
import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour, restaurer } from '#lib/server/projets/actions.ts';
import { mettreANiveau } from '#lib/server/projets/mise-a-niveau.ts';
import { revision, revisions, sectionsDuProjet, versionDeSection } from '#lib/server/projets/projets.ts';
import { changements } from '#lib/server/projets/saisie.ts';
import { avecLeProjet, listes, listesDe } from '#lib/server/projets/references.ts';
import { identifiant } from '#lib/server/validation/identifiant.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const filtre = sectionDe(event.url.searchParams.get('section') ?? '')?.slug;
	const choisie = identifiant(event.url.searchParams.get('revision'));
	const [liste, detail] = await Promise.all([revisions(db(), projet.id, filtre), choisie ? revision(db(), projet.id, choisie) : undefined]);
	const titres = new Map(SECTIONS.map((s) => [s.slug, s.titre]));
	let vue = null;
	if (detail) {
		const s = sectionDe(detail.section)!;
		const [tout, precedente, l] = await Promise.all([sectionsDuProjet(db(), projet.id), versionDeSection(db(), projet.id, s.slug, detail.version - 1), listes(db())]);
		const courante = tout[s.slug]!;
		const actuelles = Object.fromEntries(Object.entries(tout).map(([slug, e]) => [slug, e.donnees]));
		// Versions from before the linked logical framework read in today's shape.
		const lue = (d: Donnees) => mettreANiveau({ ...actuelles, [s.slug]: d }).sections[s.slug] ?? d;
		// The lists as the shown version names them: activities it typed are found there too.
		const anciennes = mettreANiveau({ ...actuelles, [s.slug]: detail.donnees }).sections;
		// The fields this version changed, before and after.
		const changes = changements(s, precedente?.donnees, detail.donnees);
		vue = {
			id: detail.id,
			section: s,
			version: detail.version,
			auteur: detail.auteur,
			creeLe: detail.creeLe,
			donnees: lue(detail.donnees),
			avant: precedente ? { version: precedente.version, donnees: lue(precedente.donnees as Donnees) } : null,
			changes: { ...s, champs: s.champs.filter((c) => changes.includes(c.libelle)) },
			listes: listesDe(s, avecLeProjet(l.listes, anciennes)),
			versionCourante: courante.version
		};
	}
	return {
		projet: { id: projet.id, titre: projet.titre },
		filtre: filtre ? { slug: filtre, titre: titres.get(filtre)! } : null,
		sections: SECTIONS.map((s) => ({ slug: s.slug, titre: s.titre })),
		revisions: liste.map((r) => ({ ...r, titre: titres.get(r.section) ?? r.section })),
		vue,
		peutModifier: peut(acteur, 'modifier', { type: 'projet', role, public: projet.public })
	};
};

export const actions: Actions = { restaurer };
