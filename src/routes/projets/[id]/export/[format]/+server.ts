import { error, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { dossierDocx } from '#lib/server/projets/exports/docx.ts';
import { dossier, enteteDisposition, lireChoix } from '#lib/server/projets/exports/dossier.ts';
import { dossierPdf } from '#lib/server/projets/exports/pdf.ts';
import { cadreEtBudgetXlsx } from '#lib/server/projets/exports/xlsx.ts';
import { sectionsDuProjet } from '#lib/server/projets/projets.ts';
import type { RequestHandler } from './$types';

const TYPES = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

export const GET: RequestHandler = async (event) => {
	const { projet, acteur } = await projetPour(event, 'exporter');
	const format = event.params.format;
	if (!(format in TYPES)) error(404, 'Page introuvable');
	let corps: Buffer;
	let disposition: string;
	if (format === 'xlsx') {
		const tout = await sectionsDuProjet(db(), projet.id);
		corps = await cadreEtBudgetXlsx(projet.titre, Object.fromEntries(Object.entries(tout).map(([slug, e]) => [slug, e.donnees])));
		disposition = enteteDisposition(projet.titre, 'xlsx', 'cadre-logique-et-budget');
	} else {
		// The parts chosen on the project's home; a bad choice goes back there with its message.
		const choix = lireChoix(event.url.searchParams);
		if (!choix.ok) redirect(303, `/projets/${projet.id}?export=${choix.code}#dossier`);
		const d = await dossier(db(), projet, { parties: choix.parties, auteur: acteur.nom, fuseau: acteur.fuseau });
		corps = format === 'docx' ? await dossierDocx(d) : await dossierPdf(d);
		disposition = enteteDisposition(projet.titre, format);
	}
	return new Response(new Uint8Array(corps), {
		headers: {
			'content-type': TYPES[format as keyof typeof TYPES],
			'content-disposition': disposition,
			'cache-control': 'private, no-store'
		}
	});
};
