/** The extension's command ids, as package.json declares them (kept free of `vscode` so tests can read it). */
export const COMMANDS = ['bilint.openPreview', 'bilint.fixAll', 'bilint.insertEnglishBlock', 'bilint.restartServer', 'bilint.showOutput'];
