// Rebuild when a migration is added: `sqlx::migrate!` embeds the migrations directory at compile time.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    // The Fluent texts are read at compile time by `fluent_templates::static_loader!` (src/i18n).
    println!("cargo:rerun-if-changed=src/i18n/locales");
}
