/** Bidirectional embeddings, overrides and isolates: they can make a name display reversed. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes the bidirectional controls from a text typed by someone. */
export const neutraliserBidi = (texte: string): string => texte.replace(BIDI, '');

export const contientBidi = (texte: string): boolean => new RegExp(BIDI.source).test(texte);

/** PostgreSQL refuses NUL in text: such an input is refused before it reaches the database. */
export const contientNul = (texte: string): boolean => texte.includes('\0');
