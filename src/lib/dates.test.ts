import { describe, expect, it } from 'vitest';
import {
	decalageUtc,
	formaterDate,
	formaterDateHeure,
	formaterHeure,
	enFuseau,
	formaterJour,
	fuseauValide,
	groupesDeFuseaux,
	jourDans,
	nomDuFuseau
} from './dates.ts';

// Non-breaking spaces written as ordinary ones, to keep the expectations readable.
const lisible = (s: string) => s.replace(/\u00a0/g, ' ');

describe('dates and times in French, in the reader’s zone', () => {
	// 13:05 UTC on 1 December 2026: 14:05 in Paris (winter), 15:05 in Beirut, 08:05 in Bogota.
	const hiver = new Date('2026-12-01T13:05:00Z');

	it('writes « 1er » for the first of the month and « 14 h 05 » for the time', () => {
		expect(lisible(formaterDateHeure(hiver, 'Europe/Paris'))).toBe('1er décembre 2026 à 14 h 05 (heure de Paris)');
		expect(lisible(formaterDate('2026-12-02T10:00:00Z', 'Europe/Paris'))).toBe('2 décembre 2026');
		expect(lisible(formaterHeure('2026-12-02T08:00:00Z', 'Europe/Paris'))).toBe('9 h 00');
		expect(lisible(formaterHeure('2026-12-01T23:30:00Z', 'Europe/Paris'))).toBe('0 h 30');
	});

	it('says which day it is where the reader lives', () => {
		// 23:30 UTC on 31 December: already 1 January in Paris, still 31 December in Bogota.
		const soir = new Date('2026-12-31T23:30:00Z');
		expect(jourDans('Europe/Paris', soir)).toBe('2027-01-01');
		expect(jourDans('America/Bogota', soir)).toBe('2026-12-31');
		expect(jourDans(undefined, soir)).toBe('2027-01-01');
	});

	it('keeps the time and its day together on one line', () => {
		expect(formaterHeure(hiver, 'Europe/Paris')).toBe('14\u00a0h\u00a005');
		expect(formaterDate(hiver, 'Europe/Paris')).toBe('1er\u00a0décembre 2026');
	});

	it('shows the same instant in each partner’s zone, the day included', () => {
		expect(lisible(formaterDateHeure(hiver, 'Asia/Beirut'))).toBe('1er décembre 2026 à 15 h 05 (heure de Beyrouth)');
		expect(lisible(formaterDateHeure(hiver, 'America/Bogota'))).toBe('1er décembre 2026 à 8 h 05 (heure de Bogota)');
		expect(lisible(formaterDateHeure(hiver, 'Africa/Dakar'))).toBe('1er décembre 2026 à 13 h 05 (heure de Dakar)');
		// 23:30 UTC is already the next day in Antananarivo, still the same in Port-au-Prince.
		expect(lisible(formaterDate('2026-11-30T23:30:00Z', 'Indian/Antananarivo'))).toBe('1er décembre 2026');
		expect(lisible(formaterDate('2026-12-01T03:30:00Z', 'America/Port-au-Prince'))).toBe('30 novembre 2026');
	});

	it('names the zone with its offset where the reader may be anywhere (mails), summer time included', () => {
		expect(lisible(formaterDateHeure(hiver, 'Europe/Paris', 'complete'))).toBe('1er décembre 2026 à 14 h 05 (heure de Paris, UTC+1)');
		expect(lisible(formaterDateHeure('2026-07-14T10:00:00Z', 'Europe/Paris', 'complete'))).toBe('14 juillet 2026 à 12 h 00 (heure de Paris, UTC+2)');
		expect(lisible(formaterDateHeure(hiver, 'America/Bogota', 'complete'))).toBe('1er décembre 2026 à 8 h 05 (heure de Bogota, UTC−5)');
		expect(decalageUtc(hiver, 'Asia/Calcutta')).toBe('UTC+5:30');
		expect(lisible(formaterDateHeure(hiver, 'Europe/Paris', 'sans'))).toBe('1er décembre 2026 à 14 h 05');
	});

	it('falls back on Paris time, named, for visitors and for anything that is not a zone', () => {
		expect(lisible(formaterDateHeure(hiver))).toBe('1er décembre 2026 à 14 h 05 (heure de Paris)');
		expect(lisible(formaterDateHeure(hiver, 'Mars/Olympus'))).toBe('1er décembre 2026 à 14 h 05 (heure de Paris)');
		expect(lisible(formaterDateHeure(hiver.toISOString(), null))).toBe('1er décembre 2026 à 14 h 05 (heure de Paris)');
	});

	it('names zones the French way, with elision and articles', () => {
		expect(nomDuFuseau('Indian/Antananarivo')).toBe('heure d’Antananarivo');
		expect(nomDuFuseau('Indian/Reunion')).toBe('heure de la Réunion');
		expect(nomDuFuseau('Africa/Cairo')).toBe('heure du Caire');
		expect(nomDuFuseau('America/Argentina/Buenos_Aires')).toBe('heure de Buenos Aires');
		expect(nomDuFuseau('UTC')).toBe('temps universel (UTC)');
		expect(enFuseau('Asia/Beirut')).toBe('à l’heure de Beyrouth');
		expect(enFuseau('UTC')).toBe('en temps universel (UTC)');
	});

	it('accepts only IANA zones the runtime knows, under their canonical name', () => {
		expect(fuseauValide('Asia/Beirut')).toBe('Asia/Beirut');
		expect(fuseauValide('UTC')).toBe('UTC');
		expect(fuseauValide('Etc/UTC')).toBe('UTC');
		expect(fuseauValide('Asia/Kolkata')).toBe('Asia/Calcutta');
		for (const mauvais of ['', 'Paris', 'Mars/Olympus', 'Europe/Paris\u0000', 'x'.repeat(200), 42, null, undefined]) expect(fuseauValide(mauvais)).toBeUndefined();
		for (const z of Intl.supportedValuesOf('timeZone')) expect(fuseauValide(z)).toBe(z);
	});

	it('formats calendar days typed in forms without any zone', () => {
		expect(lisible(formaterJour('2027-01-01'))).toBe('1er janvier 2027');
		expect(lisible(formaterJour('2027-05-31'))).toBe('31 mai 2027');
		expect(formaterJour('pas une date')).toBe('pas une date');
	});

	it('offers every zone once, the partners’ first, in groups', () => {
		const groupes = groupesDeFuseaux(hiver);
		expect(groupes[0]!.libelle).toBe('Fuseaux des partenaires');
		const partenaires = groupes[0]!.options.map((o) => o.valeur);
		for (const z of ['Europe/Paris', 'Africa/Dakar', 'Asia/Beirut', 'America/Bogota', 'Indian/Antananarivo', 'America/Port-au-Prince', 'Africa/Tunis', 'Africa/Casablanca']) expect(partenaires).toContain(z);
		expect(groupes[0]!.options[2]!.libelle).toBe('Beyrouth (Liban) — UTC+2');
		expect(groupes.map((g) => g.libelle)).toContain('Outre-mer français');
		const toutes = groupes.flatMap((g) => g.options.map((o) => o.valeur));
		expect(new Set(toutes).size).toBe(toutes.length);
		expect(new Set(toutes)).toEqual(new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']));
	});
});
