// The database schema, one file per domain under schema/; the app imports it from here.
export * from './schema/referentiels.ts';
export * from './schema/methode.ts';
export * from './schema/fiches.ts';
export * from './schema/recherche.ts';
export * from './schema/installation.ts';
export * from './schema/comptes.ts';
export * from './schema/organisations.ts';
export * from './schema/projets.ts';
export * from './schema/suivi.ts';
export * from './schema/evaluation.ts';
export * from './schema/fichiers.ts';
