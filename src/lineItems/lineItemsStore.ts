import { DigitalOceanClient, PREVIEW } from '../api/client';
import { isAbort } from '../api/errors';
import { Emitter } from '../util/event';
import { Logger } from '../util/logger';
import { GroupedItems, groupByProduct } from './itemGroups';
import { LineItemsOptions, LineItemsProgress, LineItemsResult, loadLineItems, retryLineItems } from './lineItemsLoader';

export type LineItemsEntry =
  | { readonly status: 'loading'; readonly progress?: LineItemsProgress; readonly previous?: LineItemsResult }
  | { readonly status: 'loaded'; readonly result: LineItemsResult; readonly grouped: GroupedItems };

/**
 * Line items of the invoices the user expanded, for the current token. A load runs while
 * its invoice is expanded: collapsing, a refresh or a token change cancels it.
 */
export class LineItemsStore {
  private readonly entries = new Map<string, LineItemsEntry>();
  private readonly loads = new Map<string, AbortController>();
  private readonly changed = new Emitter<string>();
  /** Fires with the invoice uuid (or `preview`) whose items changed. */
  readonly onDidChange = this.changed.event;
  private token: string | undefined;

  constructor(
    private readonly client: DigitalOceanClient,
    private readonly logger: Logger,
  ) {}

  get(invoiceUuid: string): LineItemsEntry | undefined {
    return this.entries.get(invoiceUuid);
  }

  /** Starts loading unless loaded or loading already. */
  load(invoiceUuid: string): void {
    if (this.entries.has(invoiceUuid) || !this.token) {
      return;
    }
    this.start(invoiceUuid, (options) => loadLineItems(invoiceUuid, options));
  }

  /** Fetches only the pages that failed. */
  retry(invoiceUuid: string): void {
    const entry = this.entries.get(invoiceUuid);
    if (entry?.status !== 'loaded' || entry.result.complete || !this.token) {
      return;
    }
    const previous = entry.result;
    this.start(invoiceUuid, (options) => retryLineItems(previous, options), previous);
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
        this.entries.set(invoiceUuid, loaded(entry.previous));
      } else {
        this.entries.delete(invoiceUuid);
      }
      this.changed.fire(invoiceUuid);
    }
  }

  /**
   * Follows the invoice state: another token forgets everything; a refresh cancels running
   * loads and forgets what may have changed (the month in progress, incomplete loads).
   */
  follow(token: string | undefined, refreshing: boolean): void {
    if (token !== this.token) {
      this.reset(token);
    } else if (refreshing) {
      this.loads.forEach((load) => load.abort());
      this.loads.clear();
      for (const [uuid, entry] of [...this.entries]) {
        if (entry.status === 'loading' || !entry.result.complete || uuid === PREVIEW) {
          this.entries.delete(uuid);
          this.changed.fire(uuid);
        }
      }
    }
  }

  /** Forgets everything, cancelling running loads. */
  reset(token: string | undefined): void {
    this.token = token;
    this.loads.forEach((load) => load.abort());
    this.loads.clear();
    const uuids = [...this.entries.keys()];
    this.entries.clear();
    uuids.forEach((uuid) => this.changed.fire(uuid));
  }

  dispose(): void {
    this.reset(undefined);
    this.changed.dispose();
  }

  private start(invoiceUuid: string, run: (options: LineItemsOptions) => Promise<LineItemsResult>, previous?: LineItemsResult): void {
    const controller = new AbortController();
    this.loads.set(invoiceUuid, controller);
    this.entries.set(invoiceUuid, { status: 'loading', previous });
    this.changed.fire(invoiceUuid);
    run({
      client: this.client,
      call: { token: this.token!, signal: controller.signal },
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
        this.entries.set(invoiceUuid, loaded(result));
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
          this.entries.set(invoiceUuid, loaded(previous));
        } else {
          this.entries.delete(invoiceUuid);
        }
        this.changed.fire(invoiceUuid);
      },
    );
  }
}

function loaded(result: LineItemsResult): LineItemsEntry {
  return { status: 'loaded', result, grouped: groupByProduct(result.items) };
}
