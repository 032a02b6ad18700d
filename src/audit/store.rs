//! Writing to the record from outside a larger transaction.

use super::NewEvent;
use crate::error::AppError;
use crate::server::db::Db;

/// Appends one event in its own transaction (for actions that change nothing else).
pub async fn append(db: &Db, event: &NewEvent) -> Result<String, AppError> {
    let hash = crate::with_pool!(db, pool => {
        let mut tx = db.begin_write(pool).await?;
        let hash = crate::append_event!(tx, event);
        tx.commit().await?;
        hash
    });
    Ok(hash)
}
