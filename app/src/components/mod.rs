pub mod company_switcher;
pub mod protected;
pub mod top_bar;
