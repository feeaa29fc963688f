import { DigitalOceanClient, PREVIEW } from '../api/client';
import { isAbort } from '../api/errors';
import { Session, SessionScope } from '../session/session';
import { Emitter } from '../util/event';
import { Logger } from '../util/logger';
import { GroupBy, GroupedItems, groupLineItems } from './itemGroups';
import type * as lineItemsLoader from './lineItemsLoader';
import type { LineItemsOptions, LineItemsProgress, LineItemsResult } from './lineItemsLoader';

/**
 * The loader's module (paging, parallel pages, retries), asked for with the first invoice
 * expanded: starting needs none of it (the container loads it with the other code of first use).
 */
export type LineItemsLoaderModule = () => Promise<typeof lineItemsLoader>;

export type LineItemsEntry =
  | { readonly status: 'loading'; readonly progress?: LineItemsProgress; readonly previous?: LineItemsResult }
  | { readonly status: 'loaded'; readonly result: LineItemsResult; readonly grouped: GroupedItems };

/**
 * Line items of the invoices the user expanded, for the session's account, grouped by product
 * or by project. A load runs while its invoice is expanded: collapsing, a refresh or an
 * account change cancels it.
 */
export class LineItemsStore {
  private readonly entries = new Map<string, LineItemsEntry>();
  private readonly loads = new Map<string, AbortController>();
  private readonly changed = new Emitter<string>();
  /** Fires with the invoice uuid (or `preview`) whose items changed. */
  readonly onDidChange = this.changed.event;
  private key: string | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly client: DigitalOceanClient,
    private readonly session: Session,
    private readonly logger: Logger,
    private readonly loader: LineItemsLoaderModule,
    private groupBy: GroupBy = 'product',
  ) {
    this.key = session.state.key;
    this.subscription = session.onDidChange((state) => {
      if (state.key !== this.key) {
        this.key = state.key;
        this.reset();
      }
    });
  }

  get(invoiceUuid: string): LineItemsEntry | undefined {
    return this.entries.get(invoiceUuid);
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  /** Groups the loaded items anew (no request); loads on their way group the new way when they finish. */
  regroup(groupBy: GroupBy): void {
    if (groupBy === this.groupBy) {
      return;
    }
    this.groupBy = groupBy;
    for (const [uuid, entry] of [...this.entries]) {
      if (entry.status === 'loaded') {
        this.entries.set(uuid, this.loaded(entry.result));
        this.changed.fire(uuid);
      }
    }
  }

  /** Starts loading unless loaded or loading already. */
  load(invoiceUuid: string): void {
    const scope = this.session.begin();
    if (this.entries.has(invoiceUuid) || !scope) {
      return;
    }
    this.start(scope, invoiceUuid, async (options) => (await this.loader()).loadLineItems(invoiceUuid, options));
  }

  /** Fetches only the pages that failed. */
  retry(invoiceUuid: string): void {
    const entry = this.entries.get(invoiceUuid);
    const scope = this.session.begin();
    if (entry?.status !== 'loaded' || entry.result.complete || !scope) {
      return;
    }
    const previous = entry.result;
    this.start(scope, invoiceUuid, async (options) => (await this.loader()).retryLineItems(previous, options), previous);
  }

  /** Cancels a running load (the invoice was collapsed); what was loaded before stays. */
  cancel(invoiceUuid: string): void {
    const load = this.loads.get(invoiceUuid);
    if (!load) {
      return;
    }
    load.abort();
    this.loads.delete(invoiceUuid);
    const entry = this.entries.get(invoiceUuid);
    if (entry?.status === 'loading') {
      if (entry.previous) {
        this.entries.set(invoiceUuid, this.loaded(entry.previous));
      } else {
        this.entries.delete(invoiceUuid);
      }
      this.changed.fire(invoiceUuid);
    }
  }

  /**
   * The invoices are being refreshed: running loads stop, and what may have changed is
   * forgotten (the month in progress, incomplete loads); complete invoices stay as they are.
   */
  refreshing(): void {
    this.loads.forEach((load) => load.abort());
    this.loads.clear();
    for (const [uuid, entry] of [...this.entries]) {
      if (entry.status === 'loading' || !entry.result.complete || uuid === PREVIEW) {
        this.entries.delete(uuid);
        this.changed.fire(uuid);
      }
    }
  }

  /** Forgets everything, cancelling running loads. */
  private reset(): void {
    this.loads.forEach((load) => load.abort());
    this.loads.clear();
    const uuids = [...this.entries.keys()];
    this.entries.clear();
    uuids.forEach((uuid) => this.changed.fire(uuid));
  }

  dispose(): void {
    this.subscription.dispose();
    this.reset();
    this.changed.dispose();
  }

  private start(scope: SessionScope, invoiceUuid: string, run: (options: LineItemsOptions) => Promise<LineItemsResult>, previous?: LineItemsResult): void {
    const controller = new AbortController();
    this.loads.set(invoiceUuid, controller);
    this.entries.set(invoiceUuid, { status: 'loading', previous });
    this.changed.fire(invoiceUuid);
    run({
      client: this.client,
      call: scope.call({ signal: controller.signal }),
      onProgress: (progress) => {
        if (!controller.signal.aborted) {
          this.entries.set(invoiceUuid, { status: 'loading', progress, previous });
          this.changed.fire(invoiceUuid);
        }
      },
    }).then(
      (result) => {
        if (controller.signal.aborted) {
          return;
        }
        this.loads.delete(invoiceUuid);
        this.entries.set(invoiceUuid, this.loaded(result));
        if (!result.complete) {
          this.logger.warn(`Line items of ${invoiceUuid}: missing pages ${result.failed.map((failure) => failure.page).join(', ')}.`);
        }
        this.changed.fire(invoiceUuid);
      },
      (error: unknown) => {
        if (isAbort(error) || controller.signal.aborted) {
          return;
        }
        // Not expected (failures are recorded per page), but never leave a spinner behind.
        this.logger.error(`Line items of ${invoiceUuid}: ${error instanceof Error ? error.message : String(error)}`);
        this.loads.delete(invoiceUuid);
        if (previous) {
          this.entries.set(invoiceUuid, this.loaded(previous));
        } else {
          this.entries.delete(invoiceUuid);
        }
        this.changed.fire(invoiceUuid);
      },
    );
  }

  private loaded(result: LineItemsResult): LineItemsEntry {
    return { status: 'loaded', result, grouped: groupLineItems(result.items, this.groupBy) };
  }
}
