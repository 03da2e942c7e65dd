// The kit renders fully on the server and ships no JavaScript: pages are light on slow
// networks and work the same without scripts. A route that needs client code opts in.
export const csr = false;
