// Security headers of every response: pages (hooks.server.ts), static files and anything
// else the production server sends (scripts/serve.js). Plain JavaScript: serve.js loads it
// without the build.

/** @type {Readonly<Record<string, string>>} */
export const EN_TETES_SECURITE = Object.freeze({
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
});

/** HSTS, for responses sent over https only. */
export const HSTS = 'max-age=63072000; includeSubDomains';
