//! Large values that many pages share (the wizard's catalogue and words in one language), written
//! into the page once as ready-made text instead of being serialised inside every island's props.
//!
//! A [`Preloaded`] prop of an island serialises as its key only. The server makes the value's JSON
//! text once (`services::wizard::Books`) and the page carries it in a
//! `<script type="application/json" data-island-data="KEY">` element next to the island, copied as
//! it is (no serialising, escaping or cloning of the value per request). Before the islands
//! hydrate, `hydrate()` calls [`read_all`], which keeps each such text by key, and deserialising the
//! prop takes the value from there. The key holds a hash of the text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A shared value, its key and (on the server) its JSON text as the page carries it.
#[derive(Clone, Debug)]
pub struct Preloaded<T> {
    key: String,
    value: Arc<T>,
    text: Arc<str>,
}

impl<T> Preloaded<T> {
    /// `text` is the value's JSON, safe inside a `<script>` element (see [`script_safe`]).
    pub fn new(key: String, value: Arc<T>, text: Arc<str>) -> Preloaded<T> {
        Preloaded { key, value, text }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// The JSON text the page carries (empty in the browser, which read it from the page).
    pub fn text(&self) -> &Arc<str> {
        &self.text
    }
}

/// JSON text that can stand inside a `<script>` element: no `<` at all, so neither `</script` nor
/// `<!--` can end or bend the element. `<` only occurs inside JSON strings, where `\u003c` is the
/// same character.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

impl<T> std::ops::Deref for Preloaded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> PartialEq for Preloaded<T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl<T> Serialize for Preloaded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key)
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Preloaded<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        let value = kept::read::<T>(&key).map_err(serde::de::Error::custom)?;
        Ok(Preloaded { key, value, text: Arc::from("") })
    }
}

/// The texts read from this page, by key (the server never deserialises a `Preloaded`: it renders
/// islands from the value it holds, so there the store stays empty).
mod kept {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::Arc;

    thread_local! {
        static TEXTS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub fn keep(key: String, text: String) {
        TEXTS.with(|t| t.borrow_mut().insert(key, text));
    }

    pub fn read<T: serde::de::DeserializeOwned>(key: &str) -> Result<Arc<T>, String> {
        TEXTS.with(|t| match t.borrow().get(key) {
            Some(text) => serde_json::from_str(text).map(Arc::new).map_err(|e| format!("{key}: {e}")),
            None => Err(format!("the page carries no island data {key}")),
        })
    }
}

/// Keeps the text of every `<script type="application/json" data-island-data=KEY>` of the page.
#[cfg(feature = "hydrate")]
pub fn read_all() {
    use wasm_bindgen::JsCast;
    let Ok(scripts) = leptos::prelude::document().query_selector_all("script[data-island-data]") else { return };
    for i in 0..scripts.length() {
        let Some(script) = scripts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if let (Some(key), Some(text)) = (script.get_attribute("data-island-data"), script.text_content()) {
            kept::keep(key, text);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn script_safe_json_has_no_angle_bracket_and_reads_back_the_same() {
        let value = serde_json::json!({ "help": "a </script><!-- b <c>", "n": 1 });
        let text = super::script_safe(&value.to_string());
        assert!(!text.contains('<'), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }
}
