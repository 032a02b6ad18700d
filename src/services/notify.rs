//! Notifications (issue 21): the notices a workflow change causes, resolved to accounts before the
//! change's transaction and written inside it (so a change and its notices commit together or not
//! at all), and each user's inbox.

use crate::accounts::{CurrentUser, Role};
use crate::cases::CaseState;
use crate::error::AppError;
use crate::notify::{Audience, CaseLine, Inbox, Kind, Notice, INBOX_SIZE};
use crate::store::notify::AudienceQuery;
use crate::store::{Store, Write};
use chrono::{DateTime, Utc};

/// The notices of one workflow change, ready to be written with it.
#[derive(Debug, Default)]
pub struct Planned {
    notices: Vec<(i64, Notice)>,
}

impl Planned {
    /// Writes the notices inside the change's transaction.
    pub async fn write(&self, write: &mut Write, at: DateTime<Utc>) -> Result<(), AppError> {
        let rows: Vec<(i64, &Notice)> = self.notices.iter().map(|(user, n)| (*user, n)).collect();
        write.insert_notices(&rows, at).await?;
        Ok(())
    }
}

/// The case as notices name it, in the state it is in once the change is made.
pub struct Subject<'a> {
    pub case_id: i64,
    pub reference: &'a str,
    pub title: &'a str,
    pub country: &'a str,
    pub state_after: CaseState,
}

/// Plans the notices of `kind` about a case: each account of the kind's audience in the case's
/// country, once, never the actor. `note` is quoted in the notice (a return comment).
pub async fn plan(
    db: &Store,
    kind: Kind,
    case: &Subject<'_>,
    actor: &CurrentUser,
    note: Option<&str>,
) -> Result<Planned, AppError> {
    plan_for(db, kind, kind.audience(), case, actor, note).await
}

/// [`plan`] for another audience than the kind's own (a comment reaches reviewers only while the
/// case waits for them).
pub async fn plan_for(
    db: &Store,
    kind: Kind,
    audiences: &[Audience],
    case: &Subject<'_>,
    actor: &CurrentUser,
    note: Option<&str>,
) -> Result<Planned, AppError> {
    let Some((assessor, level)) = db.case_people(case.case_id).await? else { return Ok(Planned::default()) };
    let mut groups: Vec<Vec<i64>> = Vec::new();
    for audience in audiences {
        groups.push(match audience {
            Audience::Assessor => vec![assessor],
            Audience::Advisers => db.audience_ids(&in_country(case.country, Role::HrAdviser, None)).await?,
            Audience::Reviewers => {
                db.audience_ids(&in_country(case.country, Role::Reviewer, Some(level.unwrap_or(1)))).await?
            }
            Audience::Managers => db.audience_ids(&in_country(case.country, Role::Manager, None)).await?,
        });
    }
    let recipients = crate::notify::recipients(groups, actor.id);
    let line = CaseLine {
        id: case.case_id,
        reference: case.reference.to_string(),
        title: case.title.to_string(),
        country: case.country.to_string(),
        state: case.state_after.label().to_string(),
    };
    let notice = crate::notify::compose(kind, &line, &actor.name, note);
    Ok(Planned { notices: recipients.into_iter().map(|id| (id, notice.clone())).collect() })
}

fn in_country(country: &str, role: Role, min_level: Option<i64>) -> AudienceQuery<'_> {
    AudienceQuery { country, role: role.as_str(), min_level }
}

/// The signed-in user's notices, newest first.
pub async fn inbox(db: &Store, user: &CurrentUser) -> Result<Inbox, AppError> {
    let (mut notices, unread) = db.inbox(user.id, INBOX_SIZE + 1).await?;
    let more = notices.len() as i64 > INBOX_SIZE;
    notices.truncate(INBOX_SIZE as usize);
    Ok(Inbox { notices, unread, more })
}

/// How many of the user's notices are unread (shown in the header of every page).
pub async fn unread(db: &Store, user: &CurrentUser) -> Result<i64, AppError> {
    Ok(db.unread_count(user.id).await?)
}

/// Marks one of the user's notices read, or all of them (`None`). Another user's notice is left
/// alone: the statement only touches the caller's rows.
pub async fn mark_read(db: &Store, user: &CurrentUser, id: Option<i64>) -> Result<u64, AppError> {
    let mut write = db.write().await?;
    let n = write.mark_notices_read(user.id, id, Utc::now()).await?;
    write.commit().await?;
    Ok(n)
}
