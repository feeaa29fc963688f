import { Accounts } from './accounts';
import { Event } from '../util/event';
import { InvoiceState } from '../invoices/invoiceList';

/**
 * Keeps the invoice state on the active account's token: on a switch, or when that
 * account's token changes here or in another window. A later switch wins over an earlier
 * one whose token read is still pending.
 */
export class ActiveAccountFollower {
  private latest = 0;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly accounts: Accounts,
    tokenChanged: Event<string>,
    private readonly state: InvoiceState,
    private readonly onSwitched: () => void,
  ) {
    this.subscriptions = [
      tokenChanged((accountId) => accountId === accounts.active.id && void this.follow()),
      accounts.onDidChange(() => void this.follow()),
    ];
  }

  async follow(): Promise<void> {
    const call = ++this.latest;
    const token = await this.accounts.token(this.accounts.active);
    if (call !== this.latest) {
      return;
    }
    this.onSwitched();
    if (this.state.setToken(token)) {
      await this.state.refresh();
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
