//! Notifications (issue 21): the notices a workflow change causes, resolved to accounts before the
//! change's transaction and written inside it (so a change and its notices commit together or not
//! at all), and each user's inbox.

use crate::accounts::{CurrentUser, Role};
use crate::cases::CaseState;
use crate::error::AppError;
use crate::notify::{Audience, CaseLine, Inbox, Kind, MailPref, Notice, INBOX_SIZE};
use crate::store::notify::AudienceQuery;
use crate::store::{Store, Write};
use chrono::{DateTime, NaiveDate, Utc};

/// The notices of one workflow change, ready to be written with it.
#[derive(Debug, Default)]
pub struct Planned {
    notices: Vec<(i64, Notice)>,
    /// Whether their e-mail is queued too (the server sends mail).
    mail: bool,
}

impl Planned {
    /// Writes the notices, and their e-mail, inside the change's transaction.
    pub async fn write(&self, write: &mut Write, at: DateTime<Utc>) -> Result<(), AppError> {
        let rows: Vec<(i64, &Notice)> = self.notices.iter().map(|(user, n)| (*user, n)).collect();
        write.insert_notices(&rows, at, self.mail).await?;
        Ok(())
    }
}

/// The notice to an account's holder (created, password reset) by the administrator `by` (named
/// by their e-mail address); none when they act on their own account.
pub fn plan_account(db: &Store, kind: Kind, account: i64, email: &str, by: &crate::audit::Actor) -> Planned {
    let notices = crate::notify::recipients([vec![account]], by.id.unwrap_or(0))
        .into_iter()
        .map(|id| (id, crate::notify::compose_account(kind, email, &by.name)))
        .collect();
    Planned { notices, mail: db.queues_mail() }
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
            Audience::AccountHolder => Vec::new(),
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
    Ok(Planned { notices: recipients.into_iter().map(|id| (id, notice.clone())).collect(), mail: db.queues_mail() })
}

/// The reminders pass (spec §7.5, §10.6): for every decided version not yet re-assessed whose next
/// review date is at most 30 days after `today`, the reminder its stage calls for (30 days, 7 days,
/// due), to its assessor and the country's managers, once per version, due date and stage: the
/// claim and the notices commit together, so a restart or a second server writes none twice.
/// Returns how many reminders were written. `today` is a parameter so that tests can set the clock.
pub async fn send_reminders(db: &Store, today: NaiveDate) -> Result<usize, AppError> {
    let until = (today + chrono::Days::new(30)).format("%Y-%m-%d").to_string();
    let mut written = 0;
    let mut managers_of: std::collections::HashMap<String, Vec<i64>> = std::collections::HashMap::new();
    for version in db.versions_due_by(&until).await? {
        let Ok(due) = NaiveDate::parse_from_str(&version.next_review_date, "%Y-%m-%d") else {
            tracing::warn!(
                case = version.id,
                date = version.next_review_date,
                "unreadable next review date; no reminder"
            );
            continue;
        };
        let Some(kind) = crate::notify::reminder((due - today).num_days()) else { continue };
        let managers = match managers_of.get(&version.country) {
            Some(ids) => ids.clone(),
            None => {
                let ids = db.audience_ids(&in_country(&version.country, Role::Manager, None)).await?;
                managers_of.insert(version.country.clone(), ids.clone());
                ids
            }
        };
        // The system reminds: no actor to leave out.
        let people = crate::notify::recipients([vec![version.created_by], managers], 0);
        let line = CaseLine {
            id: version.id,
            reference: version.reference.clone(),
            title: version.title.clone(),
            country: version.country.clone(),
            state: CaseState::Decided.label().to_string(),
        };
        let notice = crate::notify::compose(kind, &line, "HRDD (next review date)", None);
        let rows: Vec<(i64, &Notice)> = people.iter().map(|p| (*p, &notice)).collect();
        let now = Utc::now();
        let mut write = db.write().await?;
        if write.claim_reminder(version.id, &version.next_review_date, kind, now).await? {
            write.insert_notices(&rows, now, db.queues_mail()).await?;
            write.commit().await?;
            written += 1;
        }
    }
    Ok(written)
}

/// The digest pass: for each user who takes a daily digest and has notices waiting, one message for
/// `day` (once: a second pass on the same day, here or on another server, queues nothing).
/// Returns how many digests were queued.
pub async fn queue_digests(db: &Store, day: NaiveDate) -> Result<usize, AppError> {
    let day = day.format("%Y-%m-%d").to_string();
    let mut queued = 0;
    for user in db.digest_recipients().await? {
        let mut write = db.write().await?;
        if write.queue_digest(user, &day, Utc::now()).await? {
            write.commit().await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// How the signed-in user takes e-mail.
pub async fn mail_pref(db: &Store, user: &CurrentUser) -> Result<MailPref, AppError> {
    Ok(db.mail_pref(user.id).await?)
}

/// Sets how the signed-in user takes e-mail (their own choice only).
pub async fn set_mail_pref(db: &Store, user: &CurrentUser, pref: MailPref) -> Result<(), AppError> {
    let mut write = db.write().await?;
    write.set_mail_pref(user.id, pref).await?;
    write.commit().await?;
    Ok(())
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

/// How often the daily task looks at the clock.
const DAILY_CHECK: std::time::Duration = std::time::Duration::from_secs(600);

/// The reminders and digest passes for `today`: (reminders written, digests queued).
pub async fn daily(db: &Store, today: NaiveDate) -> Result<(usize, usize), AppError> {
    let reminders = send_reminders(db, today).await?;
    let digests = if db.queues_mail() { queue_digests(db, today).await? } else { 0 };
    Ok((reminders, digests))
}

/// The daily task: runs [`daily`] at start and again whenever the date (UTC) has changed. A failed
/// pass is tried again at the next check; the passes themselves never write anything twice.
pub async fn run_daily(db: Store) {
    let mut done: Option<NaiveDate> = None;
    loop {
        let today = Utc::now().date_naive();
        if done != Some(today) {
            match daily(&db, today).await {
                Ok((reminders, digests)) => {
                    tracing::info!(reminders, digests, %today, "daily notifications pass");
                    done = Some(today);
                }
                Err(e) => tracing::warn!(error = %e, "daily notifications pass failed; trying again later"),
            }
        }
        tokio::time::sleep(DAILY_CHECK).await;
    }
}
