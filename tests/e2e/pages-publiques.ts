// Every public page of the kit, derived from the content files.
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { CONTENU_REEL } from '../support/contenu.ts';

export function pagesPubliques(): string[] {
	const kit = lireContenu(CONTENU_REEL);
	return [
		'/',
		'/etapes',
		'/recommandations',
		'/fiches',
		'/fiches?theme=acces-aux-droits&pays=MG',
		'/recherche',
		'/recherche?q=jeunes+insertion&theme=mobilite-internationale-jeunes',
		'/recherche?q=insertoin',
		'/recherche?q=Bretagne',
		'/carte',
		'/inscription',
		'/connexion',
		'/mot-de-passe-oublie',
		...kit.pages.map((p) => `/${p.slug}`),
		...kit.etapes.flatMap((e) => [`/etapes/${e.slug}`, `/etapes/${e.slug}/imprimer`]),
		...kit.fiches.filter((f) => f.statut === 'publiee').flatMap((f) => [`/fiches/${f.slug}`, `/fiches/${f.slug}/imprimer`])
	];
}
