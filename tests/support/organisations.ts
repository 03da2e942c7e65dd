// Organisations created directly in a test database: the creation must succeed (no duplicate).
import type { Database } from '../../src/lib/server/db/index.ts';
import { creerOrganisation } from '../../src/lib/server/organisations/organisations.ts';

export async function nouvelleOrganisation(db: Database, ...args: Parameters<typeof creerOrganisation> extends [Database, ...infer R] ? R : never) {
	const r = await creerOrganisation(db, ...args);
	if (!r.ok) throw new Error(`Organisation en double : ${JSON.stringify(r)}`);
	return r.organisation;
}
