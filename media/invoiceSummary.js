// The invoice summary's buttons: each asks the extension to run one command for this invoice.
(function () {
  const vscode = acquireVsCodeApi();
  for (const button of document.querySelectorAll('button[data-command]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: button.getAttribute('data-command') }));
  }
})();
