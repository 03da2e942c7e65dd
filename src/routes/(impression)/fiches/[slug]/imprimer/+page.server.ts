export { load } from '../../../../fiches/[slug]/+page.server.ts';
