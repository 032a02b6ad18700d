//! Building blocks shared by the pages: the layout, form parts, tables and sections, chips with
//! the one colour-and-label mapping of every coded value (`tone`), charts, the decision card.

pub mod access;
pub mod case_overview;
pub mod charts;
pub mod decision_card;
pub mod forms;
pub mod inbox;
pub mod layout;
pub mod tone;
