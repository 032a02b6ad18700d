//! `hrdd seed`: realistic cases, scored by the engine, drafts and submitted with their snapshots.

use crate::common::*;
use crate::on_both_backends;
use serde_json::Value;

async fn seeded_cases_are_scored_varied_and_submitted_ones_carry_a_verifiable_snapshot(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    let report = hrdd::services::seed::seed_cases(&t.db, registry(), 120, 7).await.unwrap();
    assert_eq!(report.rows(), 120 + report.superseded);
    assert!(
        report.drafts > 0 && report.submitted > 0 && report.returned > 0 && report.decided > 0 && report.superseded > 0,
        "every workflow state: {report:?}"
    );
    // Seeding again continues the reference numbers.
    let more = hrdd::services::seed::seed_cases(&t.db, registry(), 5, 8).await.unwrap();
    let total = report.rows() + more.rows();
    #[derive(sqlx::FromRow)]
    struct Row {
        reference: String,
        state: String,
        answers: String,
        overall_band: Option<String>,
        country: String,
    }
    let rows: Vec<Row> = with_pool!(&t.db, pool => sqlx::query_as("SELECT reference, state, answers, overall_band, country FROM cases").fetch_all(pool).await.unwrap());
    assert_eq!(rows.len() as u64, total);
    let mut references: Vec<&str> = rows.iter().map(|r| r.reference.as_str()).collect();
    references.sort();
    references.dedup();
    assert_eq!(references.len() as u64, total, "references are unique");
    let countries: std::collections::HashSet<&str> = rows.iter().map(|r| r.country.as_str()).collect();
    assert!(countries.len() >= 4, "several countries: {countries:?}");
    let bands: std::collections::HashSet<Option<&str>> = rows.iter().map(|r| r.overall_band.as_deref()).collect();
    assert!(bands.len() >= 3, "varied bands: {bands:?}");
    for r in &rows {
        let doc: Value = serde_json::from_str(&r.answers).unwrap();
        assert_eq!(doc["case"]["country"], r.country.as_str());
        let outcome = hrdd::methodology::draft::score_draft(registry(), &crate::common::draft(&doc));
        assert_eq!(outcome.result().map(|x| x.overall_band.code()), r.overall_band.as_deref(), "{}", r.reference);
        if r.state != "DRAFT" {
            assert!(outcome.result().unwrap().can_submit);
        }
    }
    // Every version that was submitted has its submission snapshot; decided ones their sign-off.
    let snapshots: Vec<(String, String, String)> = with_pool!(&t.db, pool => sqlx::query_as("SELECT s.kind, c.state, s.record FROM case_snapshots s JOIN cases c ON c.id = s.case_id").fetch_all(pool).await.unwrap());
    let count = |kind: &str| snapshots.iter().filter(|s| s.0 == kind).count();
    assert_eq!(count("SUBMISSION"), rows.iter().filter(|r| r.state != "DRAFT").count());
    assert_eq!(count("SIGN_OFF"), rows.iter().filter(|r| r.state == "DECIDED" || r.state == "SUPERSEDED").count());
    for (kind, _, record) in snapshots.iter().filter(|s| s.0 == "SIGN_OFF") {
        let record: Value = serde_json::from_str(record).unwrap();
        let level = record["result"]["approval_level_required"].as_u64().unwrap();
        assert!(record["signer_level"].as_u64().unwrap() >= level, "{kind}: signed at the required level");
        assert_ne!(record["signed_by"], "assessor@demo.hrdd", "never by the creator");
    }
    let returned: i64 = with_pool!(&t.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM case_comments WHERE kind = 'RETURN'").fetch_one(pool).await.unwrap());
    assert_eq!(returned as u64, report.returned + more.returned, "each returned case carries the reviewer's comment");
    // The whole history verifies: chains, submission and sign-off hashes.
    let verified = hrdd::services::verify::verify_all(&t.db, &[]).await.unwrap();
    assert!(verified.breaches.is_empty(), "{:?}", verified.breaches);
    assert!(verified.events as u64 > total, "every version has its history: {} events", verified.events);
}
on_both_backends!(seeded_cases_are_scored_varied_and_submitted_ones_carry_a_verifiable_snapshot);
