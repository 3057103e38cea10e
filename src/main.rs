//! Entry point: mount the aid on every `[data-avn-aid]` element of the page.

fn main() {
    avn_aid::start();
}
