import { error } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { voitLesConfidentielles } from '#lib/server/fichiers/preuves/actions.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { dossierDocx } from '#lib/server/projets/exports/docx.ts';
import { enteteDisposition } from '#lib/server/projets/exports/dossier.ts';
import { dossierPdf } from '#lib/server/projets/exports/pdf.ts';
import { rapportDeSuivi } from '#lib/server/suivi/rapport/rapport.ts';
import { identifiant } from '#lib/server/validation/identifiant.ts';
import type { RequestHandler } from './$types';

const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/** The monitoring report of one period, in Word or PDF; for the project's team only. */
export const GET: RequestHandler = async (event) => {
	const { projet, acteur, role } = await projetPour(event, 'exporter');
	const format = event.params.format;
	if (format !== 'docx' && format !== 'pdf') error(404, 'Page introuvable');
	const r = await rapportDeSuivi(db(), projet, identifiant(event.params.periode) ?? 0, { auteur: acteur.nom, fuseau: acteur.fuseau, confidentielles: voitLesConfidentielles(acteur, role) });
	if (!r) error(404, 'Page introuvable');
	const corps = format === 'docx' ? await dossierDocx(r.dossier) : await dossierPdf(r.dossier);
	return new Response(new Uint8Array(corps), {
		headers: { 'content-type': TYPES[format], 'content-disposition': enteteDisposition(`${r.periode} ${projet.titre}`, format, 'rapport-de-suivi'), 'cache-control': 'private, no-store' }
	});
};
