//! The in-page confirmation of a destructive action: a modal `<dialog>` whose heading is the
//! question naming what will happen ("Excluir o cliente 2004 - …?"), with "Cancelar" and a
//! button naming the action ("Excluir", "Desfazer lote").
//!
//! The browser's modal dialog does the hard parts: the rest of the page is inert while it is
//! open, focus moves into it (to "Cancelar", the harmless choice) and Escape closes it. On
//! closing, however it closes, focus goes back to the button that opened it.

use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    /// Unique on the page: names the heading and the description.
    id: &'static str,
    /// Set it to open the dialog; Escape, "Cancelar" and the confirmation set it back.
    open: RwSignal<bool>,
    /// The question, naming what will happen.
    #[prop(into)]
    question: Signal<String>,
    /// One more sentence under the question: what cannot be taken back, what follows.
    #[prop(into)]
    detail: Signal<String>,
    /// The confirming button's text, naming the action.
    confirm_label: &'static str,
    /// Runs on confirmation, before the dialog closes.
    on_confirm: Callback<()>,
    /// Set when the action is known to be refused: the dialog then only says why, with
    /// "Fechar", and offers nothing that would fail.
    #[prop(into, optional)]
    explain_only: MaybeProp<bool>,
) -> impl IntoView {
    let explain_only = move || explain_only.get().unwrap_or(false);
    // Found by id rather than a NodeRef: a NodeRef is a thread-local signal that the server,
    // rendering on several threads, may drop on another one (a panic in Leptos 0.8).
    let dialog_id = format!("{id}-dialog");
    let find_dialog = {
        let dialog_id = dialog_id.clone();
        move || {
            use leptos::wasm_bindgen::JsCast;
            document()
                .get_element_by_id(&dialog_id)
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlDialogElement>().ok())
        }
    };
    // The effect's own value is the control that had focus when the dialog opened (the
    // action's button): effects run in the browser only, so the element never exists on the
    // server, where it could be dropped on another thread.
    Effect::new(move |opener: Option<Option<leptos::web_sys::Element>>| {
        let opener = opener.flatten();
        let should_open = open.get();
        let dialog = find_dialog()?;
        if should_open {
            if dialog.open() {
                return opener;
            }
            let opener = document().active_element();
            // Fails only if the dialog is not in the document: then there is nothing to show.
            let _ = dialog.show_modal();
            return opener;
        }
        if dialog.open() {
            dialog.close();
        }
        if let Some(opener) = opener {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(opener) = opener.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = opener.focus();
            }
        }
        None
    });
    // Escape closes the dialog by itself: the signal follows.
    let on_close = move |_| open.set(false);
    let (heading_id, detail_id) = (format!("{id}-title"), format!("{id}-detail"));
    let (labelled_by, described_by) = (heading_id.clone(), detail_id.clone());
    view! {
        <dialog
            id=dialog_id
            class="confirm"
            aria-modal="true"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:close=on_close
        >
            <h2 id=heading_id>{question}</h2>
            <p id=detail_id>{detail}</p>
            <div class="confirm-actions">
                <button type="button" autofocus on:click=move |_| open.set(false)>
                    {move || if explain_only() { "Fechar" } else { "Cancelar" }}
                </button>
                <button
                    type="button"
                    class="danger"
                    hidden=explain_only
                    on:click=move |_| {
                        on_confirm.run(());
                        open.set(false);
                    }
                >
                    {confirm_label}
                </button>
            </div>
        </dialog>
    }
}
