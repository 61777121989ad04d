//! "Excluir cliente": asks in the page first, then deletes at the version the form was opened at.

use leptos::prelude::*;

use crate::api::DeleteCustomer;
use crate::components::confirm_dialog::ConfirmDialog;

#[component]
pub fn DeleteCustomerButton(
    id: i64,
    version: i32,
    /// "2004 - Posto Serra Ltda".
    customer: String,
    remove: ServerAction<DeleteCustomer>,
    removing: StoredValue<String>,
) -> impl IntoView {
    let confirming_delete = RwSignal::new(false);
    let question = format!("Excluir o cliente {customer}?");
    view! {
        <div class="delete-form">
            <button
                type="button"
                class="danger"
                aria-haspopup="dialog"
                disabled=move || remove.pending().get()
                on:click=move |_| confirming_delete.set(true)
            >
                "Excluir cliente"
            </button>
            <ConfirmDialog
                id="delete-customer"
                open=confirming_delete
                question=question
                detail="O cadastro e os endereços são apagados; a exclusão fica no histórico. Não há como desfazer.".to_string()
                confirm_label="Excluir"
                on_confirm=Callback::new(move |()| {
                    removing.set_value(customer.clone());
                    remove.dispatch(DeleteCustomer { id, version });
                })
            />
        </div>
    }
}
