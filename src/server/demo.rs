//! Demo mode: one account per role so a newcomer can look around at once. Off unless `--demo`.

use crate::accounts::service::{self, UserSpec};
use crate::accounts::{CountryScope, Email, NewPassword, Role, DEMO_ACCOUNTS, DEMO_PASSWORD};
use crate::error::AppError;
use crate::server::db::Db;
use crate::with_pool;

fn spec_for(email: &str) -> UserSpec {
    let east_africa = CountryScope::Countries(vec!["KE".into(), "UG".into()]);
    let (name, roles, level, scope) = match email {
        "assessor@demo.hrdd" => ("Amina Odhiambo", vec![Role::Assessor], None, east_africa),
        "adviser@demo.hrdd" => ("Jonas Berg", vec![Role::HrAdviser], None, east_africa),
        "reviewer1@demo.hrdd" => ("Grace Mwangi", vec![Role::Reviewer], Some(1), east_africa),
        "reviewer2@demo.hrdd" => ("Luis Ortega", vec![Role::Reviewer], Some(2), CountryScope::All),
        "reviewer3@demo.hrdd" => ("Hana Sato", vec![Role::Reviewer], Some(3), CountryScope::All),
        "manager@demo.hrdd" => ("Priya Raman", vec![Role::Manager], None, CountryScope::All),
        _ => ("Demo Administrator", vec![Role::Admin], None, CountryScope::Countries(vec![])),
    };
    UserSpec { name: name.into(), roles, approval_level: level, scope }
}

/// Creates the demo accounts that do not exist yet (idempotent).
pub async fn seed(db: &Db) -> Result<(), AppError> {
    let password = NewPassword::parse(DEMO_PASSWORD).map_err(AppError::internal)?;
    for (email, _) in DEMO_ACCOUNTS {
        let exists: i64 = with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1").bind(*email).fetch_one(pool).await?);
        if exists == 0 {
            let email = Email::parse(email).map_err(AppError::internal)?;
            service::create_user(db, &email, spec_for(email.as_str()), &password, false).await?;
        }
    }
    Ok(())
}
