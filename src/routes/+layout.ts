// Public pages ship no JavaScript: server-rendered HTML and forms that post.
// The staff admin turns client-side rendering back on for its own routes.
export const csr = false;
export const trailingSlash = 'never';
