#pragma once

#include <functional>

class QAbstractItemModel;
class QListView;

namespace Hubbub::Client {

//! Scrolls `list` to the row `rowOf()` finds (-1: not loaded) and makes it current: at once
//! when it is loaded, else as `source` loads, asking it for older rows (fetchMore) at most
//! `pages` times; gives up quietly after that or after 15 s. A newer reveal on the same list
//! replaces an unfinished one. `list` shows `source` row for row (or through an identity proxy).
void revealEntry(
    QListView *list, QAbstractItemModel *source, std::function<int()> rowOf, int pages = 10);

} // namespace Hubbub::Client
