//! Editing an ordered list (clauses, performance items): insert, delete, move up/down.
//! Each returns where the selection should go next, and never panics on any index.

/// Inserts `item` after position `after` (at the end when `after` is past it, at the
/// start when the list is empty); returns the new item's index.
pub fn insert_at<T>(list: &mut Vec<T>, after: Option<usize>, item: T) -> usize {
    let at = match after {
        Some(i) => i.saturating_add(1).min(list.len()),
        None => list.len(),
    };
    list.insert(at, item);
    at
}

/// Removes the item at `index` if there is one; returns the index to select afterwards
/// (`None` when the list became empty).
pub fn delete_at<T>(list: &mut Vec<T>, index: usize) -> Option<usize> {
    if index < list.len() {
        list.remove(index);
    }
    if list.is_empty() {
        None
    } else {
        Some(index.min(list.len() - 1))
    }
}

/// Swaps the item at `index` with the one above; returns its new index.
pub fn move_up<T>(list: &mut [T], index: usize) -> usize {
    if index > 0 && index < list.len() {
        list.swap(index, index - 1);
        index - 1
    } else {
        index.min(list.len().saturating_sub(1))
    }
}

/// Swaps the item at `index` with the one below; returns its new index.
pub fn move_down<T>(list: &mut [T], index: usize) -> usize {
    if index.saturating_add(1) < list.len() {
        list.swap(index, index + 1);
        index + 1
    } else {
        index.min(list.len().saturating_sub(1))
    }
}
