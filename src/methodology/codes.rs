//! The closed lists of the methodology (spec §2) as Rust enums.
//!
//! Each enum serialises to its spec code (`UPPER_SNAKE`). Labels and help texts live in the catalogue
//! (`methodology/*.toml`); at load time the catalogue's lists are checked against these enums.

use serde::{Deserialize, Serialize};

/// Declares an enum whose variants serialise to fixed codes, with `ALL`, `code()` and `parse()`.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAME: &'static str = stringify!($name);

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
pub(crate) use code_enum;

code_enum!(UnEntity { Unodc = "UNODC", Ohchr = "OHCHR", PeaceOperation = "PEACE_OPERATION", Undp = "UNDP", Other = "OTHER" });
code_enum!(AssessmentType {
    New = "NEW", ExtensionOrNewPhase = "EXTENSION_OR_NEW_PHASE", Periodic = "PERIODIC",
    Triggered = "TRIGGERED", CaseSpecificRequest = "CASE_SPECIFIC_REQUEST",
});
code_enum!(TriggerEvent {
    GraveViolationReport = "GRAVE_VIOLATION_REPORT", DeathPenaltyChange = "DEATH_PENALTY_CHANGE",
    NewCaseSpecificRequest = "NEW_CASE_SPECIFIC_REQUEST", RecipientOrSupportChange = "RECIPIENT_OR_SUPPORT_CHANGE",
    ConflictOrEmergency = "CONFLICT_OR_EMERGENCY", MonitoringBreach = "MONITORING_BREACH",
    ExtensionOrNewPhase = "EXTENSION_OR_NEW_PHASE",
});
code_enum!(ImplementationStatus { NotStarted = "NOT_STARTED", Ongoing = "ONGOING" });
code_enum!(InterventionLevel { WorkingLevel = "WORKING_LEVEL", HeadOfOffice = "HEAD_OF_OFFICE", ExecutiveHead = "EXECUTIVE_HEAD" });
code_enum!(DpStatus {
    AbolitionistAllCrimes = "ABOLITIONIST_ALL_CRIMES", DpButNotForDrugs = "DP_BUT_NOT_FOR_DRUGS",
    DrugDpAbolitionistInPractice = "DRUG_DP_ABOLITIONIST_IN_PRACTICE", DrugDpSentencing = "DRUG_DP_SENTENCING",
    DrugDpExecuting = "DRUG_DP_EXECUTING", Unknown = "UNKNOWN",
});
code_enum!(SupportType {
    St1 = "ST1", St2 = "ST2", St3 = "ST3", St4 = "ST4", St5 = "ST5", St6 = "ST6",
    St7 = "ST7", St8 = "ST8", St9 = "ST9", St10 = "ST10", St11 = "ST11", St12 = "ST12",
});
code_enum!(MaxPenalty { Death = "DEATH", Life = "LIFE", Other = "OTHER", Unknown = "UNKNOWN" });
code_enum!(Record {
    NoneKnown = "NONE_KNOWN", IsolatedInvestigated = "ISOLATED_INVESTIGATED",
    CredibleNotInvestigated = "CREDIBLE_NOT_INVESTIGATED", CrediblePattern = "CREDIBLE_PATTERN",
    Systematic = "SYSTEMATIC", Unknown = "UNKNOWN",
});
code_enum!(Equipment {
    SurveillanceOrIntelIt = "SURVEILLANCE_OR_INTEL_IT", DetectionScannersDogs = "DETECTION_SCANNERS_DOGS",
    VehiclesMobility = "VEHICLES_MOBILITY", CaseMgmtIt = "CASE_MGMT_IT",
    DetentionInfrastructure = "DETENTION_INFRASTRUCTURE", ForensicLab = "FORENSIC_LAB", Other = "OTHER",
});
code_enum!(Facility {
    Prison = "PRISON", PoliceOrPretrialCustody = "POLICE_OR_PRETRIAL_CUSTODY",
    CompulsoryDrugDetentionCentre = "COMPULSORY_DRUG_DETENTION_CENTRE", JuvenileFacility = "JUVENILE_FACILITY", Other = "OTHER",
});
code_enum!(Group {
    Children = "CHILDREN", Women = "WOMEN", IndigenousPeoples = "INDIGENOUS_PEOPLES",
    EthnicMinorities = "ETHNIC_MINORITIES", ForeignNationals = "FOREIGN_NATIONALS",
    PeopleWhoUseDrugs = "PEOPLE_WHO_USE_DRUGS", RuralCultivators = "RURAL_CULTIVATORS",
    Detainees = "DETAINEES", HrdsCivilSociety = "HRDS_CIVIL_SOCIETY",
});
code_enum!(LawContent {
    IntroducesOrRetainsDpDrug = "INTRODUCES_OR_RETAINS_DP_DRUG", ExpandsDpDrug = "EXPANDS_DP_DRUG",
    MandatoryPretrialOrMinimums = "MANDATORY_PRETRIAL_OR_MINIMUMS", CompulsoryTreatment = "COMPULSORY_TREATMENT",
    CriminalisesUseOrPossession = "CRIMINALISES_USE_OR_POSSESSION", CorporalPunishment = "CORPORAL_PUNISHMENT",
    RestrictsHarmReduction = "RESTRICTS_HARM_REDUCTION", DiversionOrAlternatives = "DIVERSION_OR_ALTERNATIVES",
    NoneOfThese = "NONE_OF_THESE",
});
code_enum!(TreatmentModality {
    VoluntaryCommunity = "VOLUNTARY_COMMUNITY", InPrisonVoluntary = "IN_PRISON_VOLUNTARY",
    CompulsoryOrDetentionBased = "COMPULSORY_OR_DETENTION_BASED",
});
code_enum!(Recipient {
    Police = "POLICE", DrugLawEnforcement = "DRUG_LAW_ENFORCEMENT", BorderCustoms = "BORDER_CUSTOMS",
    Military = "MILITARY", Gendarmerie = "GENDARMERIE", PrisonAdministration = "PRISON_ADMINISTRATION",
    Prosecution = "PROSECUTION", Judiciary = "JUDICIARY", Ministry = "MINISTRY",
    HealthService = "HEALTH_SERVICE", NhriCsoLegalAid = "NHRI_CSO_LEGAL_AID",
});
code_enum!(ViolationType {
    ExtrajudicialKilling = "EXTRAJUDICIAL_KILLING", TortureIllTreatment = "TORTURE_ILL_TREATMENT",
    EnforcedDisappearance = "ENFORCED_DISAPPEARANCE", SexualViolence = "SEXUAL_VIOLENCE",
    ArbitraryDetention = "ARBITRARY_DETENTION", InhumaneDetentionConditions = "INHUMANE_DETENTION_CONDITIONS",
    ForcedLabour = "FORCED_LABOUR", UnfairTrial = "UNFAIR_TRIAL", DiscriminatoryTargeting = "DISCRIMINATORY_TARGETING",
    ChildRightsViolations = "CHILD_RIGHTS_VIOLATIONS", SurveillanceOfHrds = "SURVEILLANCE_OF_HRDS",
});
code_enum!(Accountability {
    EffectiveDemonstrated = "EFFECTIVE_DEMONSTRATED", Partial = "PARTIAL", NoneImpunity = "NONE_IMPUNITY", Unknown = "UNKNOWN",
});
code_enum!(Commitment { Written = "WRITTEN", Verbal = "VERBAL", None = "NONE" });
code_enum!(MonitoringAccess { Granted = "GRANTED", Partial = "PARTIAL", Denied = "DENIED", NotApplicable = "NOT_APPLICABLE" });
code_enum!(ResponseAction { Intercede = "INTERCEDE", Redesign = "REDESIGN", Decline = "DECLINE", AdvocacyDialogue = "ADVOCACY_DIALOGUE" });
code_enum!(EvidenceSource {
    UnMissionOrOhchr = "UN_MISSION_OR_OHCHR", TreatyBody = "TREATY_BODY", SpecialProcedure = "SPECIAL_PROCEDURE",
    Upr = "UPR", Nhri = "NHRI", Ngo = "NGO", Media = "MEDIA", Internal = "INTERNAL", SearchNoFindings = "SEARCH_NO_FINDINGS",
});
code_enum!(Reliability { High = "HIGH", Medium = "MEDIUM", Low = "LOW" });
code_enum!(MeasureCode {
    M1 = "M1", M2 = "M2", M3 = "M3", M4 = "M4", M5 = "M5", M6 = "M6", M7 = "M7",
    M8 = "M8", M9 = "M9", M10 = "M10", M11 = "M11", M12 = "M12", M13 = "M13", M14 = "M14",
});
code_enum!(MeasureStatus { Proposed = "PROPOSED", AgreedInWriting = "AGREED_IN_WRITING", InPlace = "IN_PLACE", Verified = "VERIFIED" });
code_enum!(ConsultationType {
    OhchrHrAdviser = "OHCHR_HR_ADVISER", RcUnctHom = "RC_UNCT_HOM", LegalOffice = "LEGAL_OFFICE", HrddpLetter = "HRDDP_LETTER",
});
code_enum!(OverrideTarget { Nexus = "NEXUS", L0 = "L0", HrddpApplicable = "HRDDP_APPLICABLE" });
code_enum!(
    /// Declared weakest first, so `Ord` follows the spec's rank (NONE 0 … DIRECT 3).
    Nexus { None = "NONE", Remote = "REMOTE", Indirect = "INDIRECT", Direct = "DIRECT" }
);
code_enum!(
    /// Declared lowest first, so `Ord` follows the spec's rank (LOW 0 … HIGH 3).
    Band { Low = "LOW", Moderate = "MODERATE", Substantial = "SUBSTANTIAL", High = "HIGH" }
);
code_enum!(
    /// Declared in the spec's order of restrictiveness (§7.1), so `Ord` picks the most restrictive.
    RecommendedDecision {
        Proceed = "PROCEED", ProceedWithMitigation = "PROCEED_WITH_MITIGATION", Escalate = "ESCALATE",
        DoNotProceed = "DO_NOT_PROCEED", Suspend = "SUSPEND", TemporaryFreeze = "TEMPORARY_FREEZE",
    }
);
code_enum!(FinalDecision {
    Proceed = "PROCEED", ProceedWithMitigation = "PROCEED_WITH_MITIGATION", ProceedWithConditions = "PROCEED_WITH_CONDITIONS",
    DoNotProceed = "DO_NOT_PROCEED", Suspend = "SUSPEND", TemporaryFreeze = "TEMPORARY_FREEZE", Withdraw = "WITHDRAW",
});
code_enum!(IntercessionStatus { Open = "OPEN", CorrectiveActionTaken = "CORRECTIVE_ACTION_TAKEN", DeadlinePassedNoAction = "DEADLINE_PASSED_NO_ACTION" });
code_enum!(
    /// The 13 risk areas in the spec's fixed order (§5.4).
    Area {
        Dp = "DP", Tor = "TOR", Ejk = "EJK", Arb = "ARB", Detc = "DETC", Ftr = "FTR", Ext = "EXT",
        Dis = "DIS", Chi = "CHI", Gen = "GEN", Ind = "IND", Hlt = "HLT", Surv = "SURV",
    }
);
code_enum!(
    /// Hard rules in canonical order (§6).
    HardRule {
        H1a = "H1a", H1b = "H1b", H1c = "H1c", H1d = "H1d", H2 = "H2", H3 = "H3", H4 = "H4",
        H5 = "H5", H6 = "H6", H7 = "H7", H8 = "H8", H9 = "H9", H10 = "H10", H11 = "H11",
    }
);

impl Nexus {
    /// Likelihood modifier (§4.2): DIRECT 0, INDIRECT −1, REMOTE −2.
    pub fn modifier(self) -> i32 {
        match self {
            Nexus::Direct => 0,
            Nexus::Indirect => -1,
            Nexus::Remote => -2,
            Nexus::None => 0,
        }
    }
}

impl Band {
    /// Band of a risk figure R = L × S (§5.1).
    pub fn of_risk(r: u8) -> Band {
        match r {
            0..=5 => Band::Low,
            6..=10 => Band::Moderate,
            11..=16 => Band::Substantial,
            _ => Band::High,
        }
    }

    pub fn level(self) -> u8 {
        self as u8
    }
}

impl RecommendedDecision {
    /// Plain words for the page (the catalogue's label; a test keeps the two equal).
    pub fn label(self) -> &'static str {
        match self {
            Self::Proceed => "Proceed",
            Self::ProceedWithMitigation => "Proceed with mitigation",
            Self::Escalate => "Escalate to senior management",
            Self::DoNotProceed => "Do not proceed",
            Self::Suspend => "Suspend",
            Self::TemporaryFreeze => "Temporary freeze",
        }
    }

    pub fn is_stop(self) -> bool {
        matches!(self, Self::DoNotProceed | Self::Suspend | Self::TemporaryFreeze)
    }

    /// Rank for comparisons with proposed decisions (§7.3).
    pub fn rank(self) -> u8 {
        match self {
            Self::Proceed => 0,
            Self::ProceedWithMitigation => 1,
            Self::Escalate => 2,
            _ => 3,
        }
    }
}

impl FinalDecision {
    /// Plain words for the page (the catalogue's label; a test keeps the two equal).
    pub fn label(self) -> &'static str {
        match self {
            Self::Proceed => "Proceed",
            Self::ProceedWithMitigation => "Proceed with mitigation",
            Self::ProceedWithConditions => "Proceed with conditions (monitored support)",
            Self::DoNotProceed => "Do not proceed",
            Self::Suspend => "Suspend",
            Self::TemporaryFreeze => "Temporary freeze",
            Self::Withdraw => "Withdraw",
        }
    }

    pub fn is_stop(self) -> bool {
        matches!(self, Self::DoNotProceed | Self::Suspend | Self::TemporaryFreeze | Self::Withdraw)
    }

    pub fn rank(self) -> u8 {
        match self {
            Self::Proceed => 0,
            Self::ProceedWithMitigation => 1,
            Self::ProceedWithConditions => 2,
            _ => 3,
        }
    }

    /// SUSPEND, TEMPORARY_FREEZE and WITHDRAW stop support that is already running.
    pub fn needs_ongoing_support(self) -> bool {
        matches!(self, Self::Suspend | Self::TemporaryFreeze | Self::Withdraw)
    }
}

impl Record {
    /// The numeric value of a record (§5.2, §5.4 EXT): NONE_KNOWN 1 … SYSTEMATIC 5, UNKNOWN 3.
    pub fn value(self) -> i32 {
        match self {
            Record::NoneKnown => 1,
            Record::IsolatedInvestigated => 2,
            Record::CredibleNotInvestigated | Record::Unknown => 3,
            Record::CrediblePattern => 4,
            Record::Systematic => 5,
        }
    }
}

impl Recipient {
    pub fn is_security_force(self) -> bool {
        use Recipient::*;
        matches!(self, Police | DrugLawEnforcement | BorderCustoms | Military | Gendarmerie)
    }
    /// Bodies that arrest, hold, interrogate (§4.1).
    pub fn is_custodial(self) -> bool {
        self.is_security_force() || self == Recipient::PrisonAdministration
    }
    pub fn is_enforcement_chain(self) -> bool {
        self.is_custodial() || matches!(self, Recipient::Prosecution | Recipient::Judiciary)
    }
    /// DP_FUNCTION = ARREST_SET: detect, investigate, prosecute, adjudicate drug offences (§4.1).
    pub fn is_dp_function(self) -> bool {
        self.is_security_force() || matches!(self, Recipient::Prosecution | Recipient::Judiciary)
    }
}

impl ViolationType {
    /// GRAVE_TYPES (§4.1).
    pub fn is_grave(self) -> bool {
        use ViolationType::*;
        matches!(self, ExtrajudicialKilling | TortureIllTreatment | EnforcedDisappearance | SexualViolence)
    }
}
