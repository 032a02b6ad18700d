//! The scoring engine (spec §4–§7): pure, deterministic, no I/O.
//!
//! Per component: nexus → NEXUS overrides → hrddp_applicable → terms, L0, H8 → L0 overrides → S → R0 →
//! measures, L1, R1 → component band → hard rules → decision, approval, blocking items, review date.
//! Then the case-level values. Every figure carries explanation lines.

use super::answers::*;
use super::catalogue::Catalogue;
use super::codes::*;
use super::date::Date;
use super::result::*;
use serde_json::{json, Value};

/// How many risk areas there are (spec §4): the nexus of each is computed per component.
const ALL_AREAS: usize = Area::ALL.len();

/// Scores a validated document. Callers go through [`super::score_value`], which validates first.
pub fn score(catalogue: &Catalogue, doc: &AnswersDocument) -> ResultDocument {
    let components: Vec<ComponentResult> =
        doc.components.iter().map(|c| score_component(catalogue, &doc.case, c)).collect();
    let overall_band = components.iter().map(|c| c.band).max().unwrap_or(Band::Low);
    let overall_decision =
        components.iter().map(|c| c.recommended_decision).max().unwrap_or(RecommendedDecision::Proceed);
    let approval_level_required = components.iter().map(|c| c.approval_level_required).max().unwrap_or(1);
    let next_review_date = components.iter().filter_map(|c| c.next_review_date).min();

    let (consultations_required, mut blocking_items) = case_consultations(doc, &components);
    for c in &components {
        blocking_items.extend(c.blocking_items.iter().cloned());
    }
    ResultDocument {
        methodology_version: doc.methodology_version.clone(),
        valid: true,
        errors: Vec::new(),
        can_submit: blocking_items.is_empty(),
        components,
        overall_band,
        overall_decision,
        approval_level_required,
        consultations_required,
        blocking_items,
        next_review_date,
    }
}

// ----- case-level consultations (§7.4) -------------------------------------------------------------

fn case_consultations(
    doc: &AnswersDocument,
    components: &[ComponentResult],
) -> (ConsultationsRequired, Vec<BlockingItem>) {
    let ids_where = |test: &dyn Fn(&ComponentResult, &Component) -> bool| -> Vec<String> {
        components
            .iter()
            .zip(&doc.components)
            .filter(|(r, c)| test(r, c))
            .map(|(r, _)| r.component_id.clone())
            .collect()
    };
    let ohchr = ids_where(&|r, _| r.fired(HardRule::H6));
    let rc = ids_where(&|r, _| r.band == Band::High || r.recommended_decision.is_stop());
    let legal = ids_where(&|r, c| c.answers.case_specific_death() || r.area(Area::Ext).triggered().is_some());
    let letter = ids_where(&|r, _| r.hrddp_applicable && !r.recommended_decision.is_stop());

    let required = ConsultationsRequired {
        ohchr_hr_adviser: !ohchr.is_empty(),
        rc_unct_hom: !rc.is_empty(),
        legal_office: !legal.is_empty(),
        hrddp_letter: !letter.is_empty(),
    };
    let has = |kind: ConsultationType| doc.consultations.iter().any(|c| c.kind == kind);
    let mut items = Vec::new();
    let mut need = |ids: Vec<String>, kind, code: &str, rule, message: &str| {
        if !ids.is_empty() && !has(kind) {
            items.push(BlockingItem { code: code.into(), rule, components: ids, message: message.into() });
        }
    };
    need(
        ohchr,
        ConsultationType::OhchrHrAdviser,
        "MISSING_OHCHR_CONSULTATION",
        Some(HardRule::H6),
        "Consult OHCHR or the human-rights component (7.1) and record it before submission.",
    );
    need(rc, ConsultationType::RcUnctHom, "MISSING_RC_NOTIFICATION", None,
        "Inform the Resident Coordinator / UNCT or the Head of Mission (7.2): a component is HIGH or has a stop decision.");
    need(
        legal,
        ConsultationType::LegalOffice,
        "MISSING_LEGAL_OFFICE_CONSULTATION",
        None,
        "Consult the legal office (7.3): a capital case or a transfer of persons or evidence is involved.",
    );
    need(
        letter,
        ConsultationType::HrddpLetter,
        "MISSING_HRDDP_LETTER",
        None,
        "Send the HRDDP letter to the recipient (7.4) and record it.",
    );
    (required, items)
}

// ----- per component -------------------------------------------------------------------------------

/// Everything about one area that later steps read.
struct AreaCalc {
    area: Area,
    nexus: Nexus,
    terms: Vec<Term>,
    trigger_reasons: Vec<String>,
    h8: bool,
    l0: u8,
    content_level: Option<u8>,
    override_line: Option<String>,
    result: Option<TriggeredArea>,
}

impl AreaCalc {
    /// An area is triggered iff it has at least one term (§5.3); once rated, its `result` holds them.
    fn triggered(&self) -> bool {
        !self.terms.is_empty() || self.result.is_some()
    }
    fn band1(&self) -> Option<Band> {
        self.result.as_ref().map(|r| r.band1)
    }
}

fn score_component(cat: &Catalogue, case: &CaseAnswers, comp: &Component) -> ComponentResult {
    let a = &comp.answers;
    let mut overrides: Vec<(usize, OverrideReport)> = Vec::new();

    // §4.2 nexus, then NEXUS overrides.
    let mut nexus: [Nexus; ALL_AREAS] = std::array::from_fn(|i| computed_nexus(a, Area::ALL[i]));
    for (idx, o) in comp.overrides.iter().enumerate().filter(|(_, o)| o.target == OverrideTarget::Nexus) {
        let (Some(area), Some(value)) = (o.area, o.value.as_str().and_then(Nexus::parse)) else {
            continue;
        };
        let computed = nexus[area as usize];
        let lowering = value < computed;
        let applied = !lowering || o.concurred();
        if applied {
            nexus[area as usize] = value;
        }
        overrides.push((
            idx,
            OverrideReport {
                target: o.target,
                area: Some(area),
                computed: json!(computed),
                value: o.value.clone(),
                lowering,
                applied,
                effective: json!(nexus[area as usize]),
            },
        ));
    }

    // §4.3 hrddp_applicable and its override.
    let hrddp_computed = hrddp_applicable(a);
    let mut hrddp = hrddp_computed;
    for (idx, o) in comp.overrides.iter().enumerate().filter(|(_, o)| o.target == OverrideTarget::HrddpApplicable) {
        let Some(value) = o.value.as_bool() else {
            continue;
        };
        let lowering = hrddp_computed && !value;
        let applied = !lowering || o.concurred();
        if applied {
            hrddp = value;
        }
        overrides.push((
            idx,
            OverrideReport {
                target: o.target,
                area: None,
                computed: json!(hrddp_computed),
                value: o.value.clone(),
                lowering,
                applied,
                effective: json!(hrddp),
            },
        ));
    }

    // §5.3–5.4 terms and L0 (with H8), then L0 overrides.
    let mut areas: Vec<AreaCalc> = Area::ALL
        .iter()
        .map(|&area| {
            let n = nexus[area as usize];
            let (terms, trigger_reasons) = area_terms(case, a, area, n);
            let h8 = terms.iter().any(|t| t.unknown);
            let mut l0 = terms.iter().map(|t| t.value).max().unwrap_or(0);
            if h8 {
                l0 = l0.max(3);
            }
            let content_level = terms.iter().filter(|t| t.source == TermSource::Content).map(|t| t.value).max();
            AreaCalc {
                area,
                nexus: n,
                terms,
                trigger_reasons,
                h8,
                l0,
                content_level,
                override_line: None,
                result: None,
            }
        })
        .collect();
    for (idx, o) in comp.overrides.iter().enumerate().filter(|(_, o)| o.target == OverrideTarget::L0) {
        let (Some(area), Some(value)) = (o.area, o.value.as_u64()) else {
            continue;
        };
        let value = value as u8;
        let calc = &mut areas[area as usize];
        let report = if calc.triggered() {
            let computed = calc.l0;
            let lowering = value < computed;
            let applied = !lowering || o.concurred();
            if applied {
                let floor_h8 = if calc.h8 { 3 } else { 1 };
                calc.l0 = value.max(calc.content_level.unwrap_or(0)).max(floor_h8);
                calc.override_line = Some(format!(
                    "L0 override to {value} applied{}: L0 = {} (content rules and H8 still bind).",
                    if lowering { " with HR adviser concurrence" } else { "" },
                    calc.l0
                ));
            }
            OverrideReport {
                target: o.target,
                area: Some(area),
                computed: json!(computed),
                value: o.value.clone(),
                lowering,
                applied,
                effective: json!(if applied { calc.l0 } else { computed }),
            }
        } else {
            OverrideReport {
                target: o.target,
                area: Some(area),
                computed: Value::Null,
                value: o.value.clone(),
                lowering: false,
                applied: false,
                effective: Value::Null,
            }
        };
        overrides.push((idx, report));
    }

    // §5.5–5.8 severity, R0, measures, L1, R1.
    for calc in areas.iter_mut().filter(|c| c.triggered()) {
        calc.result = Some(rate_area(cat, case, comp, calc));
    }

    let triggered: Vec<&TriggeredArea> = areas.iter().filter_map(|c| c.result.as_ref()).collect();
    let h8_fired = areas.iter().any(|c| c.h8);
    let band0 = triggered.iter().map(|t| t.band0).max().unwrap_or(Band::Low);
    let mut band = triggered.iter().map(|t| t.band1).max().unwrap_or(Band::Low);
    if h8_fired {
        band = band.max(Band::Moderate);
    }

    // §6 hard rules.
    let is_triggered = |area: Area| areas[area as usize].triggered();
    let band1_of = |area: Area| areas[area as usize].band1();
    let qualifying = |code: MeasureCode, area: Option<Area>| {
        comp.measures.iter().any(|m| {
            m.code == code && measure_failures(m, a).is_empty() && area.is_none_or(|ar| m.target_areas.contains(&ar))
        })
    };
    let executing = case.dp_status_drugs == Some(DpStatus::DrugDpExecuting);
    let dp_function = a.recipient_is(Recipient::is_dp_function);
    let nexus_dp = nexus[Area::Dp as usize];
    let record = a.violation_record;
    let grave_types = a.violation_types.iter().any(|t| t.is_grave());
    let serious_band = |b: Option<Band>| matches!(b, Some(Band::Substantial | Band::High));

    let h1a = a.case_specific_death();
    let h1a_with_m4 = h1a && qualifying(MeasureCode::M4, Some(Area::Dp));
    let h1b = executing && dp_function && matches!(nexus_dp, Nexus::Direct | Nexus::Indirect);
    let h1c = case.is_ongoing()
        && executing
        && dp_function
        && nexus_dp == Nexus::Direct
        && serious_band(band1_of(Area::Dp))
        && case.prior_interventions.iter().any(|p| {
            matches!(p.level, InterventionLevel::HeadOfOffice | InterventionLevel::ExecutiveHead) && p.concern_persisted
        });
    let h1d = a.has_law(LawContent::IntroducesOrRetainsDpDrug) || a.has_law(LawContent::ExpandsDpDrug);
    let h2 = hrddp && [Area::Tor, Area::Ejk, Area::Ext].iter().any(|&ar| band1_of(ar) == Some(Band::High))
        || hrddp
            && a.violation_types.contains(&ViolationType::EnforcedDisappearance)
            && band1_of(Area::Arb) == Some(Band::High);
    let h3 = case.assessment_type == Some(AssessmentType::Triggered)
        && case.trigger_event == Some(TriggerEvent::GraveViolationReport)
        && case.is_ongoing()
        && hrddp
        && matches!(record, Some(Record::CredibleNotInvestigated | Record::CrediblePattern | Record::Systematic))
        && grave_types;
    let h3_stop =
        h3 && comp.intercession.as_ref().is_some_and(|i| i.status == IntercessionStatus::DeadlinePassedNoAction);
    let h4 = a.compulsory_treatment() || a.detention_facility_type == Some(Facility::CompulsoryDrugDetentionCentre);
    let h5 = is_triggered(Area::Tor)
        && serious_band(band1_of(Area::Tor))
        && nexus[Area::Tor as usize] == Nexus::Direct
        && (a.recipient_is(Recipient::is_custodial) || a.has_type(SupportType::St9));
    let h7 = a.enforcement_output_targets == Some(true)
        && (is_triggered(Area::Dp) || is_triggered(Area::Arb) || is_triggered(Area::Ejk));
    let h9 = comp.measures.iter().any(|m| matches!(m.code, MeasureCode::M9 | MeasureCode::M14));
    let h11 = hrddp && matches!(record, Some(Record::CrediblePattern | Record::Systematic)) && grave_types;

    // §7.1 decision.
    let mut levels: Vec<(HardRule, u8)> = Vec::new();
    if h1a {
        levels.push((HardRule::H1a, if h1a_with_m4 { 2 } else { 3 }));
    }
    if h1b {
        levels.push((HardRule::H1b, 2));
    }
    if h1c {
        levels.push((HardRule::H1c, 3));
    }
    if h1d {
        levels.push((HardRule::H1d, 3));
    }
    if h2 {
        levels.push((HardRule::H2, 3));
    }
    if h3_stop {
        levels.push((HardRule::H3, 3));
    }
    if h4 {
        levels.push((HardRule::H4, 3));
    }
    if h5 {
        levels.push((HardRule::H5, 2));
    }
    if h11 {
        levels.push((HardRule::H11, 2));
    }
    let band_level = band.level();
    let rank = levels.iter().map(|(_, l)| *l).max().unwrap_or(0).max(band_level);
    let decision = match rank {
        0 => RecommendedDecision::Proceed,
        1 => RecommendedDecision::ProceedWithMitigation,
        2 => RecommendedDecision::Escalate,
        _ if h1c => RecommendedDecision::TemporaryFreeze,
        _ if case.is_ongoing() => RecommendedDecision::Suspend,
        _ => RecommendedDecision::DoNotProceed,
    };
    let mut decision_basis: Vec<String> = Vec::new();
    if band_level == rank {
        decision_basis.push("BAND".into());
    }
    let mut basis_rules: Vec<HardRule> = levels.iter().filter(|(_, l)| *l == rank).map(|(r, _)| *r).collect();
    basis_rules.sort();
    decision_basis.extend(basis_rules.iter().map(|r| r.code().to_string()));

    let h6 = hrddp || decision.rank() >= 2;

    // §7.3 proposed decision and override requests.
    let proposed = comp.proposed_decision.as_ref();
    let lower_proposal = proposed.is_some_and(|p| p.decision.rank() < decision.rank());
    let request_not_allowed = lower_proposal && decision.is_stop();
    let override_request = lower_proposal && !decision.is_stop();
    let request_incomplete = override_request
        && proposed.is_some_and(|p| {
            p.justification.as_deref().is_none_or(|j| j.trim().is_empty()) || p.hr_adviser_concurred != Some(true)
        });
    overrides.sort_by_key(|(idx, o)| (processing_order(o.target), *idx));
    let lowering_exists = overrides.iter().any(|(_, o)| o.lowering);
    let h10 = lowering_exists || override_request;

    let mut fired: Vec<HardRule> = Vec::new();
    for (rule, on) in [
        (HardRule::H1a, h1a),
        (HardRule::H1b, h1b),
        (HardRule::H1c, h1c),
        (HardRule::H1d, h1d),
        (HardRule::H2, h2),
        (HardRule::H3, h3),
        (HardRule::H4, h4),
        (HardRule::H5, h5),
        (HardRule::H6, h6),
        (HardRule::H7, h7),
        (HardRule::H8, h8_fired),
        (HardRule::H9, h9),
        (HardRule::H10, h10),
        (HardRule::H11, h11),
    ] {
        if on {
            fired.push(rule);
        }
    }
    let hard_rule_details = fired
        .iter()
        .map(|r| {
            let info = cat.hard_rule(*r);
            HardRuleDetail { id: *r, effect: info.effect.clone(), sources: info.sources.clone() }
        })
        .collect();

    // §7.2 approval level.
    let base = match decision.rank() {
        0 | 1 => 1,
        2 => 2,
        _ => 3,
    };
    let approval = if h10 { (base + 1).min(3) } else { base };

    // §7.4 component blocking items.
    let id = comp.component_id.clone();
    let mut blocking = Vec::new();
    let mut block = |code: &str, rule: Option<HardRule>, message: String| {
        blocking.push(BlockingItem { code: code.into(), rule, components: vec![id.clone()], message });
    };
    if (band == Band::High || decision.is_stop()) && a.response_actions.is_empty() {
        block(
            "MISSING_RESPONSE_ACTION",
            None,
            "Record at least one response action (8.1): the band is HIGH or the decision is a stop.".into(),
        );
    }
    if h2 && !a.response_actions.contains(&ResponseAction::Intercede) {
        block(
            "MISSING_INTERCEDE_ACTION",
            Some(HardRule::H2),
            "Rule H2: record INTERCEDE among the response actions (8.1).".into(),
        );
    }
    if h3 && comp.intercession.is_none() {
        block(
            "MISSING_INTERCESSION_RECORD",
            Some(HardRule::H3),
            "Rule H3: record the intercession with the authorities (8.4).".into(),
        );
    }
    if h7 && !decision.is_stop() && !qualifying(MeasureCode::M8, None) {
        block("MISSING_M8", Some(HardRule::H7), "Rule H7: results targets count arrests or convictions; add a qualifying rights-based results framework (M8).".into());
    }
    if matches!(decision, RecommendedDecision::ProceedWithMitigation | RecommendedDecision::Escalate)
        && a.monitoring_plan.as_deref().is_none_or(|p| p.trim().is_empty())
    {
        block(
            "MISSING_MONITORING_PLAN",
            None,
            "Describe the monitoring plan (8.2): indicators, frequency, responsible.".into(),
        );
    }
    for (_, o) in overrides.iter().filter(|(_, o)| o.lowering && !o.applied) {
        let what = match o.area {
            Some(area) => format!("{} override on {}", o.target, area),
            None => format!("{} override", o.target),
        };
        block(
            "OVERRIDE_CONCURRENCE_PENDING",
            Some(HardRule::H10),
            format!("The risk-lowering {what} waits for the HR adviser's concurrence; until then it is ignored."),
        );
    }
    if request_not_allowed {
        block(
            "OVERRIDE_REQUEST_NOT_ALLOWED",
            Some(HardRule::H10),
            "A stop decision cannot be overridden by a lower proposal: redesign the support and re-rate it.".into(),
        );
    } else if request_incomplete {
        block(
            "OVERRIDE_REQUEST_INCOMPLETE",
            Some(HardRule::H10),
            "A proposal below the recommendation needs a justification and the HR adviser's concurrence.".into(),
        );
    }

    // §7.5 review cadence, watch triggers, notes.
    let (months, monitoring) = match decision {
        RecommendedDecision::Proceed => (Some(12), Some(12)),
        RecommendedDecision::ProceedWithMitigation => (Some(12), Some(6)),
        RecommendedDecision::Escalate => (Some(6), Some(3)),
        _ => (None, None),
    };
    let next_review_date = months.and_then(|m| case.assessment_date.map(|d: Date| d.add_months(m)));
    let mut watch = Vec::new();
    let dp_in_law = matches!(
        case.dp_status_drugs,
        Some(DpStatus::DrugDpAbolitionistInPractice | DpStatus::DrugDpSentencing | DpStatus::DrugDpExecuting)
    );
    if is_triggered(Area::Dp) || dp_in_law {
        watch.push(TriggerEvent::DeathPenaltyChange);
    }
    if hrddp || [Area::Tor, Area::Ejk, Area::Arb, Area::Ext].iter().any(|&ar| is_triggered(ar)) {
        watch.push(TriggerEvent::GraveViolationReport);
    }
    if a.has_any_type(&[SupportType::St3, SupportType::St5, SupportType::St8]) {
        watch.push(TriggerEvent::NewCaseSpecificRequest);
    }
    if triggered.iter().any(|t| t.reduction > 0) {
        watch.push(TriggerEvent::MonitoringBreach);
    }
    watch.extend([
        TriggerEvent::RecipientOrSupportChange,
        TriggerEvent::ConflictOrEmergency,
        TriggerEvent::ExtensionOrNewPhase,
    ]);
    let mut notes = Vec::new();
    if a.has_type(SupportType::St2) {
        notes.push("TRAINING_NOT_A_SUBSTITUTE".to_string());
    }
    if triggered.is_empty() {
        notes.push("NO_AREA_TRIGGERED".to_string());
    }

    let area_results = areas
        .into_iter()
        .map(|calc| match calc.result {
            Some(t) => AreaResult::Triggered(Box::new(t)),
            None => {
                let info = cat.area(calc.area);
                AreaResult::NotTriggered(UntriggeredArea {
                    area: calc.area,
                    name: info.name.clone(),
                    triggered: false,
                    nexus: calc.nexus,
                    standards: info.standards.clone(),
                })
            }
        })
        .collect();

    ComponentResult {
        component_id: comp.component_id.clone(),
        hrddp_applicable: hrddp,
        hrddp_applicable_computed: hrddp_computed,
        areas: area_results,
        band0,
        band,
        hard_rules_fired: fired,
        hard_rule_details,
        recommended_decision: decision,
        decision_basis,
        approval_level_required: approval,
        override_request,
        proposed_decision: proposed.map(|p| p.decision),
        overrides: overrides.into_iter().map(|(_, o)| o).collect(),
        blocking_items: blocking,
        next_review_date,
        monitoring_frequency_months: monitoring,
        watch_triggers: watch,
        notes,
    }
}

/// Overrides are processed NEXUS → HRDDP_APPLICABLE → L0 (§5.9), each group in document order.
fn processing_order(target: OverrideTarget) -> u8 {
    match target {
        OverrideTarget::Nexus => 0,
        OverrideTarget::HrddpApplicable => 1,
        OverrideTarget::L0 => 2,
    }
}

// ----- §4.2 nexus and §4.3 HRDDP ---------------------------------------------------------------------

pub fn computed_nexus(a: &ComponentAnswers, area: Area) -> Nexus {
    a.support_types.iter().map(|t| type_nexus(a, *t, area)).max().unwrap_or(Nexus::None)
}

fn type_nexus(a: &ComponentAnswers, t: SupportType, area: Area) -> Nexus {
    use SupportType::*;
    match t {
        St1 | St2 | St12 => Nexus::None,
        St3 | St5 | St6 | St7 => Nexus::Direct,
        St4 => a
            .equipment_categories
            .iter()
            .map(|e| match e {
                Equipment::SurveillanceOrIntelIt
                | Equipment::DetectionScannersDogs
                | Equipment::VehiclesMobility
                | Equipment::DetentionInfrastructure => Nexus::Direct,
                Equipment::CaseMgmtIt | Equipment::ForensicLab | Equipment::Other => Nexus::Indirect,
            })
            .max()
            .unwrap_or(Nexus::None),
        St8 => {
            if a.case_specific == Some(true) {
                Nexus::Direct
            } else {
                Nexus::Indirect
            }
        }
        St9 => {
            if matches!(area, Area::Tor | Area::Arb | Area::Detc) {
                Nexus::Direct
            } else {
                Nexus::Indirect
            }
        }
        St10 => match area {
            Area::Hlt => Nexus::Direct,
            Area::Arb | Area::Tor | Area::Detc if a.compulsory_treatment() => Nexus::Direct,
            Area::Arb => Nexus::Indirect,
            _ => Nexus::None,
        },
        St11 => {
            if area == Area::Ind {
                Nexus::Direct
            } else {
                Nexus::Indirect
            }
        }
    }
}

pub fn hrddp_applicable(a: &ComponentAnswers) -> bool {
    use SupportType::*;
    let security_recipient = a.recipient_is(Recipient::is_security_force)
        || (a.recipient_type == Some(Recipient::PrisonAdministration)
            && a.prison_under_security_ministry == Some(true));
    let in_scope = a.has_any_type(&[St3, St4, St5, St6, St7, St8, St9, St10])
        || (a.has_type(St11) && a.eradication_involved == Some(true));
    security_recipient && in_scope
}

// ----- §5.2–5.4 terms ------------------------------------------------------------------------------

/// Violation types that count for an area's record (§5.2).
fn area_violation_types(area: Area) -> &'static [ViolationType] {
    use ViolationType::*;
    match area {
        Area::Tor => &[TortureIllTreatment, SexualViolence],
        Area::Ejk => &[ExtrajudicialKilling],
        Area::Arb => &[ArbitraryDetention, EnforcedDisappearance],
        Area::Detc => &[TortureIllTreatment, InhumaneDetentionConditions, ForcedLabour],
        Area::Ftr => &[UnfairTrial],
        Area::Dis => &[DiscriminatoryTargeting],
        Area::Chi => &[ChildRightsViolations],
        Area::Gen => &[SexualViolence],
        Area::Surv => &[SurveillanceOfHrds],
        _ => &[],
    }
}

fn signed(v: i32) -> String {
    if v < 0 {
        v.to_string()
    } else {
        format!("+{v}")
    }
}

/// The GENERIC term (§5.2) with its optional context floor and +1.
fn generic_term(
    a: &ComponentAnswers,
    area: Area,
    nexus: Nexus,
    floor: Option<(i32, &str)>,
    plus: Option<&str>,
) -> Term {
    let record_answer = a.violation_record.unwrap_or(Record::Unknown);
    let matched = a.violation_types.iter().any(|t| area_violation_types(area).contains(t));
    let (record, record_matched, record_text) = match record_answer {
        Record::Unknown => (3, false, "record UNKNOWN (precautionary 3)".to_string()),
        Record::NoneKnown => (1, false, "record NONE_KNOWN".to_string()),
        r if matched => (r.value(), true, format!("record {r}")),
        _ => (1, false, "record NONE_KNOWN (no matching violation type)".to_string()),
    };
    let accountability_answer = a.accountability.unwrap_or(Accountability::Unknown);
    let accountability = match accountability_answer {
        Accountability::EffectiveDemonstrated => -1,
        Accountability::Partial | Accountability::Unknown => 0,
        Accountability::NoneImpunity => 1,
    };
    let context_plus = i32::from(plus.is_some());
    let modifier = nexus.modifier();
    let raw = record.max(floor.map(|f| f.0).unwrap_or(0)) + context_plus + accountability + modifier;
    let mut reason = record_text;
    if let Some((_, why)) = floor {
        reason.push_str(&format!("; floor: {why}"));
    }
    if let Some(why) = plus {
        reason.push_str(&format!("; +1: {why}"));
    }
    if accountability_answer == Accountability::Unknown {
        reason.push_str("; accountability UNKNOWN");
    }
    Term {
        source: TermSource::Generic,
        basis: None,
        value: raw.clamp(1, 5) as u8,
        mitigable: true,
        unknown: record_answer == Record::Unknown || accountability_answer == Accountability::Unknown,
        record: Some(record),
        record_matched: Some(record_matched),
        context_floor: floor.map(|f| f.0),
        context_plus: Some(context_plus),
        accountability: Some(accountability),
        nexus_modifier: Some(modifier),
        status_value: None,
        reason,
    }
}

fn fixed_term(source: TermSource, basis: &str, value: u8, unknown: bool, reason: String) -> Term {
    Term {
        source,
        basis: Some(basis.to_string()),
        value,
        mitigable: source != TermSource::Content,
        unknown,
        record: None,
        record_matched: None,
        context_floor: None,
        context_plus: None,
        accountability: None,
        nexus_modifier: None,
        status_value: None,
        reason,
    }
}

fn content_term(basis: &str, value: u8, reason: String) -> Term {
    fixed_term(TermSource::Content, basis, value, false, reason)
}

/// Content terms from drafted law content (2.7), in the order the spec lists them for the area.
fn law_terms(a: &ComponentAnswers, laws: &[(LawContent, u8)], terms: &mut Vec<Term>, reasons: &mut Vec<String>) {
    for (law, value) in laws {
        if a.has_law(*law) {
            terms.push(content_term(&format!("LAW_{law}"), *value, format!("law content {law}")));
            reasons.push(format!("drafted law content {law} (2.7)"));
        }
    }
}

/// Evaluates the area's terms (§5.4) in order; returns the terms and the trigger reasons.
fn area_terms(case: &CaseAnswers, a: &ComponentAnswers, area: Area, nexus: Nexus) -> (Vec<Term>, Vec<String>) {
    use Recipient as R;
    let mut terms = Vec::new();
    let mut reasons = Vec::new();
    let linked = nexus != Nexus::None;
    let st = |t: SupportType| a.has_type(t);
    let recipient_in = |set: &[Recipient]| a.recipient_type.is_some_and(|r| set.contains(&r));
    let custodial = a.recipient_is(R::is_custodial);
    let security = a.recipient_is(R::is_security_force);
    let chain = a.recipient_is(R::is_enforcement_chain);
    let arrest_set = a.recipient_is(R::is_dp_function);
    let compulsory = a.compulsory_treatment();
    let yes = |b: Option<bool>| b == Some(true);
    match area {
        Area::Dp => {
            if let Some(status) = case.dp_status_drugs {
                let status_value = match status {
                    DpStatus::DrugDpAbolitionistInPractice => Some(2),
                    DpStatus::DrugDpSentencing | DpStatus::Unknown => Some(3),
                    DpStatus::DrugDpExecuting => Some(if yes(case.dp_mandatory_for_drugs) { 5 } else { 4 }),
                    _ => None,
                };
                if let Some(sv) = status_value.filter(|_| linked && arrest_set) {
                    let mut t = fixed_term(
                        TermSource::DpStatus,
                        status.code(),
                        (sv + nexus.modifier()).clamp(1, 5) as u8,
                        status == DpStatus::Unknown,
                        format!("dp_status_drugs={status}"),
                    );
                    t.nexus_modifier = Some(nexus.modifier());
                    t.status_value = Some(sv);
                    terms.push(t);
                    reasons.push(format!(
                        "drug death penalty status {status} and support to a drug-enforcement, prosecution or court function (nexus {nexus})"
                    ));
                }
            }
            if yes(a.case_specific) {
                match a.max_penalty {
                    Some(MaxPenalty::Death) => {
                        terms.push(fixed_term(
                            TermSource::DpCase,
                            "MAX_PENALTY_DEATH",
                            5,
                            false,
                            "identified persons face the death penalty (2.3a)".into(),
                        ));
                        reasons.push("identified persons or cases where the maximum penalty is death (2.3a)".into());
                    }
                    Some(MaxPenalty::Unknown) => {
                        terms.push(fixed_term(
                            TermSource::DpCase,
                            "MAX_PENALTY_UNKNOWN",
                            3,
                            true,
                            "maximum penalty for identified persons unknown (2.3a)".into(),
                        ));
                        reasons.push("identified persons or cases where the maximum penalty is unknown (2.3a)".into());
                    }
                    _ => {}
                }
            }
            law_terms(
                a,
                &[(LawContent::IntroducesOrRetainsDpDrug, 5), (LawContent::ExpandsDpDrug, 5)],
                &mut terms,
                &mut reasons,
            );
        }
        Area::Tor => {
            let corporal = yes(case.corporal_punishment_drug_offences);
            if linked
                && (custodial
                    || st(SupportType::St9)
                    || compulsory
                    || (corporal && recipient_in(&[R::Judiciary, R::Prosecution])))
            {
                let floor = (corporal && recipient_in(&[R::Judiciary, R::PrisonAdministration])).then_some((
                    4,
                    "corporal punishment for drug offences and the support reaches the sentencing or executing body",
                ));
                terms.push(generic_term(a, area, nexus, floor, None));
                reasons.push(format!(
                    "support (nexus {nexus}) to a body that arrests, holds, interrogates or punishes people"
                ));
            }
            law_terms(a, &[(LawContent::CorporalPunishment, 5)], &mut terms, &mut reasons);
        }
        Area::Ejk => {
            if linked && security {
                terms.push(generic_term(a, area, nexus, None, None));
                reasons.push(format!(
                    "support (nexus {nexus}) to a security force that conducts armed operations or raids"
                ));
            }
        }
        Area::Arb => {
            if linked && (chain || st(SupportType::St9) || st(SupportType::St10)) {
                let floor_applies = (yes(case.mandatory_pretrial_detention_drugs) && arrest_set)
                    || (yes(case.compulsory_drug_detention_centres) && (arrest_set || st(SupportType::St10)));
                let floor = floor_applies.then_some((
                    3,
                    "mandatory pre-trial detention or compulsory drug detention centres, and the support touches arrest, charging or treatment referral",
                ));
                terms.push(generic_term(a, area, nexus, floor, None));
                reasons.push(format!(
                    "support (nexus {nexus}) to arrest, detention, prosecution, courts or treatment placement"
                ));
            }
            if compulsory {
                terms.push(content_term(
                    "TREATMENT_COMPULSORY",
                    5,
                    "treatment is compulsory or detention-based (2.8)".into(),
                ));
                reasons.push("compulsory or detention-based treatment (2.8)".into());
            }
            if a.detention_facility_type == Some(Facility::CompulsoryDrugDetentionCentre) {
                terms.push(content_term(
                    "FACILITY_COMPULSORY_CENTRE",
                    5,
                    "the facility is a compulsory drug detention centre (2.4a)".into(),
                ));
                reasons.push("support to a compulsory drug detention centre (2.4a)".into());
            }
            law_terms(
                a,
                &[
                    (LawContent::MandatoryPretrialOrMinimums, 5),
                    (LawContent::CompulsoryTreatment, 5),
                    (LawContent::CriminalisesUseOrPossession, 3),
                ],
                &mut terms,
                &mut reasons,
            );
        }
        Area::Detc => {
            if linked && (st(SupportType::St9) || a.has_equipment(Equipment::DetentionInfrastructure) || compulsory) {
                let plus = yes(a.severe_detention_conditions)
                    .then_some("severe overcrowding or no health care reported (2.4b)");
                terms.push(generic_term(a, area, nexus, None, plus));
                reasons.push("support to places of detention or closed treatment settings".into());
            }
        }
        Area::Ftr => {
            if linked && (st(SupportType::St8) || st(SupportType::St5) || recipient_in(&[R::Prosecution, R::Judiciary]))
            {
                let plus = yes(case.drug_trial_safeguard_gaps)
                    .then_some("special drug courts, reversed burden of proof or no legal aid (4.7)");
                terms.push(generic_term(a, area, nexus, None, plus));
                reasons.push(format!("support feeds prosecutions or trials (nexus {nexus})"));
            }
        }
        Area::Ext => {
            if yes(a.transfer_to_other_state) {
                if a.max_penalty == Some(MaxPenalty::Death) {
                    terms.push(fixed_term(
                        TermSource::ExtCapital,
                        "MAX_PENALTY_DEATH",
                        5,
                        false,
                        "the person transferred faces the death penalty (2.3a)".into(),
                    ));
                    reasons.push("transfer of a person or evidence in a capital case (2.3b, 2.3a)".into());
                }
                if let Some(rec) = a.receiving_state_torture_record {
                    terms.push(fixed_term(
                        TermSource::ExtReceiving,
                        rec.code(),
                        rec.value() as u8,
                        rec == Record::Unknown,
                        format!("receiving state's record {rec} (2.3d)"),
                    ));
                    reasons.push("transfer of a person or evidence to another state (2.3b)".into());
                }
            }
        }
        Area::Dis => {
            let groups = [Group::EthnicMinorities, Group::ForeignNationals, Group::PeopleWhoUseDrugs];
            let profiling = yes(a.profiling_or_targeting);
            if linked && chain && (groups.iter().any(|g| a.has_group(*g)) || profiling) {
                let plus = profiling.then_some("profiling or risk-targeting of persons (2.5a)");
                terms.push(generic_term(a, area, nexus, None, plus));
                reasons.push("enforcement support affecting minorities, foreign nationals or people who use drugs, or involving profiling".into());
            }
        }
        Area::Chi => {
            if linked && (a.has_group(Group::Children) || a.detention_facility_type == Some(Facility::JuvenileFacility))
            {
                terms.push(generic_term(a, area, nexus, None, None));
                reasons.push(format!("children directly affected or a juvenile facility (nexus {nexus})"));
            }
            if yes(a.school_measures) {
                terms.push(content_term(
                    "SCHOOL_MEASURES",
                    5,
                    "school drug testing, sniffer dogs or searches (2.11)".into(),
                ));
                reasons.push("school drug testing, sniffer dogs or searches (2.11)".into());
            }
        }
        Area::Gen => {
            if linked && a.has_group(Group::Women) {
                let plus = yes(a.women_minor_offence_detention)
                    .then_some("women mostly detained for minor drug offences without non-custodial options (2.6a)");
                terms.push(generic_term(a, area, nexus, None, plus));
                reasons.push(format!("women directly affected (nexus {nexus})"));
            }
        }
        Area::Ind => {
            let communities = a.has_group(Group::IndigenousPeoples) || a.has_group(Group::RuralCultivators);
            if st(SupportType::St11) || (linked && communities) {
                let severe = yes(a.indigenous_territory) || yes(a.eradication_forced);
                let (value, basis, why) = if severe {
                    (
                        5,
                        "TERRITORY_OR_FORCED_ERADICATION",
                        "in indigenous territory or with forced eradication (2.9a, 2.9b)",
                    )
                } else {
                    (2, "OTHER", "outside indigenous territory and without forced eradication")
                };
                terms.push(fixed_term(TermSource::IndRule, basis, value, false, why.into()));
                reasons.push("alternative development, or indigenous peoples or rural cultivators affected".into());
            }
        }
        Area::Hlt => {
            if compulsory {
                terms.push(content_term(
                    "TREATMENT_COMPULSORY",
                    5,
                    "treatment is compulsory or detention-based (2.8)".into(),
                ));
                reasons.push("compulsory or detention-based treatment (2.8)".into());
            }
            if yes(a.health_data_law_enforcement_access) {
                terms.push(content_term(
                    "HEALTH_DATA_LAW_ENFORCEMENT",
                    5,
                    "drug-use or health data accessible to law enforcement (2.10)".into(),
                ));
                reasons.push("health data accessible to law enforcement (2.10)".into());
            }
            if st(SupportType::St10)
                && (a.informed_consent == Some(false) || a.confidentiality_safeguards == Some(false))
            {
                terms.push(fixed_term(
                    TermSource::HltSafeguards,
                    "CONSENT_OR_CONFIDENTIALITY_MISSING",
                    4,
                    false,
                    "informed consent or confidentiality safeguards missing (2.8a, 2.8b)".into(),
                ));
                reasons.push("treatment without informed consent or confidentiality safeguards (2.8a, 2.8b)".into());
            }
            law_terms(
                a,
                &[
                    (LawContent::CompulsoryTreatment, 5),
                    (LawContent::RestrictsHarmReduction, 5),
                    (LawContent::CriminalisesUseOrPossession, 3),
                ],
                &mut terms,
                &mut reasons,
            );
        }
        Area::Surv => {
            if yes(a.health_data_law_enforcement_access) {
                terms.push(content_term(
                    "HEALTH_DATA_LAW_ENFORCEMENT",
                    5,
                    "drug-use or health data accessible to law enforcement (2.10)".into(),
                ));
                reasons.push("health data accessible to law enforcement (2.10)".into());
            }
            if linked && (a.has_equipment(Equipment::SurveillanceOrIntelIt) || a.has_equipment(Equipment::CaseMgmtIt)) {
                terms.push(generic_term(a, area, nexus, None, None));
                reasons.push("surveillance, intelligence or case-management IT (2.4)".into());
            }
        }
    }
    (terms, reasons)
}

// ----- §5.5–5.8 severity, measures, residual risk ---------------------------------------------------

/// Severity floor per area (§5.4).
pub fn severity_floor(case: &CaseAnswers, a: &ComponentAnswers, area: Area) -> u8 {
    let death = a.max_penalty == Some(MaxPenalty::Death);
    match area {
        Area::Dp | Area::Tor | Area::Ejk => 5,
        Area::Arb | Area::Detc | Area::Chi | Area::Ind => 4,
        Area::Ftr => {
            let sentencing =
                matches!(case.dp_status_drugs, Some(DpStatus::DrugDpSentencing | DpStatus::DrugDpExecuting));
            if death || sentencing {
                5
            } else {
                3
            }
        }
        Area::Ext => {
            let risky = matches!(
                a.receiving_state_torture_record,
                Some(Record::CredibleNotInvestigated | Record::CrediblePattern | Record::Systematic | Record::Unknown)
            );
            if death || risky {
                5
            } else {
                4
            }
        }
        Area::Hlt => {
            let harsh = a.compulsory_treatment()
                || a.has_law(LawContent::CompulsoryTreatment)
                || a.has_law(LawContent::RestrictsHarmReduction);
            if harsh {
                4
            } else {
                3
            }
        }
        Area::Dis | Area::Gen | Area::Surv => 3,
    }
}

/// Why a measure does not qualify (§5.7), in the spec's order; empty when it qualifies.
pub fn measure_failures(m: &Measure, a: &ComponentAnswers) -> Vec<String> {
    let mut reasons = Vec::new();
    if m.status == MeasureStatus::Proposed {
        reasons.push("STATUS_PROPOSED".to_string());
    }
    if !m.resourced {
        reasons.push("NOT_RESOURCED".to_string());
    }
    if !m.has_indicator {
        reasons.push("NO_INDICATOR".to_string());
    }
    if m.code == MeasureCode::M3 && a.recipient_commitment.is_some_and(|c| c != Commitment::Written) {
        reasons.push("NO_WRITTEN_COMMITMENT".to_string());
    }
    if m.code == MeasureCode::M5 && a.monitoring_access == Some(MonitoringAccess::Denied) {
        reasons.push("MONITORING_ACCESS_DENIED".to_string());
    }
    reasons
}

fn rate_area(cat: &Catalogue, case: &CaseAnswers, comp: &Component, calc: &mut AreaCalc) -> TriggeredArea {
    let a = &comp.answers;
    let area = calc.area;
    let info = cat.area(area);
    let mut explanation = vec![format!("Triggered: {}.", calc.trigger_reasons.join("; "))];
    for t in &calc.terms {
        explanation.push(term_line(t));
    }
    if calc.h8 {
        explanation.push("H8: an UNKNOWN answer keeps L0 at 3 or more.".to_string());
    }
    if let Some(line) = &calc.override_line {
        explanation.push(line.clone());
    }

    // §5.5 severity.
    let floor = severity_floor(case, a, area);
    let given = comp.severity.get(&area).copied().unwrap_or_default();
    let scale = given.scale.unwrap_or(floor);
    let scope = given.scope.unwrap_or(floor);
    let irremediability = given.irremediability.unwrap_or(floor);
    let computed = (scale + scope + irremediability).div_ceil(3);
    let s = computed.max(floor);
    let l0 = calc.l0;
    let r0 = l0 * s;
    let band0 = Band::of_risk(r0);
    explanation.push(format!(
        "L0 = {l0}; S = max(ceil(mean({scale}, {scope}, {irremediability})) = {computed}, floor {floor}) = {s}; R0 = {r0} ({band0})."
    ));

    // §5.7–5.8 measures.
    let mut reports = Vec::new();
    let mut counted: Vec<(MeasureCode, i32)> = Vec::new();
    let mut parts = Vec::new();
    for m in comp.measures.iter().filter(|m| m.target_areas.contains(&area)) {
        let failures = measure_failures(m, a);
        let qualifies = failures.is_empty();
        let table_effect = cat.measure(m.code).effect_on(area);
        let effect = if qualifies { table_effect } else { 0 };
        let note = if matches!(m.code, MeasureCode::M9 | MeasureCode::M14) {
            Some("NO_EFFECT_BY_RULE".to_string())
        } else if table_effect == 0 {
            Some("NOT_APPLICABLE_TO_AREA".to_string())
        } else {
            None
        };
        parts.push(match (&note, qualifies) {
            (Some(n), _) => format!("{} no effect ({n})", m.code),
            (None, true) => format!("{} effect {effect}", m.code),
            (None, false) => format!("{} does not qualify ({})", m.code, failures.join(", ")),
        });
        if qualifies && !counted.iter().any(|(c, _)| *c == m.code) {
            counted.push((m.code, effect));
        }
        reports.push(MeasureReport { code: m.code, status: m.status, qualifies, reasons: failures, effect, note });
    }
    let mut qualifying_measures: Vec<MeasureCode> = counted.iter().map(|(c, _)| *c).collect();
    qualifying_measures.sort();
    let total: i32 = counted.iter().map(|(_, e)| -e).sum();
    let reduction = total.min(2) as u8;
    if !parts.is_empty() {
        explanation.push(format!("Measures: {}; reduction capped at 2 -> {reduction}.", parts.join("; ")));
    }

    let mut l1 = l0.saturating_sub(reduction).max(1);
    let content = calc.content_level;
    if let Some(c) = content {
        l1 = l1.max(c);
        explanation.push(format!("Content rule: L1 cannot fall below {c}."));
    }
    let pattern_record = calc.terms.iter().any(|t| t.source == TermSource::Generic && t.record.unwrap_or(0) >= 4);
    let pattern = pattern_record.then(|| {
        let m1_counted = counted.iter().any(|(c, e)| *c == MeasureCode::M1 && *e != 0);
        if m1_counted {
            2
        } else {
            3
        }
    });
    if let Some(p) = pattern {
        l1 = l1.max(p);
        explanation.push(format!(
            "Pattern floor: a credible pattern or systematic record keeps L1 at {p} or more{}.",
            if p == 2 { " (the implicated unit is excluded by M1)" } else { "" }
        ));
    }
    let r1 = l1 * s;
    let band1 = Band::of_risk(r1);
    explanation.push(format!("L1 = {l1}; R1 = {r1} ({band1})."));

    TriggeredArea {
        area,
        name: info.name.clone(),
        triggered: true,
        trigger_reasons: std::mem::take(&mut calc.trigger_reasons),
        nexus: calc.nexus,
        content_rule: content.is_some(),
        l0,
        l0_terms: std::mem::take(&mut calc.terms),
        h8_applied: calc.h8,
        s,
        s_terms: SeverityTerms { scale, scope, irremediability, computed, floor },
        r0,
        band0,
        measures: reports,
        qualifying_measures,
        reduction,
        l1,
        l1_floors: L1Floors { content, pattern },
        r1,
        band1,
        standards: info.standards.clone(),
        explanation,
    }
}

fn term_line(t: &Term) -> String {
    match t.source {
        TermSource::Generic => format!(
            "Generic likelihood ({}): max(record {}, context floor {}) + context +{} + accountability {} + nexus {} = {} (clamped 1-5).",
            t.reason,
            t.record.unwrap_or(0),
            t.context_floor.map(|f| f.to_string()).unwrap_or_else(|| "-".into()),
            t.context_plus.unwrap_or(0),
            signed(t.accountability.unwrap_or(0)),
            signed(t.nexus_modifier.unwrap_or(0)),
            t.value
        ),
        TermSource::Content => format!(
            "CONTENT rule: {} -> {} (content rule: the activity is the impact; not reducible by mitigation).",
            t.reason, t.value
        ),
        other => {
            let name = serde_json::to_value(other).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            format!("{name} rule: {} -> {}.", t.reason, t.value)
        }
    }
}
