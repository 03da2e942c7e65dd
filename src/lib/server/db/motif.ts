/** A LIKE pattern for « contains these characters as typed »: LIKE's own characters escaped, 100 at most. */
export const motifContient = (q: string) => `%${q.trim().slice(0, 100).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
