// Organisations created directly in a test database: the creation must succeed (no duplicate).
import type { Database } from '../../src/lib/server/db/index.ts';
import { utilisateurs } from '../../src/lib/server/db/schema.ts';
import { creerOrganisation } from '../../src/lib/server/organisations/organisations.ts';
import { creerProjet } from '../../src/lib/server/projets/projets.ts';

export async function nouvelleOrganisation(db: Database, ...args: Parameters<typeof creerOrganisation> extends [Database, ...infer R] ? R : never) {
	const r = await creerOrganisation(db, ...args);
	if (!r.ok) throw new Error(`Organisation en double : ${JSON.stringify(r)}`);
	return r.organisation;
}

/** Camille (pilot) and Awa, a Département of Camille's, and projects of it named `titres`: their ids. */
export async function projetsDeTest(db: Database, ...titres: string[]): Promise<number[]> {
	await db.insert(utilisateurs).values([
		{ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true },
		{ id: 'awa', name: 'Awa', email: 'awa@exemple.test', emailVerified: true }
	]);
	const organisation = await nouvelleOrganisation(db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille');
	const ids: number[] = [];
	for (const titre of titres) ids.push((await creerProjet(db, { organisationId: organisation.id, titre }, 'camille')).id);
	return ids;
}
