import { PagedList } from './pagedList';

/**
 * Loads the next page, then hands the first item it added to `focus`: the "Load more…" row
 * the user pressed Enter on is gone by then, and the keyboard focus should not fall back to
 * the top of the view but stay where the reading goes on.
 */
export async function loadMoreThenFocus<Item, Extra>(list: PagedList<Item, Extra>, focus: (item: Item) => Thenable<unknown>): Promise<void> {
  const before = list.snapshot.items.length;
  await list.loadMore();
  const { items } = list.snapshot;
  if (items.length > before) {
    // A courtesy to the keyboard: the page is loaded even if the view cannot show the row now.
    await Promise.resolve(focus(items[before])).catch(() => undefined);
  }
}
