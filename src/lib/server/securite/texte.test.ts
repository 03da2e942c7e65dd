import { describe, expect, it } from 'vitest';
import { contientBidi, contientNul, neutraliserBidi } from './texte.ts';

describe('typed text', () => {
	it('loses its bidirectional overrides and isolates, and nothing else', () => {
		expect(neutraliserBidi('Camille \u202Enitram\u202C')).toBe('Camille nitram');
		expect(neutraliserBidi('\u2066a\u2067b\u2068c\u2069 \u202Ad\u202Be\u202D')).toBe('abc de');
		expect(neutraliserBidi('مجلس جهة — Région, l’été « ok »')).toBe('مجلس جهة — Région, l’été « ok »');
		expect(contientBidi('a\u202Eb')).toBe(true);
		expect(contientBidi('abc')).toBe(false);
	});

	it('is recognised when it carries a NUL byte', () => {
		expect(contientNul('a\0b')).toBe(true);
		expect(contientNul('ab')).toBe(false);
	});
});
