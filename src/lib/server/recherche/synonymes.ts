/**
 * The field's synonyms: a reader typing one finds the fiches that use another. Each group is
 * searched as « any of these »; multi-word entries are searched as phrases.
 */
export const SYNONYMES: readonly (readonly string[])[] = [
	['RSA', 'revenu de solidarité active', 'minima sociaux', 'minimum social', 'allocataires'],
	['SIAE', "insertion par l'activité économique", 'IAE', "structure d'insertion"],
	['ACI', "chantier d'insertion", "atelier chantier d'insertion"],
	['ASE', "aide sociale à l'enfance", "protection de l'enfance"],
	['MDPH', 'handicap', 'personnes handicapées'],
	['ESS', 'économie sociale et solidaire', 'économie solidaire'],
	['ODD', 'objectifs de développement durable'],
	['ONG', 'organisation non gouvernementale'],
	['migrants', 'personnes migrantes', 'diaspora', 'immigrés'],
	['seniors', 'personnes âgées', 'aînés', 'perte d’autonomie'],
	['volontariat', 'service civique', 'volontaires'],
	['coopération décentralisée', 'coopération internationale', 'action internationale des collectivités'],
	['capitalisation', 'capitaliser', 'retour d’expérience']
];

/** Lower case, no accents, straight apostrophes: how query words and synonyms are compared. */
export const normaliser = (texte: string) =>
	texte
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replaceAll('’', "'")
		.toLowerCase();

const groupes = new Map<string, readonly string[]>();
for (const groupe of SYNONYMES) for (const entree of groupe) groupes.set(normaliser(entree), groupe);

/** The longest entry (up to 5 words) starting at `mots[debut]`, with its group. */
export function synonymesA(mots: string[], debut: number): { longueur: number; groupe: readonly string[] } | undefined {
	for (let longueur = Math.min(5, mots.length - debut); longueur > 0; longueur--) {
		const groupe = groupes.get(normaliser(mots.slice(debut, debut + longueur).join(' ')));
		if (groupe) return { longueur, groupe };
	}
	return undefined;
}
