//! Writing to the record from outside a larger transaction.

use crate::audit::NewEvent;
use crate::error::AppError;
use crate::store::Store;

/// Appends one event in its own transaction (for actions that change nothing else).
pub async fn append(db: &Store, event: &NewEvent) -> Result<String, AppError> {
    let mut write = db.write().await?;
    let hash = write.append_event(event).await?;
    write.commit().await?;
    Ok(hash)
}
