/** The roles on a project's team, as the pages and the exports name them. */
export const LIBELLES_ROLES_PROJET = { pilote: 'Pilote', contributeur: 'Contributeur·rice', lecteur: 'Lecteur·rice' } as const;
