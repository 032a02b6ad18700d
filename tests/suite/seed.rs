//! `hrdd seed`: realistic cases, scored by the engine, drafts and submitted with their snapshots.

use crate::common::*;
use crate::on_both_backends;
use serde_json::Value;

async fn seeded_cases_are_scored_varied_and_submitted_ones_carry_a_verifiable_snapshot(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    let creator = hrdd::server::demo::assessor_id(&t.db).await.unwrap();
    let report = hrdd::cases::seed::seed_cases(&t.db, registry(), creator, 60, 7).await.unwrap();
    assert_eq!(report.drafts + report.submitted, 60);
    assert!(report.drafts > 0 && report.submitted > 0, "{report:?}");
    // Seeding again continues the reference numbers.
    hrdd::cases::seed::seed_cases(&t.db, registry(), creator, 5, 8).await.unwrap();
    #[derive(sqlx::FromRow)]
    struct Row {
        reference: String,
        state: String,
        answers: String,
        overall_band: Option<String>,
        country: String,
    }
    let rows: Vec<Row> = hrdd::with_pool!(&t.db, pool => sqlx::query_as("SELECT reference, state, answers, overall_band, country FROM cases").fetch_all(pool).await.unwrap());
    assert_eq!(rows.len(), 65);
    let mut references: Vec<&str> = rows.iter().map(|r| r.reference.as_str()).collect();
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 65, "references are unique");
    let countries: std::collections::HashSet<&str> = rows.iter().map(|r| r.country.as_str()).collect();
    assert!(countries.len() >= 4, "several countries: {countries:?}");
    let bands: std::collections::HashSet<Option<&str>> = rows.iter().map(|r| r.overall_band.as_deref()).collect();
    assert!(bands.len() >= 3, "varied bands: {bands:?}");
    for r in &rows {
        let doc: Value = serde_json::from_str(&r.answers).unwrap();
        assert_eq!(doc["case"]["country"], r.country.as_str());
        let outcome = hrdd::methodology::draft::score_draft(registry(), &doc);
        assert_eq!(outcome.result().map(|x| x.overall_band.code()), r.overall_band.as_deref(), "{}", r.reference);
        if r.state == "SUBMITTED" {
            assert!(outcome.result().unwrap().can_submit);
        }
    }
    let snapshots: Vec<(String, String)> = hrdd::with_pool!(&t.db, pool => sqlx::query_as("SELECT record, content_hash FROM case_snapshots").fetch_all(pool).await.unwrap());
    assert_eq!(snapshots.len() as u64, rows.iter().filter(|r| r.state == "SUBMITTED").count() as u64);
    for (record, hash) in snapshots {
        let record: Value = serde_json::from_str(&record).unwrap();
        assert_eq!(hrdd::cases::wizard::content_hash(&record).unwrap(), hash);
    }
}
on_both_backends!(seeded_cases_are_scored_varied_and_submitted_ones_carry_a_verifiable_snapshot);
