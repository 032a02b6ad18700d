//! Demo mode: one account per role so a newcomer can look around at once. Off unless `--demo`.

use crate::accounts::UserSpec;
use crate::accounts::{CountryScope, Email, NewPassword, Role, DEMO_ACCOUNTS, DEMO_PASSWORD};
use crate::error::AppError;
use crate::services::accounts as service;
use crate::store::Store;

fn spec_for(email: &str) -> UserSpec {
    let east_africa = CountryScope::Countries(vec!["KE".into(), "UG".into()]);
    let (name, roles, level, scope) = match email {
        "assessor@demo.hrdd" => ("Amina Odhiambo", vec![Role::Assessor], None, east_africa),
        "adviser@demo.hrdd" => ("Jonas Berg", vec![Role::HrAdviser], None, east_africa),
        "reviewer1@demo.hrdd" => ("Grace Mwangi", vec![Role::Reviewer], Some(1), east_africa),
        "reviewer2@demo.hrdd" => ("Luis Ortega", vec![Role::Reviewer], Some(2), CountryScope::All),
        "reviewer3@demo.hrdd" => ("Hana Sato", vec![Role::Reviewer], Some(3), CountryScope::All),
        "manager@demo.hrdd" => ("Priya Raman", vec![Role::Manager], None, CountryScope::All),
        // The tool owner: keeps users and every country's reference data (no case content).
        _ => ("Demo Administrator", vec![Role::Admin], None, CountryScope::All),
    };
    UserSpec { name: name.into(), roles, approval_level: level, scope }
}

/// The five worked examples of the methodology, as demo cases in the demo countries.
const DEMO_CASES: &[(&str, &str)] = &[
    ("KE", include_str!("../../tests/fixtures/examples/01_low_forensic_lab_police.answers.json")),
    ("UG", include_str!("../../tests/fixtures/examples/02_moderate_womens_prison.answers.json")),
    ("KE", include_str!("../../tests/fixtures/examples/03_substantial_gendarmerie_vehicles.answers.json")),
    ("UG", include_str!("../../tests/fixtures/examples/04_high_drafting_mandatory_detention.answers.json")),
    ("KE", include_str!("../../tests/fixtures/examples/05_hard_rule_executing_state_case_management.answers.json")),
];

/// Creates the demo cases once (when the database has no case yet), as the demo assessor.
pub async fn seed_cases(db: &Store, registry: &crate::methodology::Registry) -> Result<(), AppError> {
    if db.case_count_all().await? > 0 {
        return Ok(());
    }
    let assessor = service::load_user(db, assessor_id(db).await?)
        .await?
        .ok_or_else(|| AppError::internal("demo assessor missing"))?;
    for (country, text) in DEMO_CASES {
        let mut answers = crate::methodology::draft::Draft::parse(text).map_err(AppError::internal)?;
        answers.case.insert("country", serde_json::json!(country));
        let title = answers.case.text("programme_title").unwrap_or("Demo programme").to_string();
        let basis = crate::reference::CaseBasis::default();
        crate::services::cases::insert_draft(db, registry, &assessor, country, &title, &answers, None, &basis).await?;
    }
    Ok(())
}

/// The starting reference data of the demo countries (KE, UG): every value with a source, each
/// citation marked as example data to be verified before real use.
pub const DEMO_REFERENCE_CSV: &str = include_str!("demo_reference.csv");

/// Records the demo countries' reference data once (when no reference data exists yet), as the
/// demo administrator, through the same import as the page.
pub async fn seed_reference(db: &Store, registry: &crate::methodology::Registry) -> Result<(), AppError> {
    if !db.all_reference_entries().await?.is_empty() {
        return Ok(());
    }
    let admin_id = db
        .user_id_by_email("admin@demo.hrdd", false)
        .await?
        .ok_or_else(|| AppError::internal("the demo administrator account is missing"))?;
    let admin =
        service::load_user(db, admin_id).await?.ok_or_else(|| AppError::internal("demo administrator missing"))?;
    crate::services::reference::apply_import(db, registry, &admin, DEMO_REFERENCE_CSV, 0).await?;
    Ok(())
}

/// Creates the demo accounts that do not exist yet (idempotent).
pub async fn seed(db: &Store) -> Result<(), AppError> {
    let password = NewPassword::parse(DEMO_PASSWORD).map_err(AppError::internal)?;
    for (email, _) in DEMO_ACCOUNTS {
        if db.user_id_by_email(email, false).await?.is_none() {
            let email = Email::parse(email).map_err(AppError::internal)?;
            service::create_user(
                db,
                &email,
                spec_for(email.as_str()),
                &password,
                false,
                &service::ChangedBy::command_line("demo accounts"),
            )
            .await?;
        }
    }
    Ok(())
}

/// The demo assessor's user id (demo cases and seeded cases belong to them).
pub async fn assessor_id(db: &Store) -> Result<i64, AppError> {
    db.user_id_by_email("assessor@demo.hrdd", false)
        .await?
        .ok_or_else(|| AppError::internal("the demo assessor account is missing"))
}
