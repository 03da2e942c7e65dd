// npm run fichiers -- deplacer --vers s3|disque   move every evidence file to that backend
// npm run fichiers -- analyser                    scan the files waiting for the virus scanner
// The database and the backends are those of the environment (DATABASE_URL or DATA_DIR,
// S3_*, CLAMD_*), as for the server; with PGlite, stop the server first.
import { DatabaseUnavailableError, openFromEnvironment } from '../src/lib/server/db/index.ts';
import { configurationClamd, configurationS3 } from '../src/lib/server/fichiers/configuration.ts';
import { analyserEnAttente, deplacerFichiers } from '../src/lib/server/fichiers/entretien.ts';
import { stockage } from '../src/lib/server/fichiers/stockage/index.ts';

const [commande, ...options] = process.argv.slice(2);
const vers = options[options.indexOf('--vers') + 1];
const USAGE = 'Usage : npm run fichiers -- deplacer --vers s3|disque, ou npm run fichiers -- analyser';

async function principal(): Promise<number> {
	if (commande === 'deplacer') {
		if (vers !== 's3' && vers !== 'disque') return (console.error(USAGE), 2);
		if (!configurationS3()) return (console.error('S3_BUCKET n’est pas configuré : indiquez le stockage S3 (S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) avant de déplacer des fichiers.'), 1);
		const connexion = await openFromEnvironment();
		try {
			const de = vers === 's3' ? 'disque' : 's3';
			console.log(`Déplacement des fichiers du stockage « ${de} » vers « ${vers} » (${connexion.where}) :`);
			const bilan = await deplacerFichiers(connexion.db, stockage(de), stockage(vers), console.log);
			console.log(`${bilan.deplaces} fichier(s) déplacé(s), ${bilan.erreurs.length} erreur(s).`);
			return bilan.erreurs.length ? 1 : 0;
		} finally {
			await connexion.close();
		}
	}
	if (commande === 'analyser') {
		const config = configurationClamd();
		if (!config) return (console.error('Aucun antivirus configuré : indiquez CLAMD_SOCKET, ou CLAMD_HOST et CLAMD_PORT.'), 1);
		const connexion = await openFromEnvironment();
		try {
			console.log(`Analyse des fichiers en attente (${connexion.where}) :`);
			const b = await analyserEnAttente(connexion.db, config, stockage, console.log);
			console.log(`${b.sains} sain(s), ${b.quarantaine} en quarantaine, ${b.enAttente} toujours en attente.`);
			return b.enAttente ? 1 : 0;
		} finally {
			await connexion.close();
		}
	}
	console.error(USAGE);
	return 2;
}

try {
	process.exitCode = await principal();
} catch (e) {
	if (!(e instanceof DatabaseUnavailableError)) throw e;
	console.error(e.message);
	process.exitCode = 1;
}
