use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use rules::customer::{CustomerInput, Kind, Status};
use rules::document::mask_as_typed;
use rules::permission::Permission;

use crate::api::{
    customer_history, get_customer, list_addresses, next_customer_code, profile_options,
    salesperson_history, DeleteCustomer, SaveCustomer,
};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::flash::flash_on_arrival;
use crate::components::protected::protected;
use crate::customers::address_types::AddressView;
use crate::customers::record_types::{
    ChangeView, CustomerRecord, KindOptions, SalespersonChangeView,
};
use crate::error::AppError;
use crate::pages::customer_addresses::CustomerAddresses;
use crate::session::SessionView;

#[component]
pub fn CustomerNewPage() -> impl IntoView {
    view! {
        <Title text="Novo cliente · Clientela" />
        {
            let data = EditorData::new(None);
            protected(move |session| view! { <CustomerEditor data session /> })
        }
    }
}

#[component]
pub fn CustomerEditPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok());
        let data = EditorData::new(id);
        view! {
            <Title text="Cliente · Clientela" />
            {protected(move |session| view! { <CustomerEditor data session /> })}
        }
    }
}

/// A new record starts active, as a company, with the next free code.
fn blank(code: i64) -> CustomerRecord {
    CustomerRecord {
        id: 0,
        version: 0,
        input: CustomerInput {
            code: code.to_string(),
            kind: "legal_entity".into(),
            status: "active".into(),
            ..Default::default()
        },
        last_saved: None,
        profile: Default::default(),
    }
}

/// Everything the record screen loads and does, created by the page itself, outside the
/// signed-in gate: a `Suspend` may run more than once while the server renders, and resources
/// created inside it would be created again, with ids the browser cannot match on hydration.
#[derive(Clone, Copy)]
struct EditorData {
    id: Option<i64>,
    save: ServerAction<SaveCustomer>,
    remove: ServerAction<DeleteCustomer>,
    /// "2004 - Posto Serra Ltda", the customer being deleted: the list says it was.
    removing: StoredValue<String>,
    /// Bumped after an address change: refreshes the history, not the record being typed.
    address_saves: RwSignal<u32>,
    record: Resource<Result<CustomerRecord, AppError>>,
    options: Resource<Result<Vec<KindOptions>, AppError>>,
    addresses: Resource<Result<Vec<AddressView>, AppError>>,
    history: Resource<Result<Vec<ChangeView>, AppError>>,
    salesperson_changes: Resource<Result<Vec<SalespersonChangeView>, AppError>>,
}

impl EditorData {
    fn new(id: Option<i64>) -> Self {
        let save = ServerAction::<SaveCustomer>::new();
        let remove = ServerAction::<DeleteCustomer>::new();
        let removing = StoredValue::new(String::new());
        // Bumped after a successful save: a refused one keeps what the user typed.
        let reloads = RwSignal::new(0u32);
        let address_saves = RwSignal::new(0u32);
        Effect::new(move |_| {
            if let Some(Ok(_)) = save.value().get() {
                reloads.update(|n| *n += 1);
            }
        });
        let record = Resource::new(
            move || reloads.get(),
            move |_| async move {
                match id {
                    Some(id) => get_customer(id).await,
                    None => next_customer_code().await.map(blank),
                }
            },
        );
        // A new record has no addresses nor history yet: these answer empty without a call.
        let addresses = Resource::new(
            move || address_saves.get(),
            move |_| async move {
                match id {
                    Some(id) => list_addresses(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let history = Resource::new(
            move || reloads.get() + address_saves.get(),
            move |_| async move {
                match id {
                    Some(id) => customer_history(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let salesperson_changes = Resource::new(
            move || reloads.get(),
            move |_| async move {
                match id {
                    Some(id) => salesperson_history(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let navigate = use_navigate();
        Effect::new({
            let navigate = navigate.clone();
            move |_| {
                if let (None, Some(Ok(new_id))) = (id, save.value().get()) {
                    navigate(&format!("/clientes/{new_id}"), Default::default());
                }
            }
        });
        Effect::new(move |_| {
            if let Some(Ok(())) = remove.value().get() {
                let message = format!("Cliente {} excluído.", removing.get_value());
                flash_on_arrival("/clientes", message);
                navigate("/clientes", Default::default());
            }
        });
        Self {
            id,
            save,
            remove,
            removing,
            address_saves,
            record,
            options: Resource::new(|| (), |_| profile_options()),
            addresses,
            history,
            salesperson_changes,
        }
    }
}

#[component]
fn CustomerEditor(data: EditorData, session: SessionView) -> impl IntoView {
    let EditorData {
        id,
        save,
        remove,
        removing,
        address_saves,
        record,
        options,
        addresses,
        history,
        salesperson_changes,
    } = data;
    let can_delete = session.can(Permission::DeleteCustomer);
    let can_edit_addresses = session.can(Permission::AlterCustomer);
    let can_save = if id.is_some() {
        session.can(Permission::AlterCustomer)
    } else {
        session.can(Permission::IncludeCustomer)
    };

    view! {
        <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(record) => view! { <CustomerForm record id save remove removing can_save can_delete options /> }.into_any(),
                    Err(error) => view! { <section class="card"><p class="error" role="alert">{error.to_string()}</p></section> }.into_any(),
                }
            })}
        </Transition>
        {id.map(|id| view! {
            <CustomerAddresses customer_id=id can_edit=can_edit_addresses saves=address_saves addresses />
            <SalespersonHistory changes=salesperson_changes />
            <ChangeHistory history />
        })}
    }
}

#[component]
fn CustomerForm(
    record: CustomerRecord,
    id: Option<i64>,
    save: ServerAction<SaveCustomer>,
    remove: ServerAction<DeleteCustomer>,
    removing: StoredValue<String>,
    can_save: bool,
    can_delete: bool,
    options: Resource<Result<Vec<KindOptions>, AppError>>,
) -> impl IntoView {
    let input = record.input.clone();
    let kind = RwSignal::new(input.kind.clone());
    let document = RwSignal::new(if input.document.is_empty() {
        String::new()
    } else {
        rules::display::document(&input.document)
    });
    let message_for = move |field: &'static str| {
        save.value().with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().err())
                .and_then(|e| e.message_for(field))
        })
    };
    // The message beside the field, named by its input's `aria-describedby`.
    let error_for = move |field: &'static str| {
        move || {
            message_for(field).map(|message| {
                view! { <span class="field-error" role="alert" id=format!("{field}-error")>{message}</span> }
            })
        }
    };
    let invalid = move |field: &'static str| move || message_for(field).is_some().then_some("true");
    let described_by = move |field: &'static str, hint: Option<&'static str>| {
        move || {
            let error = message_for(field).map(|_| format!("{field}-error"));
            let ids: Vec<String> = hint.map(str::to_string).into_iter().chain(error).collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let general_error = move || {
        let save_error = save.value().get().and_then(|r| r.err());
        let delete_error = remove.value().get().and_then(|r| r.err());
        save_error
            .or(delete_error)
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice" role="status">"Alterações gravadas."</p> })
    };
    let title = match id {
        Some(_) => format!("Cliente {} - {}", input.code, input.legal_name),
        None => "Novo cliente".to_string(),
    };
    let confirming_delete = RwSignal::new(false);
    let customer = format!("{} - {}", input.code, input.legal_name);
    let question = format!("Excluir o cliente {customer}?");
    let version = record.version;
    view! {
        <section class="card">
            <h1>{title}</h1>
            {record.last_saved.clone().map(|s| view! { <p class="muted">"Última alteração: " {s}</p> })}
            <ActionForm action=save attr:class="record-form">
                {id.map(|id| view! {
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="version" value=version.to_string() />
                })}
                <div class="field">
                    <label for="code">"Código"</label>
                    <input id="code" name="input[code]" inputmode="numeric" value=input.code.clone() aria-invalid=invalid("code") aria-describedby=described_by("code", None) />
                    {error_for("code")}
                </div>
                <div class="field">
                    <label for="kind">"Tipo de pessoa"</label>
                    <select id="kind" name="input[kind]" aria-invalid=invalid("kind") aria-describedby=described_by("kind", None) on:change=move |ev| {
                        kind.set(event_target_value(&ev));
                        document.update(|d| *d = mask_as_typed(kind.get_untracked() == "legal_entity", d));
                    }>
                        {Kind::ALL.map(|k| view! { <option value=k.code() selected=input.kind == k.code()>{k.label()}</option> })}
                    </select>
                    {error_for("kind")}
                </div>
                <div class="field">
                    <label for="document">{move || if kind.get() == "individual" { "CPF" } else { "CNPJ" }}</label>
                    <input
                        id="document"
                        name="input[document]"
                        autocomplete="off"
                        aria-invalid=invalid("document")
                        aria-describedby=described_by("document", None)
                        prop:value=move || document.get()
                        on:input=move |ev| document.set(mask_as_typed(kind.get_untracked() == "legal_entity", &event_target_value(&ev)))
                    />
                    {error_for("document")}
                </div>
                <div class="field">
                    <label for="state_registration">"Inscrição estadual"</label>
                    <input id="state_registration" name="input[state_registration]" placeholder="ISENTO" value=input.state_registration.clone() aria-invalid=invalid("state_registration") aria-describedby=described_by("state_registration", None) />
                    {error_for("state_registration")}
                </div>
                <div class="field wide">
                    <label for="legal_name">"Razão social / Nome"</label>
                    <input id="legal_name" name="input[legal_name]" value=input.legal_name.clone() aria-invalid=invalid("legal_name") aria-describedby=described_by("legal_name", None) />
                    {error_for("legal_name")}
                </div>
                <div class="field wide">
                    <label for="trade_name">"Nome fantasia"</label>
                    <input id="trade_name" name="input[trade_name]" value=input.trade_name.clone() aria-invalid=invalid("trade_name") aria-describedby=described_by("trade_name", None) />
                    {error_for("trade_name")}
                </div>
                <div class="field">
                    <label for="status">"Situação"</label>
                    <select id="status" name="input[status]" aria-invalid=invalid("status") aria-describedby=described_by("status", None)>
                        {Status::ALL.map(|s| view! { <option value=s.code() selected=input.status == s.code()>{s.label()}</option> })}
                    </select>
                    {error_for("status")}
                </div>
                <div class="field wide">
                    <label for="email">"E-mails"</label>
                    <input id="email" name="input[email]" type="text" inputmode="email" aria-describedby=described_by("email", Some("email-hint")) aria-invalid=invalid("email") value=input.email.clone() />
                    <span id="email-hint" class="hint">"Vários: separe com ponto e vírgula."</span>
                    {error_for("email")}
                </div>
                <div class="field wide">
                    <label for="phone">"Telefones"</label>
                    <input id="phone" name="input[phone]" type="tel" aria-describedby=described_by("phone", Some("phone-hint")) aria-invalid=invalid("phone") value=input.phone.clone() />
                    <span id="phone-hint" class="hint">"Com DDD. Vários: separe com ponto e vírgula."</span>
                    {error_for("phone")}
                </div>
                <div class="field">
                    <label for="monthly_income">"Renda mensal (R$)"</label>
                    <input id="monthly_income" name="input[monthly_income]" inputmode="decimal" placeholder="0,00" value=input.monthly_income.clone() aria-invalid=invalid("monthly_income") aria-describedby=described_by("monthly_income", None) />
                    {error_for("monthly_income")}
                </div>
                <div class="field">
                    <label for="valid_until">"Cadastro válido até"</label>
                    <input id="valid_until" name="input[valid_until]" type="date" value=input.valid_until.clone() aria-invalid=invalid("valid_until") aria-describedby=described_by("valid_until", None) />
                    {error_for("valid_until")}
                </div>
                <ProfileFields profile=record.profile error_for=error_for options />
                <div class="actions wide">
                    {general_error}
                    {saved}
                    {can_save.then(|| view! { <button type="submit" class="primary">"Gravar"</button> })}
                    <a href="/clientes">"Voltar à lista"</a>
                </div>
            </ActionForm>
            {id.filter(|_| can_delete).map(|id| view! {
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
            })}
        </section>
    }
}

#[component]
fn ChangeHistory(history: Resource<Result<Vec<ChangeView>, AppError>>) -> impl IntoView {
    view! {
        <section class="card">
            <h2 id="history-title">"Histórico de alterações"</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nenhuma alteração registrada."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="history" aria-labelledby="history-title">
                                <thead><tr><th scope="col">"Quando"</th><th scope="col">"Quem"</th><th scope="col">"Campo"</th><th scope="col">"Antes"</th><th scope="col">"Depois"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|c| view! {
                                        <tr>
                                            <td data-label="Quando">{c.changed_at}</td>
                                            <td data-label="Quem">{c.user_name}</td>
                                            <td data-label="Campo">{c.field}</td>
                                            <td data-label="Antes">{c.old_value}</td>
                                            <td data-label="Depois">{c.new_value}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Group, branch, region, salesperson and category in the current company. Choosing a
/// different salesperson opens the notes of the change (R-SELLER-1).
#[component]
fn ProfileFields<F, V>(
    profile: rules::profile::ProfileRefs,
    error_for: F,
    options: Resource<Result<Vec<KindOptions>, AppError>>,
) -> impl IntoView
where
    F: Fn(&'static str) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let original_salesperson = profile
        .salesperson
        .map(|id| id.to_string())
        .unwrap_or_default();
    let chosen_salesperson = RwSignal::new(original_salesperson.clone());
    let salesperson_changed = move || chosen_salesperson.get() != original_salesperson;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let kinds = options.await.unwrap_or_default();
                // Each field takes its own list, matched by name, whatever order the server sends.
                profile
                    .by_kind()
                    .into_iter()
                    .filter_map(|(kind, current)| {
                        let field = rules::profile::form_field(kind);
                        kinds.iter().find(|k| k.field == field).cloned().map(|choices| (kind, current, choices))
                    })
                    .map(|(kind, current, choices)| {
                        let field = rules::profile::form_field(kind);
                        let id = format!("profile-{field}");
                        let is_salesperson = kind == rules::lookup::LookupKind::Salesperson;
                        view! {
                            <div class="field">
                                <label for=id.clone()>{choices.label.clone()}</label>
                                <select
                                    id=id
                                    name=format!("profile[{field}]")
                                    on:change=move |ev| {
                                        if is_salesperson {
                                            chosen_salesperson.set(event_target_value(&ev));
                                        }
                                    }
                                >
                                    <option value="">"(não informado)"</option>
                                    {choices
                                        .options
                                        .into_iter()
                                        .map(|o| view! { <option value=o.id.to_string() selected=current == Some(o.id)>{o.label}</option> })
                                        .collect_view()}
                                </select>
                                {error_for(field)}
                            </div>
                        }
                    })
                    .collect_view()
            })}
        </Transition>
        <Show when=salesperson_changed>
            <div class="field wide">
                <label for="salesperson_notes">"Observação da troca de vendedor"</label>
                <textarea id="salesperson_notes" name="salesperson_notes" rows="2"></textarea>
            </div>
        </Show>
    }
}

#[component]
fn SalespersonHistory(
    changes: Resource<Result<Vec<SalespersonChangeView>, AppError>>,
) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let rows = changes.await.unwrap_or_default();
                (!rows.is_empty()).then(|| view! {
                    <section class="card">
                        <h2 id="salesperson-changes-title">"Trocas de vendedor"</h2>
                        <table class="history salesperson-changes" aria-labelledby="salesperson-changes-title">
                            <thead><tr><th scope="col">"Quando"</th><th scope="col">"Quem"</th><th scope="col">"De"</th><th scope="col">"Para"</th><th scope="col">"Observação"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|c| view! {
                                    <tr>
                                        <td data-label="Quando">{c.changed_at}</td>
                                        <td data-label="Quem">{c.user_name}</td>
                                        <td data-label="De">{c.old_salesperson}</td>
                                        <td data-label="Para">{c.new_salesperson}</td>
                                        <td data-label="Observação">{c.notes}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                })
            })}
        </Transition>
    }
}
