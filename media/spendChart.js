// Runs inside the spend overview webview: clicking or pressing Enter/Space on a bar or a table
// row asks the extension to reveal that invoice in the tree.
(function () {
  const vscode = acquireVsCodeApi();
  function reveal(element) {
    const uuid = element && element.getAttribute('data-uuid');
    if (uuid) {
      vscode.postMessage({ type: 'reveal', invoiceUuid: uuid });
    }
  }
  for (const element of document.querySelectorAll('[data-uuid]')) {
    element.addEventListener('click', () => reveal(element));
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        reveal(element);
      }
    });
  }
  const showAll = document.getElementById('show-all');
  if (showAll) {
    showAll.addEventListener('click', () => vscode.postMessage({ type: 'showAll' }));
  }
})();
