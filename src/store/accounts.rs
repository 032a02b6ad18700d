//! Users, their roles and countries, and sign-in attempts (tables `users`, `user_roles`,
//! `user_countries`, `sign_in_attempts`).

use super::{on_pool, on_write, Store, StoreError, Write};
use crate::accounts::{CountryScope, CurrentUser, Role, UserSpec, UserSummary};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    approval_level: Option<i32>,
    all_countries: bool,
    active: bool,
    must_change_password: bool,
    lang: Option<String>,
    created_at: DateTime<Utc>,
    last_sign_in_at: Option<DateTime<Utc>>,
}

const USER_COLUMNS: &str =
    "id, email, name, approval_level, all_countries, active, must_change_password, lang, created_at, last_sign_in_at";

impl UserRow {
    /// The account with its roles, countries and status, as the admin pages show it.
    fn into_summary(self, mut roles: Vec<Role>, countries: Vec<String>) -> UserSummary {
        roles.sort();
        UserSummary {
            user: CurrentUser {
                id: self.id,
                email: self.email,
                name: self.name,
                roles,
                approval_level: self.approval_level.map(|l| l as u8),
                scope: if self.all_countries { CountryScope::All } else { CountryScope::Countries(countries) },
                must_change_password: self.must_change_password,
                lang: self.lang.as_deref().and_then(crate::i18n::Lang::from_code),
            },
            active: self.active,
            last_sign_in: self.last_sign_in_at.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
            created_at: self.created_at.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A new account as stored: the checked spec, the password hash and the first-sign-in rule.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub spec: &'a UserSpec,
    pub password_hash: &'a str,
    pub must_change_password: bool,
    pub at: DateTime<Utc>,
}

/// What sign-in needs of an account found by e-mail.
pub struct Credentials {
    pub user_id: i64,
    pub password_hash: String,
    pub active: bool,
}

/// One sign-in attempt, as the throttle records it.
pub struct SignInAttempt<'a> {
    pub at: DateTime<Utc>,
    pub email: &'a str,
    pub ip: &'a str,
    pub user_id: Option<i64>,
    pub success: bool,
    /// Refused by the throttle without checking the password.
    pub throttled: bool,
}

impl Store {
    pub async fn user_count(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await?))
    }

    /// A user, active or not, with roles, countries and status.
    pub async fn user(&self, id: i64) -> Result<Option<UserSummary>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row: Option<UserRow> = on_pool!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?);
        let Some(row) = row else { return Ok(None) };
        let roles: Vec<String> = on_pool!(self, pool => sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role").bind(id).fetch_all(pool).await?);
        let countries: Vec<String> = on_pool!(self, pool => sqlx::query_scalar("SELECT country FROM user_countries WHERE user_id = $1 ORDER BY country").bind(id).fetch_all(pool).await?);
        Ok(Some(row.into_summary(roles.iter().filter_map(|r| Role::parse(r)).collect(), countries)))
    }

    /// Every user, active ones first, by name.
    pub async fn users(&self) -> Result<Vec<UserSummary>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY active DESC, name");
        let rows: Vec<UserRow> = on_pool!(self, pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        let role_rows: Vec<(i64, String)> =
            on_pool!(self, pool => sqlx::query_as("SELECT user_id, role FROM user_roles").fetch_all(pool).await?);
        let country_rows: Vec<(i64, String)> = on_pool!(self, pool => sqlx::query_as("SELECT user_id, country FROM user_countries ORDER BY country").fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|row| {
                let roles =
                    role_rows.iter().filter(|(uid, _)| *uid == row.id).filter_map(|(_, r)| Role::parse(r)).collect();
                let countries = country_rows.iter().filter(|(uid, _)| *uid == row.id).map(|(_, c)| c.clone()).collect();
                row.into_summary(roles, countries)
            })
            .collect())
    }

    /// The id of the account with this (lower-cased) e-mail address, if it exists (and is active,
    /// with `active_only`).
    pub async fn user_id_by_email(&self, email: &str, active_only: bool) -> Result<Option<i64>, StoreError> {
        let found: Option<(i64, bool)> = on_pool!(self, pool => sqlx::query_as("SELECT id, active FROM users WHERE email = $1").bind(email).fetch_optional(pool).await?);
        Ok(found.filter(|(_, active)| *active || !active_only).map(|(id, _)| id))
    }

    pub async fn password_hash(&self, user_id: i64) -> Result<Option<String>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1").bind(user_id).fetch_optional(pool).await?),
        )
    }

    /// The account signing in with this (lower-cased) e-mail address.
    pub async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
        let row: Option<(i64, String, bool)> = on_pool!(self, pool => sqlx::query_as("SELECT id, password_hash, active FROM users WHERE email = $1").bind(email).fetch_optional(pool).await?);
        Ok(row.map(|(user_id, password_hash, active)| Credentials { user_id, password_hash, active }))
    }

    /// Sign-in attempts since `since` that the throttle counts (not those it refused itself), newest
    /// first, at most 64, as (success, at): for one account from one address, or — with `email`
    /// `None` — the failures from one address across accounts.
    pub async fn recent_sign_in_attempts(
        &self,
        since: DateTime<Utc>,
        email: Option<&str>,
        ip: &str,
    ) -> Result<Vec<(bool, DateTime<Utc>)>, StoreError> {
        let recent = "SELECT success, at FROM sign_in_attempts WHERE throttled = $1 AND at > $2 AND";
        Ok(match email {
            Some(email) => {
                on_pool!(self, pool => sqlx::query_as(&format!("{recent} email = $3 AND ip = $4 ORDER BY at DESC LIMIT 64"))
                .bind(false).bind(since).bind(email).bind(ip).fetch_all(pool).await?)
            }
            None => {
                on_pool!(self, pool => sqlx::query_as(&format!("{recent} ip = $3 AND success = $1 ORDER BY at DESC LIMIT 64"))
                .bind(false).bind(since).bind(ip).fetch_all(pool).await?)
            }
        })
    }

    pub async fn record_sign_in_attempt(&self, attempt: &SignInAttempt<'_>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        on_pool!(self, pool => sqlx::query("INSERT INTO sign_in_attempts (at, email, ip, user_id, success, throttled) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(attempt.at).bind(attempt.email).bind(attempt.ip).bind(attempt.user_id).bind(attempt.success).bind(attempt.throttled)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn mark_signed_in(&self, user_id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        let _gate = self.write_gate().await;
        on_pool!(self, pool => sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2").bind(at).bind(user_id).execute(pool).await?.rows_affected());
        Ok(())
    }
}

impl Write {
    /// Inserts the account with its roles and countries; [`StoreError::Duplicate`] ("e-mail address")
    /// when the address is taken. Returns the new id.
    pub async fn insert_user(&mut self, new: &NewUser<'_>) -> Result<i64, StoreError> {
        let id: i64 = on_write!(self, tx => sqlx::query_scalar(
            "INSERT INTO users (email, name, password_hash, approval_level, all_countries, active, must_change_password, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(new.email)
        .bind(&new.spec.name)
        .bind(new.password_hash)
        .bind(new.spec.approval_level.map(i32::from))
        .bind(new.spec.scope == CountryScope::All)
        .bind(true)
        .bind(new.must_change_password)
        .bind(new.at)
        .fetch_one(&mut **tx)
        .await
        .map_err(|e| StoreError::unique(e, "e-mail address"))?);
        self.insert_memberships(id, new.spec).await?;
        Ok(id)
    }

    /// Replaces name, level, countries and roles of an account.
    pub async fn update_user(&mut self, id: i64, spec: &UserSpec, at: DateTime<Utc>) -> Result<(), StoreError> {
        on_write!(self, tx => {
            sqlx::query("UPDATE users SET name = $1, approval_level = $2, all_countries = $3, updated_at = $4 WHERE id = $5")
                .bind(&spec.name)
                .bind(spec.approval_level.map(i32::from))
                .bind(spec.scope == CountryScope::All)
                .bind(at)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(id).execute(&mut **tx).await?;
            sqlx::query("DELETE FROM user_countries WHERE user_id = $1").bind(id).execute(&mut **tx).await?;
        });
        self.auth_changed().await?;
        self.insert_memberships(id, spec).await
    }

    async fn insert_memberships(&mut self, id: i64, spec: &UserSpec) -> Result<(), StoreError> {
        let countries = match &spec.scope {
            CountryScope::All => &[][..],
            CountryScope::Countries(list) => &list[..],
        };
        on_write!(self, tx => {
            for role in &spec.roles {
                sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                    .bind(id).bind(role.as_str()).execute(&mut **tx).await?;
            }
            for country in countries {
                sqlx::query("INSERT INTO user_countries (user_id, country) VALUES ($1, $2)")
                    .bind(id).bind(country).execute(&mut **tx).await?;
            }
        });
        Ok(())
    }

    pub async fn set_user_active(&mut self, id: i64, active: bool, at: DateTime<Utc>) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3")
            .bind(active).bind(at).bind(id).execute(&mut **tx).await?.rows_affected());
        self.auth_changed().await
    }

    /// The user's language. The signed-in user (with their language) is cached per session, so the
    /// change goes through the same counters as a change of roles: the next page is in it.
    pub async fn set_user_lang(&mut self, id: i64, lang: crate::i18n::Lang) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
            .bind(lang.code()).bind(id).execute(&mut **tx).await?.rows_affected());
        self.auth_changed().await
    }

    pub async fn set_password_hash(
        &mut self,
        id: i64,
        hash: &str,
        must_change: bool,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_write!(self, tx => sqlx::query("UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3 WHERE id = $4")
            .bind(hash).bind(must_change).bind(at).bind(id).execute(&mut **tx).await?.rows_affected());
        self.auth_changed().await
    }

    /// Ends every session of the user and revokes their active access tokens; returns how many
    /// tokens were revoked.
    pub async fn end_sessions_and_tokens(&mut self, user_id: i64, at: DateTime<Utc>) -> Result<u64, StoreError> {
        self.auth_changed().await?;
        Ok(on_write!(self, tx => {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut **tx).await?;
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(at).bind(user_id).execute(&mut **tx).await?.rows_affected()
        }))
    }
}
