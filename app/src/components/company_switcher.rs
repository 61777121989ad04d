use leptos::prelude::*;

use crate::api::SwitchCompany;
use crate::auth_state::use_auth_state;
use crate::components::post_form::PostForm;
use crate::session::CompanyOption;
use server_fn::ServerFn;

/// Chooses the company the user acts in; the server accepts only companies on their list.
#[component]
pub fn CompanySwitcher(companies: Vec<CompanyOption>, current: i64) -> impl IntoView {
    let auth = use_auth_state();
    let refused = move || {
        auth.switch_company
            .value()
            .get()
            .and_then(|result| result.err())
            .map(|error| view! { <span class="error" role="alert">{error.to_string()}</span> })
    };
    // Someone who acts in one company only has nothing to switch to: the bar just names it.
    if let [only] = companies.as_slice() {
        let name = format!("{} - {}", only.code, only.name);
        return view! {
            <p class="company-switcher">
                <span class="company-label">"Empresa"</span>
                <span class="company-name">{name}</span>
            </p>
        }
        .into_any();
    }
    view! {
        <PostForm
            url=SwitchCompany::url()
            class="company-switcher"
            on_submit=move |fields| {
                // Not a number only when the page was tampered with: the server refuses 0.
                let company_id = fields.text("company_id").parse().unwrap_or_default();
                auth.switch_company.dispatch(SwitchCompany { company_id });
            }
        >
            <label for="company_id">"Empresa"</label>
            <select id="company_id" name="company_id">
                {companies
                    .into_iter()
                    .map(|company| {
                        view! {
                            <option value=company.id.to_string() selected=company.id == current>
                                {format!("{} - {}", company.code, company.name)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" aria-label="Trocar empresa">"Trocar"</button>
            {refused}
        </PostForm>
    }
    .into_any()
}
