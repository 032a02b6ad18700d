//! Large values that many pages share (the wizard's catalogue and words in one language), sent to
//! the browser once by address instead of inside every page.
//!
//! A [`Preloaded`] prop of an island serialises as its address only. The server serves the value
//! itself at that address with a long cache lifetime (`web::http::island_data`); the page names it
//! in a `<link rel="preload" as="fetch">` in its head; before the browser hydrates the islands, [`fetch_all`]
//! reads every such address (from its cache after the first page) and keeps the text, and
//! deserialising the prop takes the value from there. The address holds a hash of the value, so a
//! new version of it gets a new address and nobody reads a stale copy.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A shared value and the address it is served at.
#[derive(Clone, Debug)]
pub struct Preloaded<T> {
    address: String,
    value: Arc<T>,
}

impl<T> Preloaded<T> {
    pub fn new(address: String, value: Arc<T>) -> Preloaded<T> {
        Preloaded { address, value }
    }

    /// Where the value is served (a same-site path).
    pub fn address(&self) -> &str {
        &self.address
    }

    pub fn value(&self) -> &Arc<T> {
        &self.value
    }
}

impl<T> std::ops::Deref for Preloaded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> PartialEq for Preloaded<T> {
    fn eq(&self, other: &Self) -> bool {
        self.address == other.address
    }
}

impl<T> Serialize for Preloaded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.address)
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Preloaded<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let address = String::deserialize(deserializer)?;
        let value = fetched::read::<T>(&address).map_err(serde::de::Error::custom)?;
        Ok(Preloaded { address, value })
    }
}

/// The texts fetched in this browser tab, by address (the server never deserialises a `Preloaded`:
/// it renders islands from the value it holds, so there the store stays empty).
mod fetched {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::Arc;

    thread_local! {
        static TEXTS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub fn keep(address: String, text: String) {
        TEXTS.with(|t| t.borrow_mut().insert(address, text));
    }

    pub fn read<T: serde::de::DeserializeOwned>(address: &str) -> Result<Arc<T>, String> {
        TEXTS.with(|t| match t.borrow().get(address) {
            Some(text) => serde_json::from_str(text).map(Arc::new).map_err(|e| format!("{address}: {e}")),
            None => Err(format!("{address} was not fetched before the islands were hydrated")),
        })
    }
}

/// Fetches every address the page names in `<link rel="preload" as="fetch" href=…>` and keeps its
/// text.
/// False when one could not be read: the islands then stay as the server rendered them (plain
/// forms that work without JavaScript) rather than fail half-way.
#[cfg(feature = "hydrate")]
pub async fn fetch_all() -> bool {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Ok(links) = document.query_selector_all("link[rel=preload][as=fetch]") else { return true };
    for i in 0..links.length() {
        let Some(address) =
            links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("href"))
        else {
            continue;
        };
        // Checked here, whole: a prop that cannot be read would stop the island with a panic.
        let read = fetch_text(&address).await.and_then(|text| {
            serde_json::from_str::<serde::de::IgnoredAny>(&text).map(|_| text).map_err(|e| e.to_string())
        });
        match read {
            Ok(text) => fetched::keep(address, text),
            Err(problem) => {
                leptos::logging::warn!("the wizard stays a plain form: {address} could not be read ({problem})");
                return false;
            }
        }
    }
    true
}

#[cfg(feature = "hydrate")]
async fn fetch_text(address: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let describe = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let response = wasm_bindgen_futures::JsFuture::from(leptos::prelude::window().fetch_with_str(address))
        .await
        .map_err(describe)?
        .dyn_into::<web_sys::Response>()
        .map_err(describe)?;
    if !response.ok() {
        return Err(format!("status {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}
