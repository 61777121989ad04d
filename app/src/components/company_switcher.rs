use leptos::prelude::*;

use crate::auth_state::use_auth_state;
use crate::session::CompanyOption;

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
        <ActionForm action=auth.switch_company attr:class="company-switcher">
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
            <button type="submit">"Trocar empresa"</button>
            {refused}
        </ActionForm>
    }
    .into_any()
}
