//! First run in the browser (issue 17, item 16): on a database without any account the server
//! prints a one-time set-up code; the first visitor who enters it creates the first administrator
//! from the set-up page. The command-line way (`hrdd user add`) stays.

use std::sync::{Arc, Mutex};

/// The pending set-up code, if any. Shared by every request of one server process.
#[derive(Clone, Default)]
pub struct SetupCode(Arc<Mutex<Option<String>>>);

/// Letters and digits that cannot be mistaken for each other when read from a terminal.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

impl SetupCode {
    /// A fresh code (three groups of four characters, 60 bits), returned for printing.
    pub fn issue() -> (SetupCode, String) {
        let code: String = (0..12).map(|_| ALPHABET[rand::random::<u32>() as usize % ALPHABET.len()] as char).collect();
        let shown = format!("{}-{}-{}", &code[0..4], &code[4..8], &code[8..12]);
        (SetupCode(Arc::new(Mutex::new(Some(code)))), shown)
    }

    /// No set-up pending (the database has accounts, or demo mode).
    pub fn none() -> SetupCode {
        SetupCode::default()
    }

    pub fn is_open(&self) -> bool {
        self.0.lock().map(|c| c.is_some()).unwrap_or(false)
    }

    /// Uses up the code if `given` is it (ignoring case, spaces and dashes); a used code never
    /// works again, also not for a second visitor racing the first.
    pub fn redeem(&self, given: &str) -> Option<String> {
        let given: String =
            given.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
        let mut slot = self.0.lock().ok()?;
        let code = slot.as_ref()?;
        // Compare every character, so the time taken does not tell how much matched.
        let same = code.len() == given.len() && code.bytes().zip(given.bytes()).fold(0u8, |d, (a, b)| d | (a ^ b)) == 0;
        if same {
            slot.take()
        } else {
            None
        }
    }

    /// Puts a redeemed code back when the account could not be created (bad input), so that the
    /// visitor can correct the form and try again.
    pub fn reopen(&self, code: String) {
        if let Ok(mut slot) = self.0.lock() {
            slot.get_or_insert(code);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SetupCode;

    #[test]
    fn a_code_works_once_and_only_when_it_matches() {
        let (code, shown) = SetupCode::issue();
        assert!(code.is_open());
        assert!(code.redeem("WRONG-CODE-0000").is_none() && code.is_open());
        let used = code.redeem(&shown.to_lowercase().replace('-', " ")).expect("the printed code works");
        assert!(!code.is_open() && code.redeem(&shown).is_none(), "used up");
        code.reopen(used);
        assert!(code.redeem(&shown).is_some(), "given back after a failed attempt");
    }
}
