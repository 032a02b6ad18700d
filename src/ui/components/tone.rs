//! The one mapping from coded values to what the page shows: a label and a tone for every risk
//! band, case state, recommended and final decision, role and account status. Chips, chart bars,
//! heat-map cells and the decision card all take their colours from the tone, so that HIGH, a stop
//! decision and a deactivated account look the same wherever they appear. A test walks every value.

use crate::accounts::Role;
use crate::cases::CaseState;
use crate::i18n::labels::{decision_label_id, Labelled};
use crate::methodology::codes::{Band, FinalDecision, RecommendedDecision};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// How a value should strike the reader, mildest to gravest within the coloured ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to do or nothing found (LOW, proceed, decided, active).
    Good,
    /// Needs care (MODERATE, mitigation, returned, temporary password).
    Caution,
    /// Needs someone senior (SUBSTANTIAL, escalate, conditions).
    Warning,
    /// Stop (HIGH, every stop decision).
    Danger,
    /// Waiting for someone (submitted) or a plain fact (a role).
    Info,
    /// Work in progress, no judgement (draft, administrator).
    Neutral,
    /// Out of use (superseded, deactivated).
    Muted,
}

impl Tone {
    pub const ALL: [Tone; 7] =
        [Tone::Good, Tone::Caution, Tone::Warning, Tone::Danger, Tone::Info, Tone::Neutral, Tone::Muted];

    /// Tailwind classes of a chip (background, text, ring), each pair at WCAG AA contrast.
    pub fn chip(self) -> &'static str {
        match self {
            Tone::Good => "bg-emerald-100 text-emerald-900 ring-emerald-300",
            Tone::Caution => "bg-amber-100 text-amber-900 ring-amber-300",
            Tone::Warning => "bg-orange-200 text-orange-950 ring-orange-400",
            Tone::Danger => "bg-red-700 text-white ring-red-800",
            Tone::Info => "bg-sky-100 text-sky-900 ring-sky-300",
            Tone::Neutral => "bg-slate-100 text-slate-800 ring-slate-300",
            Tone::Muted => "bg-slate-50 text-slate-500 ring-slate-200",
        }
    }

    /// The fill of a chart bar (SVG colour).
    pub fn fill(self) -> &'static str {
        match self {
            Tone::Good => "#34d399",
            Tone::Caution => "#fbbf24",
            Tone::Warning => "#f97316",
            Tone::Danger => "#b91c1c",
            Tone::Info => "#38bdf8",
            Tone::Neutral => "#94a3b8",
            Tone::Muted => "#cbd5e1",
        }
    }

    /// A light fill for large areas under dark text (heat-map cells).
    pub fn tint(self) -> &'static str {
        match self {
            Tone::Good => "#d1fae5",
            Tone::Caution => "#fef3c7",
            Tone::Warning => "#fed7aa",
            Tone::Danger => "#fca5a5",
            Tone::Info => "#e0f2fe",
            Tone::Neutral => "#f1f5f9",
            Tone::Muted => "#f8fafc",
        }
    }

    /// Card border and background, and the headline colour (the decision card).
    pub fn card(self) -> (&'static str, &'static str) {
        match self {
            Tone::Good => ("border-emerald-600 bg-emerald-50", "text-emerald-900"),
            Tone::Caution => ("border-amber-400 bg-amber-50", "text-amber-900"),
            Tone::Warning => ("border-orange-500 bg-orange-50", "text-orange-900"),
            Tone::Danger => ("border-red-700 bg-red-50", "text-red-800"),
            Tone::Info => ("border-sky-500 bg-sky-50", "text-sky-900"),
            Tone::Neutral => ("border-slate-400 bg-slate-50", "text-slate-900"),
            Tone::Muted => ("border-slate-200 bg-white", "text-slate-600"),
        }
    }

    /// How grave a decision tone is, for picking the gravest of several (higher is graver).
    pub fn gravity(self) -> u8 {
        match self {
            Tone::Danger => 4,
            Tone::Warning => 3,
            Tone::Caution => 2,
            Tone::Good => 1,
            Tone::Info | Tone::Neutral | Tone::Muted => 0,
        }
    }
}

/// A coded value as the page shows it: its label (`crate::i18n::labels`) and its tone.
pub trait Shown: Labelled {
    fn tone(self) -> Tone;
    /// The label in the page's language.
    fn text(self) -> String {
        t(self.label_id())
    }
}

impl Shown for Band {
    fn tone(self) -> Tone {
        match self {
            Band::Low => Tone::Good,
            Band::Moderate => Tone::Caution,
            Band::Substantial => Tone::Warning,
            Band::High => Tone::Danger,
        }
    }
}

impl Shown for CaseState {
    fn tone(self) -> Tone {
        match self {
            CaseState::Draft => Tone::Neutral,
            CaseState::Submitted => Tone::Info,
            CaseState::Returned => Tone::Caution,
            CaseState::Decided => Tone::Good,
            CaseState::Superseded => Tone::Muted,
        }
    }
}

impl Shown for RecommendedDecision {
    fn tone(self) -> Tone {
        match self {
            _ if self.is_stop() => Tone::Danger,
            RecommendedDecision::Escalate => Tone::Warning,
            RecommendedDecision::ProceedWithMitigation => Tone::Caution,
            _ => Tone::Good,
        }
    }
}

impl Shown for FinalDecision {
    fn tone(self) -> Tone {
        match self {
            _ if self.is_stop() => Tone::Danger,
            FinalDecision::ProceedWithConditions => Tone::Warning,
            FinalDecision::ProceedWithMitigation => Tone::Caution,
            _ => Tone::Good,
        }
    }
}

impl Shown for Role {
    fn tone(self) -> Tone {
        match self {
            Role::Admin => Tone::Neutral,
            _ => Tone::Info,
        }
    }
}

/// Whether an account can be used, as the user list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountStatus {
    Active,
    TemporaryPassword,
    Deactivated,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 3] =
        [AccountStatus::Active, AccountStatus::TemporaryPassword, AccountStatus::Deactivated];

    pub fn of(active: bool, must_change_password: bool) -> AccountStatus {
        match (active, must_change_password) {
            (false, _) => AccountStatus::Deactivated,
            (true, true) => AccountStatus::TemporaryPassword,
            (true, false) => AccountStatus::Active,
        }
    }
}

impl Labelled for AccountStatus {
    fn label_id(self) -> &'static str {
        match self {
            AccountStatus::Active => "account-active",
            AccountStatus::TemporaryPassword => "account-temporary-password",
            AccountStatus::Deactivated => "account-deactivated",
        }
    }
}

impl Shown for AccountStatus {
    fn tone(self) -> Tone {
        match self {
            AccountStatus::Active => Tone::Good,
            AccountStatus::TemporaryPassword => Tone::Caution,
            AccountStatus::Deactivated => Tone::Muted,
        }
    }
}

/// A decision code as stored (recommended or final) in the page's language; an unknown code in words.
pub fn decision_text(code: &str) -> String {
    decision_label_id(code).map(t).unwrap_or_else(|| crate::text::code_in_words(code))
}

/// The chart fill of a decision code as stored in the index (recommended or final).
pub fn decision_fill(code: &str) -> &'static str {
    FinalDecision::parse(code)
        .map(Shown::tone)
        .or_else(|| RecommendedDecision::parse(code).map(Shown::tone))
        .unwrap_or(Tone::Neutral)
        .fill()
}

/// The chart fill of a case-state code.
pub fn state_fill(code: &str) -> &'static str {
    CaseState::parse(code).map_or(Tone::Muted, Shown::tone).fill()
}

/// The chart fill of a band code; a case without a band (incomplete) is muted.
pub fn band_fill(code: &str) -> &'static str {
    Band::parse(code).map_or(Tone::Muted, Shown::tone).fill()
}

/// A rounded chip with `text` in the colours of `tone`.
pub fn chip(tone: Tone, text: String) -> impl IntoView {
    view! {
        <span class=format!("inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 {}", tone.chip())>{text}</span>
    }
}

/// A chip for any coded value, in its own label and tone.
pub fn value_chip(value: impl Shown) -> impl IntoView {
    chip(value.tone(), value.text())
}

/// A band chip, or "incomplete" while the draft cannot be scored yet.
pub fn band_badge(band: Option<Band>) -> impl IntoView {
    match band {
        Some(b) => value_chip(b).into_any(),
        None => view! { <span class="text-xs text-slate-500">{t("band-incomplete")}</span> }.into_any(),
    }
}

pub fn state_badge(state: CaseState) -> impl IntoView {
    value_chip(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of `values`: a label of its own in every language, not empty; and a tone whose
    /// classes are complete.
    fn walk<T: Shown + std::fmt::Debug>(values: &[T]) -> Vec<Tone> {
        for lang in crate::i18n::Lang::ALL {
            let mut labels: Vec<String> = Vec::new();
            for v in values {
                let label = crate::i18n::text(lang, v.label_id());
                assert!(!label.trim().is_empty() && label != v.label_id(), "{lang} {v:?} has no label");
                assert!(!labels.contains(&label), "{lang} {v:?} shares its label {label:?}");
                labels.push(label);
            }
        }
        for v in values {
            let chip = v.tone().chip();
            assert!(chip.contains("bg-") && chip.contains("text-") && chip.contains("ring-"), "{v:?}: {chip}");
        }
        values.iter().map(|v| v.tone()).collect()
    }

    #[test]
    fn every_coded_value_has_a_label_and_a_tone_and_a_stop_is_always_red() {
        let bands = walk(Band::ALL);
        // The graver the band, the graver its tone.
        assert!(bands.windows(2).all(|w| w[0].gravity() < w[1].gravity()), "{bands:?}");
        assert_eq!(Band::High.tone(), Tone::Danger);

        walk(&CaseState::ALL);
        walk(&Role::ALL);
        walk(&AccountStatus::ALL);
        assert_eq!(AccountStatus::of(false, true), AccountStatus::Deactivated);

        for tones in [walk(RecommendedDecision::ALL), walk(FinalDecision::ALL)] {
            assert!(tones.iter().all(|t| t.gravity() > 0), "every decision carries a judgement");
        }
        for d in RecommendedDecision::ALL {
            assert_eq!(d.is_stop(), d.tone() == Tone::Danger, "{d:?}");
        }
        for d in FinalDecision::ALL {
            assert_eq!(d.is_stop(), d.tone() == Tone::Danger, "{d:?}");
            assert_eq!(decision_fill(d.code()), d.tone().fill(), "{d:?}");
        }
        // WITHDRAW is a final decision only; its bars are red like every stop.
        assert_eq!(decision_fill("WITHDRAW"), Tone::Danger.fill());
        assert_eq!(decision_fill("ESCALATE"), Tone::Warning.fill());
    }

    #[test]
    fn every_tone_has_distinct_colours() {
        for (i, a) in Tone::ALL.iter().enumerate() {
            for b in &Tone::ALL[i + 1..] {
                assert_ne!(a.chip(), b.chip());
                assert_ne!(a.fill(), b.fill());
                assert_ne!(a.tint(), b.tint());
                assert_ne!(a.card(), b.card());
            }
            for colour in [a.fill(), a.tint()] {
                assert!(colour.len() == 7 && colour.starts_with('#'), "{colour}");
            }
        }
    }
}
