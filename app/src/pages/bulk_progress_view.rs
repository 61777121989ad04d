//! While a batch runs, the step its transaction is in, asked of the server every 700 ms: a
//! batch of 100,000 customers takes seconds, and the user should see it moving.

use leptos::prelude::*;

use crate::customers::bulk_types::BatchProgress;

#[component]
pub fn BatchProgressView(
    /// The token the running batch reports under.
    token: StoredValue<String>,
    #[prop(into)] running: Signal<bool>,
) -> impl IntoView {
    let progress = RwSignal::new(None::<BatchProgress>);
    // Only the browser asks; the server renders the idle state.
    #[cfg(not(feature = "hydrate"))]
    let _ = token;
    #[cfg(feature = "hydrate")]
    {
        use crate::api::bulk_progress;
        use std::time::Duration;
        let timer = StoredValue::new(None::<IntervalHandle>);
        Effect::new(move |_| {
            if let Some(handle) = timer.get_value() {
                handle.clear();
                timer.set_value(None);
            }
            progress.set(None);
            if !running.get() {
                return;
            }
            let ask = move || {
                let token = token.get_value();
                leptos::task::spawn_local(async move {
                    if let Ok(step) = bulk_progress(token).await {
                        progress.try_set(step);
                    }
                });
            };
            timer.set_value(set_interval_with_handle(ask, Duration::from_millis(700)).ok());
        });
    }
    move || {
        running.get().then(|| {
            let text = progress.get().map_or_else(
                || "Gravando…".to_string(),
                |p| {
                    format!(
                        "Etapa {} de {}: {}… ({} s)",
                        p.step, p.steps, p.label, p.seconds
                    )
                },
            );
            let (step, steps) = progress.get().map_or((0, 1), |p| (p.step, p.steps));
            view! {
                <div class="batch-progress" role="status" aria-live="polite">
                    <progress max=steps value=step>{format!("{step}/{steps}")}</progress>
                    <span>{text}</span>
                </div>
            }
        })
    }
}
