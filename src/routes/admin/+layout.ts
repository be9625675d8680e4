// The staff admin runs with client-side rendering: forms are enhanced, the editor
// is interactive. Every form still posts to a server action that checks who asks.
export const csr = true;
