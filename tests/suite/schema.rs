//! Schema parity: the SQLite and PostgreSQL migrations yield the same tables, columns (with
//! normalised types), nullability, primary keys, unique constraints and indexes, and triggers on
//! the same tables and events (the triggers that keep the portfolio's counts). Adding a column to
//! one dialect only fails here.

use crate::common::TestDb;
use hrdd::store::Pool;
use std::collections::BTreeSet;

/// Column types as the two dialects spell them, reduced to what the application relies on.
fn type_class(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    if t.contains("int") || t.contains("bool") || t.contains("serial") {
        "integer"
    } else if t.contains("real") || t.contains("double") || t.contains("numeric") || t.contains("float") {
        "real"
    } else if t.contains("blob") || t.contains("bytea") {
        "bytes"
    } else {
        // TEXT, and what SQLite stores as text: timestamps, dates, JSON.
        "text"
    }
}

#[derive(Debug, Default, PartialEq)]
struct Schema {
    /// (table, column, type class, not null)
    columns: BTreeSet<(String, String, &'static str, bool)>,
    /// (table, columns in order, unique) of every index, primary keys included.
    indexes: BTreeSet<(String, String, bool)>,
    /// (table, event) of every trigger: PostgreSQL can serve several events with one trigger,
    /// SQLite needs one per event, so the events are compared, not the trigger names.
    triggers: BTreeSet<(String, String)>,
}

const IGNORED: [&str; 2] = ["_sqlx_migrations", "sqlite_sequence"];

async fn schema(db: &hrdd::store::Store) -> Schema {
    let mut s = Schema::default();
    match &db.pool {
        Pool::Sqlite(pool) => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for table in tables.into_iter().filter(|t| !IGNORED.contains(&t.as_str())) {
                let cols: Vec<(String, String, i64, i64)> =
                    sqlx::query_as(&format!("SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                        .fetch_all(pool)
                        .await
                        .unwrap();
                let mut pk: Vec<(i64, String)> = Vec::new();
                for (name, declared, not_null, in_pk) in cols {
                    // SQLite lets a primary-key column be NULL unless declared otherwise; both dialects refuse it.
                    s.columns.insert((table.clone(), name.clone(), type_class(&declared), not_null == 1 || in_pk > 0));
                    if in_pk > 0 {
                        pk.push((in_pk, name));
                    }
                }
                pk.sort();
                if !pk.is_empty() {
                    let cols: Vec<String> = pk.into_iter().map(|(_, n)| n).collect();
                    s.indexes.insert((table.clone(), cols.join(","), true));
                }
                let indexes: Vec<(String, i64, String)> =
                    sqlx::query_as(&format!("SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
                        .fetch_all(pool)
                        .await
                        .unwrap();
                for (name, unique, _) in indexes.into_iter().filter(|(_, _, origin)| origin != "pk") {
                    let cols: Vec<String> =
                        sqlx::query_scalar(&format!("SELECT name FROM pragma_index_info('{name}') ORDER BY seqno"))
                            .fetch_all(pool)
                            .await
                            .unwrap();
                    s.indexes.insert((table.clone(), cols.join(","), unique == 1));
                }
            }
            let triggers: Vec<(String, String)> =
                sqlx::query_as("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
                    .fetch_all(pool)
                    .await
                    .unwrap();
            for (table, sql) in triggers {
                let head = sql.to_ascii_uppercase();
                let head = head.split(" ON ").next().unwrap_or_default().to_string();
                for event in ["INSERT", "UPDATE", "DELETE"].into_iter().filter(|e| head.contains(e)) {
                    s.triggers.insert((table.clone(), event.to_string()));
                }
            }
        }
        Pool::Postgres(pool) => {
            let cols: Vec<(String, String, String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
                 FROM information_schema.columns WHERE table_schema = current_schema()",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for (table, name, declared, nullable) in cols.into_iter().filter(|c| !IGNORED.contains(&c.0.as_str())) {
                s.columns.insert((table, name, type_class(&declared), nullable == "NO"));
            }
            let indexes: Vec<(String, String, bool)> = sqlx::query_as(
                "SELECT t.relname::text, string_agg(a.attname::text, ',' ORDER BY k.ord), ix.indisunique
                 FROM pg_index ix
                 JOIN pg_class t ON t.oid = ix.indrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
                 CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                 WHERE n.nspname = current_schema()
                 GROUP BY t.relname, ix.indexrelid, ix.indisunique",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            s.indexes.extend(indexes.into_iter().filter(|i| !IGNORED.contains(&i.0.as_str())));
            let triggers: Vec<(String, String)> = sqlx::query_as(
                "SELECT DISTINCT event_object_table::text, event_manipulation::text
                 FROM information_schema.triggers WHERE trigger_schema = current_schema()",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            s.triggers.extend(triggers);
        }
    }
    s
}

fn difference<T: Ord + std::fmt::Debug>(what: &str, sqlite: &BTreeSet<T>, postgres: &BTreeSet<T>) -> Vec<String> {
    let mut out: Vec<String> = sqlite.difference(postgres).map(|x| format!("{what} only in SQLite: {x:?}")).collect();
    out.extend(postgres.difference(sqlite).map(|x| format!("{what} only in PostgreSQL: {x:?}")));
    out
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_agree() {
    let Some(postgres) = TestDb::postgres().await else {
        eprintln!("HRDD_TEST_POSTGRES_URL not set: schema parity not checked");
        return;
    };
    let sqlite = TestDb::sqlite().await;
    let (a, b) = (schema(&sqlite.db).await, schema(&postgres.db).await);
    assert!(a.columns.len() > 50, "the SQLite schema was read: {a:?}");
    assert!(b.columns.len() > 50, "the PostgreSQL schema was read: {b:?}");
    let mut problems = difference("column", &a.columns, &b.columns);
    problems.extend(difference("index", &a.indexes, &b.indexes));
    problems.extend(difference("triggers", &a.triggers, &b.triggers));
    assert!(problems.is_empty(), "the schemas differ:\n{}", problems.join("\n"));
}
