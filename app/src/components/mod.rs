pub mod city_combobox;
pub mod company_switcher;
pub mod confirm_dialog;
pub mod date_input;
pub mod flash;
pub mod history_table;
pub mod protected;
pub mod top_bar;
