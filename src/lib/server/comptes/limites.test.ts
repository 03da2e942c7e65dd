import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attenteConnexion, compter, compterEchecConnexion, delaiApresEchecs, oublierEchecsConnexion } from './limites.ts';

const compte = () => `victime-${randomBytes(4).toString('hex')}@departement.test`;

describe('failed sign-ins', () => {
	it('make one address wait after five failures on an account, with a delay that doubles', async () => {
		const courriel = compte();
		const attaquant = { ip: '203.0.113.7', courriel };
		for (let i = 1; i <= 4; i++) expect(await compterEchecConnexion(attaquant)).toBe(0);
		expect(await compterEchecConnexion(attaquant)).toBe(30);
		expect(await attenteConnexion(attaquant)).toBeGreaterThan(25);
		expect(await compterEchecConnexion(attaquant)).toBe(60);
		expect(await compterEchecConnexion(attaquant)).toBe(120);
		expect(delaiApresEchecs('paire', 30)).toBe(15 * 60);
	});

	it('leave the person themselves free to sign in from their own address', async () => {
		const courriel = compte();
		for (let i = 0; i < 12; i++) await compterEchecConnexion({ ip: '203.0.113.8', courriel });
		expect(await attenteConnexion({ ip: '203.0.113.8', courriel })).toBeGreaterThan(0);
		expect(await attenteConnexion({ ip: '198.51.100.4', courriel })).toBe(0);
	});

	it('slow the account down only after many failures from many addresses, and less long', async () => {
		const courriel = compte();
		for (let i = 1; i < 20; i++) expect(await compterEchecConnexion({ ip: `192.0.2.${i}`, courriel })).toBe(0);
		expect(await compterEchecConnexion({ ip: '192.0.2.20', courriel })).toBe(15);
		expect(await attenteConnexion({ ip: '198.51.100.5', courriel })).toBeGreaterThan(0);
		expect(delaiApresEchecs('compte', 21)).toBe(30);
	});

	it('are forgotten for that address and account after a success', async () => {
		const courriel = compte();
		const qui = { ip: '203.0.113.9', courriel };
		for (let i = 0; i < 5; i++) await compterEchecConnexion(qui);
		expect(await attenteConnexion(qui)).toBeGreaterThan(0);
		await oublierEchecsConnexion(qui);
		expect(await attenteConnexion(qui)).toBe(0);
		expect(await compterEchecConnexion(qui)).toBe(0);
	});
});

describe('magic links', () => {
	it('asked for someone else from one address cannot use up that person’s own', async () => {
		const courriel = compte();
		for (let i = 0; i < 3; i++) expect(await compter('lienMagique', { ip: '203.0.113.10', courriel })).toBe(0);
		expect(await compter('lienMagique', { ip: '203.0.113.10', courriel })).toBeGreaterThan(0);
		expect(await compter('lienMagique', { ip: '198.51.100.6', courriel })).toBe(0);
	});
});
