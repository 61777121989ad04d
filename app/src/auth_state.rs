//! The signed-in state shared by every screen: one session resource, refetched whenever
//! a sign-out or company switch completes. (Signing in is a form the browser posts itself,
//! pages/sign_in.rs: the page after it is a fresh load.)

use leptos::prelude::*;

use crate::api::resource::{api_resource, ApiResource};
use crate::api::{get_session, SignOut, SwitchCompany};
use crate::session::SessionView;

#[derive(Clone, Copy)]
pub struct AuthState {
    pub session: ApiResource<Option<SessionView>>,
    pub sign_out: ServerAction<SignOut>,
    pub switch_company: ServerAction<SwitchCompany>,
}

pub fn provide_auth_state() -> AuthState {
    let sign_out = ServerAction::<SignOut>::new();
    let switch_company = ServerAction::<SwitchCompany>::new();
    let session = api_resource(
        move || (sign_out.version().get(), switch_company.version().get()),
        |_| get_session(),
    );
    let state = AuthState {
        session,
        sign_out,
        switch_company,
    };
    provide_context(state);
    state
}

pub fn use_auth_state() -> AuthState {
    expect_context::<AuthState>()
}
