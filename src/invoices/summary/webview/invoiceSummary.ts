// The invoice summary's page script (bundled by esbuild.js into media/webview/invoiceSummary.js):
// it keeps the panel's state for a restore after a reload, and its buttons (downloads, Retry)
// send their commands to the extension.
import { connectPanel } from '../../../webview/client/panelClient';

connectPanel();
