// `sqlx::migrate!` embeds the migrations at compile time; without this, adding a migration
// would not rebuild the server and the new file would be silently left out.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
