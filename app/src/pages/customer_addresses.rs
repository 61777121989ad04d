//! The customer's addresses on the record screen (R-CUST-5): the list by role with the
//! preferred one marked, and the form to add or edit one, with the CEP masked as typed and
//! the city chosen from the IBGE table as the user types.

use leptos::prelude::*;
use rules::address::{mask_cep_as_typed, AddressInput, AddressRole};

use crate::api::resource::ApiResource;
use crate::api::{DeleteAddress, SaveAddress};
use crate::components::city_combobox::CityCombobox;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus::{focus_by_id_next_frame, focus_first_invalid_on_refusal};
use crate::customers::address_types::AddressView;
use crate::error::AppError;

/// `None`: no form open; `Some(None)`: a new address; `Some(Some(a))`: editing `a`.
type Editing = Option<Option<AddressView>>;

const NEW_ADDRESS_ID: &str = "address-new";

#[component]
pub fn CustomerAddresses(
    customer_id: i64,
    can_edit: bool,
    saves: RwSignal<u32>,
    addresses: ApiResource<Vec<AddressView>>,
) -> impl IntoView {
    let save = ServerAction::<SaveAddress>::new();
    let remove = ServerAction::<DeleteAddress>::new();
    let editing = RwSignal::new(Editing::None);
    // What the last save or deletion did, for the eye and the screen reader; the focus goes
    // back to "Novo endereço", since the control used is gone with the form or the address.
    let said = RwSignal::new("");
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(None);
            saves.update(|n| *n += 1);
            said.set("Endereço gravado.");
            focus_by_id_next_frame(NEW_ADDRESS_ID);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            saves.update(|n| *n += 1);
            said.set("Endereço excluído.");
            focus_by_id_next_frame(NEW_ADDRESS_ID);
        }
    });
    let open_form = move |current: Option<AddressView>| {
        save.value().set(None);
        said.set("");
        editing.set(Some(current));
        focus_by_id_next_frame("address-role");
    };
    let close_form = Callback::new(move |()| {
        editing.set(None);
        focus_by_id_next_frame(NEW_ADDRESS_ID);
    });
    // Deleting asks first, naming the address.
    // The address, and whether it is the customer's last main one.
    let doomed = RwSignal::new(None::<(AddressView, bool)>);
    let asking = RwSignal::new(false);
    let ask_delete = move |address: AddressView, last_main: bool| {
        said.set("");
        doomed.set(Some((address, last_main)));
        asking.set(true);
    };
    let question = Signal::derive(move || {
        doomed.with(|a| {
            a.as_ref()
                .map(|(a, _)| format!("Excluir o endereço {}?", a.role_label))
                .unwrap_or_default()
        })
    });
    let detail = Signal::derive(move || {
        doomed.with(|a| {
            a.as_ref()
                .map(|(a, last_main)| rules::address::delete_detail(&a.line, *last_main))
                .unwrap_or_default()
        })
    });
    let confirm_delete = Callback::new(move |()| {
        if let Some((address, _)) = doomed.get_untracked() {
            remove.dispatch(DeleteAddress {
                customer_id,
                address_id: address.id,
                version: address.version,
            });
        }
    });
    let remove_error = move || {
        remove
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };

    view! {
        <section class="card" aria-labelledby="addresses-title">
            <h2 id="addresses-title">"Endereços"</h2>
            {(!can_edit).then(|| view! {
                <p class="notice read-only-note" role="note">"Somente leitura: seu perfil não permite alterar clientes."</p>
            })}
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match addresses.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">"Nenhum endereço cadastrado."</p> }.into_any(),
                        Ok(list) => {
                            let main = AddressRole::Main.code();
                            let mains = list.iter().filter(|a| a.input.role == main).count();
                            view! {
                            <ul class="addresses">
                                {list.into_iter().map(|address| {
                                    let for_edit = address.clone();
                                    let for_delete = address.clone();
                                    let last_main = mains == 1 && address.input.role == main;
                                    view! {
                                        <li class="address">
                                            <div>
                                                <strong>{address.role_label.clone()}</strong>
                                                {address.preferred.then(|| view! { <span class="badge">"Preferencial"</span> })}
                                                <p>{address.line.clone()}</p>
                                            </div>
                                            {can_edit.then(|| view! {
                                                <div class="row-actions">
                                                    <button type="button" aria-label=format!("Editar endereço {}", address.role_label) on:click=move |_| open_form(Some(for_edit.clone()))>
                                                        "Editar"
                                                    </button>
                                                    <button
                                                        type="button"
                                                        class="danger"
                                                        aria-label=format!("Excluir endereço {}", address.role_label)
                                                        on:click=move |_| ask_delete(for_delete.clone(), last_main)
                                                    >
                                                        "Excluir"
                                                    </button>
                                                </div>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            }.into_any()
                        }
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            {remove_error}
            <p class="said" role="status">{move || said.get()}</p>
            {move || match editing.get() {
                Some(current) => view! { <AddressForm customer_id current save close_form /> }.into_any(),
                None => can_edit
                    .then(|| view! {
                        <button type="button" id=NEW_ADDRESS_ID on:click=move |_| open_form(None)>"Novo endereço"</button>
                    })
                    .into_any(),
            }}
            <ConfirmDialog
                id="address-delete"
                open=asking
                question
                detail
                confirm_label="Excluir"
                on_confirm=confirm_delete
            />
        </section>
    }
}

#[component]
fn AddressForm(
    customer_id: i64,
    current: Option<AddressView>,
    save: ServerAction<SaveAddress>,
    close_form: Callback<()>,
) -> impl IntoView {
    let input = current
        .as_ref()
        .map(|a| a.input.clone())
        .unwrap_or_else(|| AddressInput {
            role: AddressRole::Main.code().to_string(),
            ..Default::default()
        });
    let cep = RwSignal::new(mask_cep_as_typed(&input.cep));
    let city = RwSignal::new(input.city.clone());
    // The fields typed in since the last answer: their messages go, the others' stay.
    let edited = RwSignal::new(Vec::<&'static str>::new());
    Effect::new(move |_| {
        save.value().track();
        edited.set(Vec::new());
    });
    let touch = move |field: &'static str| {
        if !edited.with_untracked(|e| e.contains(&field)) {
            edited.update(|e| e.push(field));
        }
    };
    Effect::new(move |first: Option<()>| {
        city.track();
        if first.is_some() {
            touch("city");
        }
    });
    // A refused field points at its message (`address-<field>-error`) and says it is invalid.
    let refused = move |field: &'static str| {
        !edited.with(|e| e.contains(&field))
            && save
                .value()
                .with(|r| matches!(r, Some(Err(e)) if e.message_for(field).is_some()))
    };
    let invalid = move |field: &'static str| move || refused(field).then_some("true");
    let described =
        move |field: &'static str| move || refused(field).then(|| format!("address-{field}-error"));
    let error_for = move |field: &'static str| {
        move || {
            save.value()
                .get()
                .and_then(|r| r.err())
                .filter(|_| refused(field))
                .and_then(|e| e.message_for(field))
                .map(|message| view! { <span id=format!("address-{field}-error") class="field-error" role="alert">{message}</span> })
        }
    };
    focus_first_invalid_on_refusal(save.value(), "address-form");
    crate::components::leave_guard::guard_form_while_mounted(
        "address-form",
        crate::pages::customer_record::LEAVE_QUESTION,
        || (),
    );
    let general_error = move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    let title = if current.is_some() {
        "Alterar endereço"
    } else {
        "Novo endereço"
    };
    let role = input.role.clone();

    view! {
        <ActionForm action=save attr:id="address-form" attr:class="record-form address-form" attr:aria-label=title>
            <h3 class="wide">{title}</h3>
            <input type="hidden" name="customer_id" value=customer_id.to_string() />
            {current.as_ref().map(|a| view! {
                <input type="hidden" name="address_id" value=a.id.to_string() />
                <input type="hidden" name="version" value=a.version.to_string() />
            })}
            <div class="field">
                <label for="address-role">"Tipo"</label>
                <select id="address-role" name="input[role]" on:change=move |_| touch("role") aria-invalid=invalid("role") aria-describedby=described("role")>
                    {AddressRole::ALL.into_iter().map(|r| view! {
                        <option value=r.code() selected=role == r.code()>{r.label()}</option>
                    }).collect_view()}
                </select>
                {error_for("role")}
            </div>
            <div class="field">
                <label for="address-cep">"CEP"</label>
                <input
                    id="address-cep"
                    name="input[cep]"
                    inputmode="numeric"
                    placeholder="00000-000"
                    autocomplete="postal-code"
                    aria-invalid=invalid("cep")
                    aria-describedby=described("cep")
                    prop:value=move || cep.get()
                    on:input=move |ev| {
                        touch("cep");
                        cep.set(mask_cep_as_typed(&event_target_value(&ev)))
                    }
                />
                {error_for("cep")}
            </div>
            <div class="field wide">
                <label for="address-street">"Logradouro"</label>
                <input id="address-street" name="input[street]" on:input=move |_| touch("street") autocomplete="address-line1" value=input.street.clone() aria-invalid=invalid("street") aria-describedby=described("street") />
                {error_for("street")}
            </div>
            <div class="field">
                <label for="address-number">"Número"</label>
                <input id="address-number" name="input[number]" on:input=move |_| touch("number") placeholder="S/N" value=input.number.clone() aria-invalid=invalid("number") aria-describedby=described("number") />
                {error_for("number")}
            </div>
            <div class="field">
                <label for="address-complement">"Complemento"</label>
                <input id="address-complement" name="input[complement]" on:input=move |_| touch("complement") value=input.complement.clone() aria-invalid=invalid("complement") aria-describedby=described("complement") />
                {error_for("complement")}
            </div>
            <div class="field">
                <label for="address-district">"Bairro"</label>
                <input id="address-district" name="input[district]" on:input=move |_| touch("district") value=input.district.clone() aria-invalid=invalid("district") aria-describedby=described("district") />
                {error_for("district")}
            </div>
            <div class="field wide city-picker">
                <label for="address-city">"Cidade"</label>
                <CityCombobox
                    id="address-city"
                    name="input[city]"
                    value=city
                    described_by=Signal::derive(described("city"))
                    invalid=Signal::derive(move || refused("city"))
                />
                {error_for("city")}
            </div>
            <div class="field checkbox">
                <label>
                    <input type="checkbox" name="input[preferred]" checked=input.preferred == "on" />
                    " Preferencial para este tipo"
                </label>
            </div>
            <div class="actions wide">
                {general_error}
                <button type="submit" class="primary">"Gravar endereço"</button>
                <button type="button" on:click=move |_| close_form.run(())>"Cancelar"</button>
            </div>
        </ActionForm>
    }
}
