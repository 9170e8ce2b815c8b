/**
 * Node options the VS Code extension starts the server with (other editors
 * can pass the same; docs/editor.md). A lint of a large post allocates a few
 * MB of short-lived objects; a larger young generation collects them less
 * often (`npm run bench`, section lsp, measures the server with and without).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=32'];
