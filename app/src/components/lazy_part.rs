//! A part of a page whose code is a lazily loaded part of the WebAssembly (a `#[lazy]`
//! function): drawn from the first time it is asked for, and kept from then on, so what the user
//! typed in it survives their looking elsewhere.
//!
//! Asked for by an effect, so only in the browser: effects do not run on the server, and
//! hydration cannot wait for a part of the WebAssembly inside the page, so such a part is never
//! in the server's HTML and comes in once the page is live.

use leptos::either::Either;
use leptos::prelude::*;
use std::future::Future;

/// `part` (a call of a `#[lazy]` function) drawn once `asked` has been true.
#[component]
pub fn LazyPart<Part, Drawn>(
    asked: Signal<bool>,
    /// What shows while its code and data arrive.
    loading: &'static str,
    part: Part,
) -> impl IntoView
where
    Part: Fn() -> Drawn + Copy + Send + Sync + 'static,
    Drawn: Future<Output = AnyView> + Send + 'static,
{
    let opened = RwSignal::new(false);
    Effect::new(move |_| {
        // Set once: a signal set again notifies again, and drawing the part again would drop
        // what the user chose in it and the requests still answering for it.
        if asked.get() && !opened.get_untracked() {
            opened.set(true);
        }
    });
    // Until then, a page drawn with the part asked for (an address naming it) says it is coming:
    // the server draws that too, and the browser finds it when the page hydrates.
    move || {
        if opened.get() {
            Either::Left(view! {
                <Suspense fallback=move || view! { <p class="loading">{loading}</p> }>
                    {move || Suspend::new(part())}
                </Suspense>
            })
        } else {
            Either::Right(
                asked
                    .get()
                    .then(|| view! { <p class="loading">{loading}</p> }),
            )
        }
    }
}
