//! Scrolling a long view: the scroll is clamped so the view never runs past the end
//! (update cannot know how tall a view's text is), and a "lines 1–18 of 40" label says
//! that there is more than fits.

use crate::i18n::tf;

/// The first line to show for `scroll` when `total` lines go into `view` rows, and the
/// position label for the frame when not everything fits.
pub fn window(scroll: u16, total: usize, view: usize) -> (usize, Option<String>) {
    let first = usize::from(scroll).min(total.saturating_sub(view));
    let label = (view > 0 && total > view).then(|| {
        tf(
            "scroll.position",
            &[
                ("from", &(first + 1).to_string()),
                ("to", &(first + view).to_string()),
                ("total", &total.to_string()),
            ],
        )
    });
    (first, label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scroll_stops_at_the_last_full_view() {
        assert_eq!(window(0, 10, 20), (0, None));
        assert_eq!(window(5, 40, 18).0, 5);
        assert_eq!(window(500, 40, 18).0, 22);
        assert_eq!(window(3, 40, 0).0, 3, "no rows: nothing to clamp to");
        let (_, label) = window(500, 40, 18);
        let label = label.unwrap_or_default();
        assert!(label.contains("23") && label.contains("40"), "{label}");
    }
}
