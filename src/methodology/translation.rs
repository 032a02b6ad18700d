//! A catalogue's texts in another language (`methodology/translations/<version>.<lang>.toml`).
//!
//! A translation holds words only, keyed by the codes the catalogue and the engine already use
//! (step slugs, question ids, enum codes, area and measure codes, hard-rule ids); structure,
//! conditions and effects stay in the catalogue, so a translation can never change a score. The
//! engine and stored data keep using the English catalogue: a translated one is for reading only
//! (the wizard's labels, the methodology page). A key the catalogue does not know is an error; a
//! text the translation lacks falls back to English and is listed by [`Translation::missing`].

use super::catalogue::{Catalogue, CatalogueError};
use indexmap::IndexMap;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The catalogue version it translates.
    pub version: String,
    /// The language code (`fr`, `es`, `ar`).
    pub lang: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    /// By step slug.
    #[serde(default)]
    pub steps: IndexMap<String, StepText>,
    /// By question id.
    #[serde(default)]
    pub questions: IndexMap<String, QuestionText>,
    /// By enum name, then value code.
    #[serde(default)]
    pub enums: IndexMap<String, IndexMap<String, ValueText>>,
    /// By area code.
    #[serde(default)]
    pub areas: IndexMap<String, AreaText>,
    /// By measure code.
    #[serde(default)]
    pub measures: IndexMap<String, MeasureText>,
    /// By hard-rule id.
    #[serde(default)]
    pub hard_rules: IndexMap<String, RuleText>,
    /// By part key (`evidence`, `severity`, …).
    #[serde(default)]
    pub parts: IndexMap<String, PartText>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepText {
    pub title: Option<String>,
    pub intro: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub label: Option<String>,
    pub help: Option<String>,
    pub required_when: Option<String>,
    pub condition_text: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueText {
    pub label: Option<String>,
    pub help: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaText {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureText {
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    pub title: Option<String>,
    pub effect: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartText {
    pub title: Option<String>,
    pub help: Option<String>,
    pub item: Option<String>,
    pub add: Option<String>,
    pub remove: Option<String>,
    /// Field labels by field key.
    #[serde(default)]
    pub fields: IndexMap<String, String>,
    #[serde(default)]
    pub required_when: IndexMap<String, String>,
}

/// `slot` takes `text` when the translation has one.
fn put(slot: &mut String, text: &Option<String>) {
    if let Some(t) = text {
        slot.clone_from(t);
    }
}

/// An optional text (`help`, `condition_text`, …) takes `text`; translating one the catalogue does
/// not have is an error naming `entry`.
fn put_optional(
    slot: &mut Option<String>,
    text: &Option<String>,
    entry: impl FnOnce() -> String,
) -> Result<(), CatalogueError> {
    match (slot, text) {
        (Some(slot), Some(t)) => slot.clone_from(t),
        (None, Some(_)) => return Err(unknown(entry())),
        _ => {}
    }
    Ok(())
}

fn unknown(entry: String) -> CatalogueError {
    CatalogueError { entry, problem: "not in the catalogue (a translation may only translate what exists)".into() }
}

impl Translation {
    /// `catalogue` with this translation's texts; English where it has none.
    pub fn apply(&self, catalogue: &Catalogue) -> Result<Catalogue, CatalogueError> {
        if self.version != catalogue.version {
            return Err(CatalogueError {
                entry: format!("translation {}", self.lang),
                problem: format!("translates {}, not {}", self.version, catalogue.version),
            });
        }
        let mut out = catalogue.clone();
        put(&mut out.title, &self.title);
        put(&mut out.summary, &self.summary);
        for (slug, text) in &self.steps {
            let step =
                out.steps.iter_mut().find(|s| &s.slug == slug).ok_or_else(|| unknown(format!("steps.{slug}")))?;
            put(&mut step.title, &text.title);
            put(&mut step.intro, &text.intro);
        }
        for (id, text) in &self.questions {
            let q = out.questions.iter_mut().find(|q| &q.id == id).ok_or_else(|| unknown(format!("questions.{id}")))?;
            put(&mut q.label, &text.label);
            put(&mut q.help, &text.help);
            put_optional(&mut q.required_when, &text.required_when, || format!("questions.{id}.required_when"))?;
            put_optional(&mut q.condition_text, &text.condition_text, || format!("questions.{id}.condition_text"))?;
        }
        for (name, values) in &self.enums {
            let list = out.enums.get_mut(name).ok_or_else(|| unknown(format!("enums.{name}")))?;
            for (code, text) in values {
                let value =
                    list.iter_mut().find(|v| &v.code == code).ok_or_else(|| unknown(format!("enums.{name}.{code}")))?;
                put(&mut value.label, &text.label);
                put_optional(&mut value.help, &text.help, || format!("enums.{name}.{code}.help"))?;
            }
        }
        for (code, text) in &self.areas {
            let area =
                out.areas.iter_mut().find(|a| a.code.code() == code).ok_or_else(|| unknown(format!("areas.{code}")))?;
            if let Some(name) = &text.name {
                area.name = Arc::from(name.as_str());
            }
            put(&mut area.short_name, &text.short_name);
            put(&mut area.description, &text.description);
        }
        for (code, text) in &self.measures {
            let measure = out
                .measures
                .iter_mut()
                .find(|m| m.code.code() == code)
                .ok_or_else(|| unknown(format!("measures.{code}")))?;
            put(&mut measure.name, &text.name);
            put(&mut measure.description, &text.description);
        }
        for (id, text) in &self.hard_rules {
            let rule = out
                .hard_rules
                .iter_mut()
                .find(|r| r.id.code() == id)
                .ok_or_else(|| unknown(format!("hard_rules.{id}")))?;
            put(&mut rule.title, &text.title);
            if let Some(effect) = &text.effect {
                rule.effect = Arc::from(effect.as_str());
            }
        }
        for (key, text) in &self.parts {
            let words = out.parts.get_mut(key).ok_or_else(|| unknown(format!("parts.{key}")))?;
            put(&mut words.title, &text.title);
            put(&mut words.help, &text.help);
            for (slot, text, name) in [
                (&mut words.item, &text.item, "item"),
                (&mut words.add, &text.add, "add"),
                (&mut words.remove, &text.remove, "remove"),
            ] {
                if text.is_some() && slot.is_empty() {
                    return Err(unknown(format!("parts.{key}.{name}")));
                }
                put(slot, text);
            }
            for (map, given, name) in [
                (&mut words.fields, &text.fields, "fields"),
                (&mut words.required_when, &text.required_when, "required_when"),
            ] {
                for (field, t) in given {
                    let slot = map.get_mut(field).ok_or_else(|| unknown(format!("parts.{key}.{name}.{field}")))?;
                    slot.clone_from(t);
                }
            }
        }
        Ok(out)
    }

    /// Every text of `catalogue` this translation lacks, as `questions.1.1.help` and the like.
    pub fn missing(&self, catalogue: &Catalogue) -> Vec<String> {
        let mut out = Vec::new();
        let mut need = |has: bool, entry: String| {
            if !has {
                out.push(entry);
            }
        };
        need(self.title.is_some(), "title".into());
        need(self.summary.is_some(), "summary".into());
        for s in &catalogue.steps {
            let t = self.steps.get(&s.slug);
            need(t.is_some_and(|t| t.title.is_some()), format!("steps.{}.title", s.slug));
            need(t.is_some_and(|t| t.intro.is_some()), format!("steps.{}.intro", s.slug));
        }
        for q in &catalogue.questions {
            let t = self.questions.get(&q.id);
            need(t.is_some_and(|t| t.label.is_some()), format!("questions.{}.label", q.id));
            need(t.is_some_and(|t| t.help.is_some()) || q.help.is_empty(), format!("questions.{}.help", q.id));
            if q.required_when.is_some() {
                need(t.is_some_and(|t| t.required_when.is_some()), format!("questions.{}.required_when", q.id));
            }
            if q.condition_text.is_some() {
                need(t.is_some_and(|t| t.condition_text.is_some()), format!("questions.{}.condition_text", q.id));
            }
        }
        for (name, values) in &catalogue.enums {
            for v in values {
                let t = self.enums.get(name).and_then(|m| m.get(&v.code));
                // A label that is a code or an acronym (UNODC, OHCHR) reads the same in every language.
                let same_everywhere = v.label == v.code;
                need(t.is_some_and(|t| t.label.is_some()) || same_everywhere, format!("enums.{name}.{}.label", v.code));
                if v.help.is_some() {
                    need(t.is_some_and(|t| t.help.is_some()), format!("enums.{name}.{}.help", v.code));
                }
            }
        }
        for a in &catalogue.areas {
            let t = self.areas.get(a.code.code());
            need(t.is_some_and(|t| t.name.is_some()), format!("areas.{}.name", a.code.code()));
            need(t.is_some_and(|t| t.short_name.is_some()), format!("areas.{}.short_name", a.code.code()));
            need(t.is_some_and(|t| t.description.is_some()), format!("areas.{}.description", a.code.code()));
        }
        for m in &catalogue.measures {
            let t = self.measures.get(m.code.code());
            need(t.is_some_and(|t| t.name.is_some()), format!("measures.{}.name", m.code.code()));
            need(t.is_some_and(|t| t.description.is_some()), format!("measures.{}.description", m.code.code()));
        }
        for r in &catalogue.hard_rules {
            let t = self.hard_rules.get(r.id.code());
            need(t.is_some_and(|t| t.title.is_some()), format!("hard_rules.{}.title", r.id.code()));
            need(t.is_some_and(|t| t.effect.is_some()), format!("hard_rules.{}.effect", r.id.code()));
        }
        for (key, words) in &catalogue.parts {
            let t = self.parts.get(key);
            need(t.is_some_and(|t| t.title.is_some()), format!("parts.{key}.title"));
            need(t.is_some_and(|t| t.help.is_some()), format!("parts.{key}.help"));
            if !words.item.is_empty() {
                need(t.is_some_and(|t| t.item.is_some()), format!("parts.{key}.item"));
                need(t.is_some_and(|t| t.add.is_some()), format!("parts.{key}.add"));
                need(t.is_some_and(|t| t.remove.is_some()), format!("parts.{key}.remove"));
            }
            for field in words.fields.keys() {
                need(t.is_some_and(|t| t.fields.contains_key(field)), format!("parts.{key}.fields.{field}"));
            }
            for field in words.required_when.keys() {
                need(
                    t.is_some_and(|t| t.required_when.contains_key(field)),
                    format!("parts.{key}.required_when.{field}"),
                );
            }
        }
        out
    }
}
