//! The tamper-evident record (docs/SECURITY.md): every way of rewriting the record with database
//! access but without the server's key is found by `verify_all` (what `hrdd audit verify` runs), and
//! the ones that change what a case shows are named on its summary page too. Each scenario starts
//! from a case signed off through the app, on both databases.

use crate::common::*;
use crate::on_both_backends;
use crate::review::{post, signed, summary, Journey};
use hrdd::audit::StoredEvent;

async fn breaches(t: &TestDb) -> Vec<String> {
    hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap().breaches.iter().map(|b| b.to_string()).collect()
}

/// A signed case whose record verifies, and its id.
async fn signed_case(t: &TestDb) -> (Journey, i64) {
    let j = signed(t).await;
    assert_eq!(breaches(t).await, Vec::<String>::new(), "intact before tampering");
    let id = j.id.parse().unwrap();
    (j, id)
}

fn found(problems: &[String], needle: &str) {
    assert!(problems.iter().any(|p| p.contains(needle)), "expected a problem containing {needle:?}, got {problems:#?}");
}

async fn execute(t: &TestDb, sql: &str) {
    with_pool!(&t.db, pool => sqlx::query(sql).execute(pool).await.unwrap().rows_affected());
}

async fn events(t: &TestDb, case_id: i64) -> Vec<StoredEvent> {
    hrdd::services::verify::events_of_case(&t.db, case_id).await.unwrap()
}

async fn last_event(t: &TestDb) -> StoredEvent {
    let sql = format!("SELECT {} FROM audit_events ORDER BY seq DESC LIMIT 1", hrdd::audit::EVENT_COLUMNS);
    with_pool!(&t.db, pool => sqlx::query_as::<_, StoredEvent>(&sql).fetch_one(pool).await.unwrap())
}

/// Writes an event back as an attacker would: content changed and its hash recomputed (the hash
/// needs no key), the signature left as it was.
async fn rewrite(t: &TestDb, e: &StoredEvent) {
    with_pool!(&t.db, pool => sqlx::query("UPDATE audit_events SET actor_id = $1, actor = $2, details = $3, hash = $4, signature = $5, key_id = $6 WHERE seq = $7")
        .bind(e.actor_id).bind(&e.actor).bind(&e.details).bind(&e.hash).bind(&e.signature).bind(&e.key_id).bind(e.seq)
        .execute(pool).await.unwrap().rows_affected());
}

/// Re-links every later event to the one before it (recomputing hashes), as a careful forger would.
async fn relink_after(t: &TestDb, seq: i64) {
    let sql = format!("SELECT {} FROM audit_events WHERE seq >= $1 ORDER BY seq", hrdd::audit::EVENT_COLUMNS);
    let later: Vec<StoredEvent> =
        with_pool!(&t.db, pool => sqlx::query_as(&sql).bind(seq).fetch_all(pool).await.unwrap());
    let mut prev = later.first().and_then(|e| e.prev_hash.clone());
    for mut e in later {
        e.prev_hash = prev.clone();
        e.hash = e.recomputed_hash();
        with_pool!(&t.db, pool => sqlx::query("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3").bind(&e.prev_hash).bind(&e.hash).bind(e.seq).execute(pool).await.unwrap().rows_affected());
        prev = Some(e.hash);
    }
    with_pool!(&t.db, pool => sqlx::query("UPDATE audit_head SET hash = $1").bind(&prev).execute(pool).await.unwrap().rows_affected());
}

async fn summary_problems(j: &Journey) -> Vec<String> {
    let s = summary(j, &j.rev2).await;
    s["integrity_problems"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()
}

/// Scenario 1: Undoing a sign-off: the SIGNED_OFF event and its snapshot deleted, the case count lowered,
/// the state set back, and even the head row rolled back. Only the anchor file still knows.
async fn undoing_a_sign_off_is_found(t: TestDb) {
    let (_j, id) = signed_case(&t).await;
    let signed = last_event(&t).await;
    assert_eq!(signed.action, "SIGNED_OFF");
    execute(&t, &format!("DELETE FROM audit_events WHERE seq = {}", signed.seq)).await;
    execute(&t, &format!("DELETE FROM case_comments WHERE case_id = {id} AND kind = 'SIGN_OFF'")).await;
    execute(&t, &format!("DELETE FROM case_snapshots WHERE case_id = {id} AND kind = 'SIGN_OFF'")).await;
    execute(&t, &format!("UPDATE case_components SET final_decision = NULL WHERE case_id = {id}")).await;
    execute(&t, &format!("UPDATE cases SET state = 'SUBMITTED', final_decision = NULL, decided_by = NULL, decided_at = NULL, event_count = event_count - 1 WHERE id = {id}")).await;
    let prev = signed.prev_hash.clone().unwrap();
    with_pool!(&t.db, pool => sqlx::query("UPDATE audit_head SET seq = $1, hash = $2").bind(signed.seq - 1).bind(&prev).execute(pool).await.unwrap().rows_affected());
    let problems = breaches(&t).await;
    found(
        &problems,
        &format!("the anchor file records event {}, but the database ends at event {}", signed.seq, signed.seq - 1),
    );
}
on_both_backends!(undoing_a_sign_off_is_found);

/// Scenario 2: Deleting the last event of one case's chain while other events follow it.
async fn deleting_the_last_event_of_a_case_is_found(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    let last = events(&t, id).await.pop().unwrap();
    // Something happens afterwards elsewhere (a comment on the same case is enough for the sequence).
    let r = post(&j, "review/comment", &j.rev1, &[("id", j.id.clone()), ("body", "Noted.".into())]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    execute(&t, &format!("DELETE FROM audit_events WHERE seq = {}", last.seq)).await;
    execute(&t, &format!("DELETE FROM case_comments WHERE case_id = {id} AND kind = 'SIGN_OFF'")).await;
    found(&breaches(&t).await, &format!("event {} is missing from the record (deleted)", last.seq));
}
on_both_backends!(deleting_the_last_event_of_a_case_is_found);

/// Scenario 3: Deleting the newest event of the whole installation and rolling the head back.
async fn deleting_the_newest_event_is_found_by_the_anchor(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    let r = post(&j, "review/comment", &j.rev1, &[("id", j.id.clone()), ("body", "Noted.".into())]).await;
    assert_eq!(r.status, 200);
    let newest = last_event(&t).await;
    execute(&t, &format!("DELETE FROM audit_events WHERE seq = {}", newest.seq)).await;
    execute(&t, &format!("DELETE FROM case_comments WHERE case_id = {id} AND body = 'Noted.'")).await;
    execute(&t, &format!("UPDATE cases SET event_count = event_count - 1 WHERE id = {id}")).await;
    with_pool!(&t.db, pool => sqlx::query("UPDATE audit_head SET seq = $1, hash = $2").bind(newest.seq - 1).bind(&newest.prev_hash).execute(pool).await.unwrap().rows_affected());
    found(&breaches(&t).await, "the newest events were removed");
    // An anchor exported earlier (kept off the server) says the same.
    let exported = hrdd::audit::anchor::Head { seq: newest.seq, hash: newest.hash.clone() };
    let report = hrdd::services::verify::verify_all(&t.db, &[exported]).await.unwrap();
    assert!(report.breaches.iter().any(|b| b.problem.contains("newest events were removed")));
}
on_both_backends!(deleting_the_newest_event_is_found_by_the_anchor);

/// Scenario 4: Rewriting a decision in the event and recomputing the whole chain (hashes need no key).
async fn rewriting_a_decision_and_recomputing_the_chain_is_found(t: TestDb) {
    let (_j, _id) = signed_case(&t).await;
    let mut e = last_event(&t).await;
    e.details = e.details.replace("VEHICLES: PROCEED_WITH_CONDITIONS", "VEHICLES: PROCEED");
    e.hash = e.recomputed_hash();
    rewrite(&t, &e).await;
    relink_after(&t, e.seq).await;
    found(
        &breaches(&t).await,
        &format!("event {} (SIGNED_OFF) has a signature that does not match its content", e.seq),
    );
}
on_both_backends!(rewriting_a_decision_and_recomputing_the_chain_is_found);

/// Scenario 5: Moving an event to another user and recomputing the chain.
async fn moving_an_event_to_another_user_is_found(t: TestDb) {
    let (_j, id) = signed_case(&t).await;
    let other = make_user(&t.db, "scapegoat@un.org", &[hrdd::accounts::Role::Assessor], None, &["KE"]).await;
    let mut e = events(&t, id).await.remove(2);
    e.actor_id = Some(other);
    e.actor = "scapegoat@un.org".into();
    e.hash = e.recomputed_hash();
    rewrite(&t, &e).await;
    relink_after(&t, e.seq).await;
    found(
        &breaches(&t).await,
        &format!("event {} ({}) has a signature that does not match its content", e.seq, e.action),
    );
}
on_both_backends!(moving_an_event_to_another_user_is_found);

/// Scenario 6: Signing a forged event with a key of one's own.
async fn an_event_signed_with_another_key_is_found(t: TestDb) {
    use ed25519_dalek::Signer;
    let (_j, id) = signed_case(&t).await;
    let mut e = events(&t, id).await.remove(1);
    e.details = e.details.replace("\"step\"", "\"forged_step\"");
    e.hash = e.recomputed_hash();
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    e.signature = Some(hex::encode(key.sign(format!("hrdd-event:{}", e.hash).as_bytes()).to_bytes()));
    e.key_id = Some(hrdd::audit::keys::key_id(&key.verifying_key()));
    rewrite(&t, &e).await;
    relink_after(&t, e.seq).await;
    found(&breaches(&t).await, "which is not in the trusted keyring");
}
on_both_backends!(an_event_signed_with_another_key_is_found);

/// Scenario 7: Editing the final decision of a decided case in its row: the summary shows the difference.
async fn editing_the_final_decision_in_the_case_row_is_found(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    execute(&t, &format!("UPDATE cases SET final_decision = 'PROCEED' WHERE id = {id}")).await;
    let expected = "the case row's final decision is PROCEED, but the signed-off record says PROCEED_WITH_CONDITIONS";
    found(&breaches(&t).await, expected);
    found(&summary_problems(&j).await, expected);
}
on_both_backends!(editing_the_final_decision_in_the_case_row_is_found);

/// Scenario 8: Editing the band of a decided case in its row.
async fn editing_the_band_in_the_case_row_is_found(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    execute(&t, &format!("UPDATE cases SET overall_band = 'LOW' WHERE id = {id}")).await;
    let expected = "the case row's overall band is LOW, but the signed-off record says SUBSTANTIAL";
    found(&breaches(&t).await, expected);
    found(&summary_problems(&j).await, expected);
}
on_both_backends!(editing_the_band_in_the_case_row_is_found);

/// Scenario 9: Editing the answers of a decided case in its row: the summary names the changed answer.
async fn editing_the_answers_in_the_case_row_is_found(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    let answers: String = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT answers FROM cases WHERE id = $1").bind(id).fetch_one(pool).await.unwrap());
    let mut doc: serde_json::Value = serde_json::from_str(&answers).unwrap();
    doc["case"]["office"] = serde_json::json!("Somewhere else");
    with_pool!(&t.db, pool => sqlx::query("UPDATE cases SET answers = $1 WHERE id = $2").bind(doc.to_string()).bind(id).execute(pool).await.unwrap().rows_affected());
    found(&breaches(&t).await, "the case row's answers are not the ones last recorded");
    let on_summary = summary_problems(&j).await;
    found(&on_summary, "changed at case.office");
}
on_both_backends!(editing_the_answers_in_the_case_row_is_found);

/// Scenario 10: Deleting a whole decided case with everything that refers to it.
async fn deleting_a_whole_case_is_found(t: TestDb) {
    let (_j, id) = signed_case(&t).await;
    let seqs: Vec<i64> = events(&t, id).await.iter().map(|e| e.seq).collect();
    // Work goes on after it (a new account), so the case's events sit in the middle of the record.
    make_user(&t.db, "later@un.org", &[hrdd::accounts::Role::Manager], None, &["KE"]).await;
    for table in [
        "audit_events",
        "case_comments",
        "case_snapshots",
        "case_revisions",
        "case_positions",
        "case_components",
        "case_areas",
        "case_support_types",
        "case_hard_rules",
    ] {
        execute(&t, &format!("DELETE FROM {table} WHERE case_id = {id}")).await;
    }
    execute(&t, &format!("DELETE FROM cases WHERE id = {id}")).await;
    let problems = breaches(&t).await;
    found(&problems, &format!("events {} to {} are missing from the record", seqs[0], seqs[seqs.len() - 1]));
}
on_both_backends!(deleting_a_whole_case_is_found);

/// Scenario 11: Replacing a case's events with a forged history and a forged snapshot that agree with each other.
async fn a_forged_history_with_its_own_snapshot_is_found(t: TestDb) {
    let (_j, id) = signed_case(&t).await;
    let (record, snapshot_id): (String, i64) = with_pool!(&t.db, pool => sqlx::query_as("SELECT record, id FROM case_snapshots WHERE case_id = $1 AND kind = 'SIGN_OFF'").bind(id).fetch_one(pool).await.unwrap());
    let forged = record.replace("PROCEED_WITH_CONDITIONS", "DO_NOT_PROCEED");
    let forged_hash = hrdd::services::wizard::content_hash(&serde_json::from_str(&forged).unwrap()).unwrap();
    with_pool!(&t.db, pool => sqlx::query("UPDATE case_snapshots SET record = $1, content_hash = $2 WHERE id = $3").bind(&forged).bind(&forged_hash).bind(snapshot_id).execute(pool).await.unwrap().rows_affected());
    let mut e = last_event(&t).await;
    let mut details: serde_json::Value = serde_json::from_str(&e.details).unwrap();
    details["content_hash"] = serde_json::json!(forged_hash);
    e.details = details.to_string();
    e.hash = e.recomputed_hash();
    rewrite(&t, &e).await;
    relink_after(&t, e.seq).await;
    execute(&t, &format!("UPDATE cases SET final_decision = 'DO_NOT_PROCEED' WHERE id = {id}")).await;
    let problems = breaches(&t).await;
    found(&problems, &format!("sign-off record {snapshot_id} has a signature that does not match its content"));
    found(&problems, "(SIGNED_OFF) has a signature that does not match its content");
}
on_both_backends!(a_forged_history_with_its_own_snapshot_is_found);

/// Scenario 12: Editing a stored comment; deleting one; adding one behind HRDD's back.
async fn comments_are_part_of_the_signed_record(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    let comment_id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM case_comments WHERE case_id = $1").bind(id).fetch_one(pool).await.unwrap());
    execute(&t, &format!("UPDATE case_comments SET body = 'No concerns at all.' WHERE id = {comment_id}")).await;
    let expected = format!("comment {comment_id} was changed after it was written");
    found(&breaches(&t).await, &expected);
    found(&summary_problems(&j).await, &expected);
    execute(&t, &format!("DELETE FROM case_comments WHERE id = {comment_id}")).await;
    found(&breaches(&t).await, &format!("comment {comment_id} was deleted"));
    let author: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'rev1@un.org'").fetch_one(pool).await.unwrap());
    with_pool!(&t.db, pool => sqlx::query("INSERT INTO case_comments (case_id, anchor, body, kind, author_id, author_role, created_at) VALUES ($1, '', 'Approved by phone.', 'COMMENT', $2, 'reviewer', $3)").bind(id).bind(author).bind(chrono::Utc::now()).execute(pool).await.unwrap().rows_affected());
    found(&breaches(&t).await, "is not in the audit record (it was added outside HRDD)");
}
on_both_backends!(comments_are_part_of_the_signed_record);

/// Scenario 13: Editing a snapshot's record, with and without recomputing its content hash.
async fn editing_a_snapshot_is_found(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    let (record, snapshot_id): (String, i64) = with_pool!(&t.db, pool => sqlx::query_as("SELECT record, id FROM case_snapshots WHERE case_id = $1 AND kind = 'SUBMISSION'").bind(id).fetch_one(pool).await.unwrap());
    let forged = record.replace("SUBSTANTIAL", "LOW");
    with_pool!(&t.db, pool => sqlx::query("UPDATE case_snapshots SET record = $1 WHERE id = $2").bind(&forged).bind(snapshot_id).execute(pool).await.unwrap().rows_affected());
    found(&breaches(&t).await, &format!("submission record {snapshot_id} does not match its content hash"));
    let rehashed = hrdd::services::wizard::content_hash(&serde_json::from_str(&forged).unwrap()).unwrap();
    with_pool!(&t.db, pool => sqlx::query("UPDATE case_snapshots SET content_hash = $1 WHERE id = $2").bind(&rehashed).bind(snapshot_id).execute(pool).await.unwrap().rows_affected());
    let problems = breaches(&t).await;
    found(&problems, &format!("submission record {snapshot_id} is not the one recorded in the audit trail"));
    found(&problems, &format!("submission record {snapshot_id} has a signature that does not match its content"));
    let s = summary(&j, &j.rev2).await;
    assert_eq!(s["submission"]["verified"], false, "the summary no longer calls it verified");
}
on_both_backends!(editing_a_snapshot_is_found);

/// Scenario 14: Account events: changing who granted a role, or removing the record of it.
async fn account_history_is_part_of_the_signed_record(t: TestDb) {
    let (_j, _id) = signed_case(&t).await;
    let user_id: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'rev2@un.org'").fetch_one(pool).await.unwrap());
    let mut created = hrdd::services::verify::events_of_account(&t.db, user_id).await.unwrap().remove(0);
    assert_eq!(created.action, "USER_CREATED");
    created.details = created.details.replace("\"approval_level\":2", "\"approval_level\":1");
    created.hash = created.recomputed_hash();
    rewrite(&t, &created).await;
    relink_after(&t, created.seq).await;
    found(&breaches(&t).await, &format!("account {user_id}: event {} (USER_CREATED) has a signature", created.seq));
    execute(&t, &format!("DELETE FROM audit_events WHERE seq = {}", created.seq)).await;
    found(&breaches(&t).await, &format!("event {} is missing from the record", created.seq));
}
on_both_backends!(account_history_is_part_of_the_signed_record);

/// Scenario 15: A case whose state was set back without touching its events: the row disagrees with them.
async fn a_state_changed_in_the_row_is_found(t: TestDb) {
    let (j, id) = signed_case(&t).await;
    execute(&t, &format!("UPDATE cases SET state = 'RETURNED', final_decision = NULL WHERE id = {id}")).await;
    let expected = "the case row says state RETURNED, but the signed record ends with SIGNED_OFF";
    found(&breaches(&t).await, expected);
    found(&summary_problems(&j).await, expected);
}
on_both_backends!(a_state_changed_in_the_row_is_found);

/// The keys live outside the database: the same database checked with another audit directory
/// (no keyring) verifies nothing, and a key created there cannot vouch for the existing events.
async fn verification_needs_the_keyring_kept_outside_the_database(t: TestDb) {
    let (_j, _id) = signed_case(&t).await;
    let elsewhere = tempfile::tempdir().unwrap();
    let settings = hrdd::audit::AuditSettings { dir: elsewhere.path().to_path_buf(), create_key: false };
    let pool = t.db.pool.clone();
    let db = hrdd::store::Store::from_pool(pool, &settings).unwrap();
    let report = hrdd::services::verify::verify_all(&db, &[]).await.unwrap();
    let problems: Vec<String> = report.breaches.iter().map(|b| b.to_string()).collect();
    found(&problems, "no trusted public key");
    found(&problems, "which is not in the trusted keyring");
    // A fresh key in that directory: trusted there, but it signed none of these events.
    let settings = hrdd::audit::AuditSettings { dir: elsewhere.path().to_path_buf(), create_key: true };
    let db = hrdd::store::Store::from_pool(t.db.pool.clone(), &settings).unwrap();
    let report = hrdd::services::verify::verify_all(&db, &[]).await.unwrap();
    assert!(report.breaches.iter().any(|b| b.problem.contains("which is not in the trusted keyring")));
    // The original directory still verifies it all.
    assert_eq!(breaches(&t).await, Vec::<String>::new());
}
on_both_backends!(verification_needs_the_keyring_kept_outside_the_database);
