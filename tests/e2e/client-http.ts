// A plain HTTP client for tests that speak to the server as a script would: its own cookies,
// optionally a client address given to the server's trusted proxy header, no redirect followed.

export class ClientHttp {
	readonly cookies = new Map<string, string>();
	readonly base: string;
	/** Sent as X-Forwarded-For: the client address when the server trusts that header. */
	readonly adresse?: string;

	constructor(base: string, adresse?: string) {
		this.base = base;
		this.adresse = adresse;
	}

	private entetes(supplement: Record<string, string> = {}): Record<string, string> {
		const h: Record<string, string> = { origin: this.base, accept: 'text/html', ...supplement };
		if (this.adresse) h['x-forwarded-for'] = this.adresse;
		if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return h;
	}

	private garder(r: Response): Response {
		for (const c of r.headers.getSetCookie()) {
			const [paire] = c.split(';');
			const i = paire!.indexOf('=');
			const nom = paire!.slice(0, i).trim();
			const valeur = paire!.slice(i + 1).trim();
			if (!valeur || /max-age=0/i.test(c)) this.cookies.delete(nom);
			else this.cookies.set(nom, valeur);
		}
		return r;
	}

	async get(chemin: string, entetes: Record<string, string> = {}): Promise<Response> {
		return this.garder(await fetch(new URL(chemin, this.base), { headers: this.entetes(entetes), redirect: 'manual' }));
	}

	/** Posts a form, as a browser without JavaScript would. */
	async poster(chemin: string, champs: Record<string, string> | URLSearchParams | FormData, entetes: Record<string, string> = {}): Promise<Response> {
		const body = champs instanceof FormData || champs instanceof URLSearchParams ? champs : new URLSearchParams(champs);
		return this.garder(await fetch(new URL(chemin, this.base), { method: 'POST', headers: this.entetes(entetes), body, redirect: 'manual' }));
	}

	/** Any request, raw: for bodies no form would send. */
	async envoyer(chemin: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
		return this.garder(await fetch(new URL(chemin, this.base), { ...init, headers: this.entetes(init.headers), redirect: 'manual' }));
	}

	get connecte(): boolean {
		return [...this.cookies.keys()].some((k) => k.endsWith('session_token'));
	}
}
