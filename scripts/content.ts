// npm run content:check | content:import — validate the content files, or import them.
import path from 'node:path';
import { ContenuInvalide, lireContenu } from '../src/lib/server/contenu/lecture.ts';
import { DatabaseUnavailableError, projectRoot } from '../src/lib/server/db/index.ts';

const commande = process.argv[2];
const dossier = path.resolve(projectRoot(), process.env.CONTENT_DIR ?? 'content');

try {
	if (commande === 'check') {
		const kit = lireContenu(dossier);
		const recommandations = kit.etapes.reduce((n, e) => n + e.recommandations.length, 0);
		console.log(
			`Contenu valide : ${kit.etapes.length} étapes, ${recommandations} recommandations, ` +
				`${kit.fiches.length} fiches, ${kit.pages.length} pages, ${kit.themes.length} thèmes, ${kit.publics.length} publics.`
		);
	} else if (commande === 'import') {
		const { importerDepuisEnvironnement } = await import('../src/lib/server/contenu/cli.ts');
		await importerDepuisEnvironnement(dossier);
	} else {
		console.error('Usage : node scripts/content.ts check|import');
		process.exitCode = 2;
	}
} catch (error) {
	if (error instanceof ContenuInvalide || error instanceof DatabaseUnavailableError) {
		console.error(error.message);
		process.exitCode = 1;
	} else {
		throw error;
	}
}
