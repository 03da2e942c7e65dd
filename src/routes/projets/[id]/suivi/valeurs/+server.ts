import { db } from '#lib/server/demarrage.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { enteteDisposition } from '#lib/server/projets/exports/dossier.ts';
import { lireSuivi } from '#lib/server/suivi/lecture.ts';
import { valeursXlsx } from '#lib/server/suivi/rapport/xlsx.ts';
import type { RequestHandler } from './$types';

/** Indicators and values in Excel, one row per indicator × period × side; for the project's team only. */
export const GET: RequestHandler = async (event) => {
	const { projet, acteur } = await projetPour(event, 'exporter');
	const corps = await valeursXlsx(projet.titre, await lireSuivi(db(), projet.id, acteur.fuseau));
	return new Response(new Uint8Array(corps), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': enteteDisposition(projet.titre, 'xlsx', 'valeurs-des-indicateurs'),
			'cache-control': 'private, no-store'
		}
	});
};
