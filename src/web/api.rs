//! The read API, `/api/v1` (JSON): the case list with the portfolio's filters, one case's manager
//! summary, the portfolio aggregates, CSV/JSON exports, a country's reference data and the OpenAPI document generated from these
//! handlers and types (utoipa).
//!
//! Authentication: `Authorization: Bearer <personal access token>`, or the browser's session cookie
//! (the pages' export links). Every handler checks role and country scope through the services;
//! errors are `{"error": {"code", "message", "field"}}` with a stable code.

use crate::accounts::{CurrentUser, Role};
use crate::audit::{Action, NewEvent};
use crate::cases::CaseFilter;
use crate::error::AppError;
use crate::portfolio::export::{self, ExportRow};
use crate::portfolio::{ManagerSummary, Portfolio};
use crate::services::export::query as export_query;
use crate::web::http::AppState;
use crate::web::session::Principal;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// A JSON error: a stable `code` (`unauthenticated`, `invalid_token`, `forbidden`, `not_found`,
/// `invalid`, `internal`), a message for people, and the query parameter at fault if any.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

/// The API's error: an [`AppError`] (or a bad token) rendered as JSON with its status.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        let field = match &e {
            AppError::Invalid { field, .. } => field.clone().filter(|f| !f.is_empty()),
            _ => None,
        };
        ApiError {
            status: StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            body: ErrorBody { error: ErrorDetail { code: e.code().to_string(), message: e.to_string(), field } },
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> ApiError {
        AppError::BadRequest("The case id in the address must be a whole number.".into()).into()
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> ApiError {
        AppError::Invalid { field: None, message: format!("The query string could not be read: {}", e.body_text()) }
            .into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The caller: the owner of a valid bearer token, or the signed-in user of the session cookie.
pub struct ApiUser(pub CurrentUser);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ApiUser, ApiError> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim).unwrap_or("");
            return match crate::services::tokens::resolve_with_id(&state.db, &state.tokens, token).await? {
                Some((user, token_id)) => {
                    // Every read with a token goes to the access log (not to the case's record).
                    let full = parts.extensions.get::<axum::extract::OriginalUri>().map(|u| u.0.path().to_string());
                    let path = full.as_deref().unwrap_or(parts.uri.path());
                    let case_id = path
                        .strip_prefix("/api/v1/cases/")
                        .or_else(|| path.strip_prefix("/cases/"))
                        .and_then(|rest| rest.split('/').next())
                        .and_then(|id| id.parse::<i64>().ok());
                    let read = crate::services::tokens::TokenRead {
                        user_id: user.id,
                        token_id,
                        method: parts.method.as_str(),
                        path,
                        case_id,
                    };
                    crate::services::tokens::log_read(&state.db, &read).await?;
                    Ok(ApiUser(user))
                }
                None => Err(ApiError {
                    status: StatusCode::UNAUTHORIZED,
                    body: ErrorBody {
                        error: ErrorDetail {
                            code: "invalid_token".into(),
                            message: "The access token is unknown, revoked or expired.".into(),
                            field: None,
                        },
                    },
                }),
            };
        }
        let user = crate::web::session::usable(parts.extensions.get::<Principal>().and_then(|p| p.0.clone()))?;
        Ok(ApiUser(user))
    }
}

/// Paging of the case list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Rows per page, 1–500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub per_page: Option<i64>,
}

/// The language of the labels that lists and exports add beside each code.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LabelLang {
    /// `en`, `fr`, `es` or `ar`; by default the caller's profile language, else the request's
    /// `Accept-Language`, else English. Codes never change.
    #[param(pattern = "^(en|fr|es|ar)$", example = "fr")]
    pub lang: Option<String>,
}

impl LabelLang {
    /// The language asked for, or the caller's; 422 for a language HRDD does not speak.
    fn resolve(
        q: Result<Query<LabelLang>, QueryRejection>,
        user: &CurrentUser,
        headers: &axum::http::HeaderMap,
    ) -> Result<crate::i18n::Lang, ApiError> {
        match q?.0.lang {
            None => Ok(crate::web::session::request_lang(Some(user), headers)),
            Some(code) => crate::i18n::Lang::parse(&code)
                .ok_or_else(|| AppError::invalid("lang", "Choose one of: en, fr, es, ar.").into()),
        }
    }
}

/// One page of the case list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseList {
    pub items: Vec<ExportRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub per_page: i64,
}

/// Cases in the caller's countries matching the filter, by case id.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(CaseFilter, Paging, LabelLang),
    responses((status = 200, body = CaseList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = [])))]
async fn list_cases(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    filter: Result<Query<CaseFilter>, QueryRejection>,
    paging: Result<Query<Paging>, QueryRejection>,
    lang: Result<Query<LabelLang>, QueryRejection>,
    headers: axum::http::HeaderMap,
) -> Result<Json<CaseList>, ApiError> {
    let Query(filter) = filter?;
    let Query(paging) = paging?;
    let lang = LabelLang::resolve(lang, &user, &headers)?;
    let per_page = paging.per_page.unwrap_or(100);
    if !(1..=500).contains(&per_page) {
        return Err(AppError::invalid("per_page", "Choose between 1 and 500 rows per page.").into());
    }
    let page = i64::from(filter.page.unwrap_or(1).max(1));
    let query = export_query(&state.db, &user, &filter, lang)?;
    let (total, items) = query.numbered_page(page, per_page).await?;
    let pages = ((total + per_page - 1) / per_page).max(1);
    Ok(Json(CaseList { items, total, page, pages, per_page }))
}

/// The manager summary of one case version (spec §10.8).
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path, description = "Case id")),
    responses((status = 200, body = ManagerSummary), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = [])))]
async fn case_summary(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ManagerSummary>, ApiError> {
    let Path(id) = id?;
    Ok(Json(crate::services::portfolio::manager_summary(&state.db, &state.registry, &user, id).await?))
}

/// The manager summary as a downloaded file; the download is written to the case's audit trail.
#[utoipa::path(get, path = "/api/v1/cases/{id}/summary.json", tag = "exports", params(("id" = i64, Path, description = "Case id")),
    responses((status = 200, body = ManagerSummary), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = [])))]
async fn download_summary(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(id) = id?;
    let summary = crate::services::portfolio::manager_summary(&state.db, &state.registry, &user, id).await?;
    let role = [Role::Manager, Role::Reviewer, Role::HrAdviser, Role::Assessor]
        .into_iter()
        .find(|r| user.has(*r))
        .unwrap_or(Role::Manager);
    let event = NewEvent::new(
        id,
        summary.version,
        &user,
        role,
        Action::Exported,
        serde_json::json!({ "format": "manager summary JSON", "via": "read API" }),
    );
    crate::services::record::append(&state.db, &event).await?;
    let body = serde_json::to_string_pretty(&summary).map_err(AppError::internal)?;
    Ok(attachment("application/json", &format!("{}-summary.json", summary.reference), body.into()))
}

/// Portfolio aggregates for the filter (managers and reviewers, in their countries); every figure's
/// code with its label in the requested language.
#[utoipa::path(get, path = "/api/v1/portfolio", tag = "portfolio", params(CaseFilter, LabelLang),
    responses((status = 200, body = Portfolio), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = [])))]
async fn portfolio(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    filter: Result<Query<CaseFilter>, QueryRejection>,
    lang: Result<Query<LabelLang>, QueryRejection>,
    headers: axum::http::HeaderMap,
) -> Result<Json<Portfolio>, ApiError> {
    let Query(filter) = filter?;
    let lang = LabelLang::resolve(lang, &user, &headers)?;
    let figures = state.portfolio_cache.portfolio(&state.db, &state.registry, &user, &filter).await?;
    Ok(Json(crate::services::portfolio::in_language(figures, &state.registry, lang)))
}

/// One recorded value of a country's reference data.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferenceEntryBody {
    pub id: i64,
    /// The question id, e.g. `dp_status_drugs` (4.1).
    pub question: String,
    /// The answer as the answers document holds it (a code, true/false or a number); null: no value
    /// from `effective_from` on.
    pub value: Option<serde_json::Value>,
    /// YYYY-MM-DD.
    pub effective_from: String,
    pub citation: String,
    pub url: Option<String>,
    /// E-mail of the administrator who recorded it.
    pub recorded_by: String,
    /// RFC 3339, UTC.
    pub recorded_at: String,
}

impl From<crate::reference::Entry> for ReferenceEntryBody {
    fn from(e: crate::reference::Entry) -> ReferenceEntryBody {
        ReferenceEntryBody {
            id: e.id,
            question: e.question,
            value: e.value,
            effective_from: e.effective_from.to_string(),
            citation: e.source.citation,
            url: e.source.url,
            recorded_by: e.recorded_by,
            recorded_at: e.recorded_at,
        }
    }
}

/// A country's reference data (questions 4.1–4.8): the entry in force on a date per question, and
/// every entry ever recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryReferenceBody {
    /// ISO 3166 alpha-2.
    pub country: String,
    /// The date `in_force` is read for (YYYY-MM-DD).
    pub on: String,
    /// Question id → the entry in force; a question with nothing recorded by that date is absent.
    pub in_force: std::collections::BTreeMap<String, ReferenceEntryBody>,
    /// Every entry, oldest first.
    pub history: Vec<ReferenceEntryBody>,
}

/// The date to read the reference data for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OnDate {
    /// YYYY-MM-DD; today when absent.
    #[param(format = Date)]
    pub on: Option<String>,
}

/// A country by its code.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CountryCode {
    /// ISO 3166 alpha-2, e.g. KE (either case); an unknown code is 404.
    #[param(pattern = "^[A-Za-z]{2}$", example = "KE")]
    pub code: String,
}

/// One country's reference data (any role, within the caller's countries).
#[utoipa::path(get, path = "/api/v1/countries/{code}/reference", tag = "reference",
    params(CountryCode, OnDate),
    responses((status = 200, body = CountryReferenceBody), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = [])))]
async fn country_reference(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    code: Result<Path<CountryCode>, PathRejection>,
    on: Result<Query<OnDate>, QueryRejection>,
) -> Result<Json<CountryReferenceBody>, ApiError> {
    let Path(CountryCode { code }) = code?;
    let Query(on) = on?;
    let (in_force, history) =
        crate::services::reference::api_reference(&state.db, &user, &code, on.on.as_deref()).await?;
    Ok(Json(CountryReferenceBody {
        country: code.trim().to_ascii_uppercase(),
        on: in_force.on.map(|d| d.to_string()).unwrap_or_default(),
        in_force: in_force.entries.into_iter().filter_map(|(q, e)| Some((q, ReferenceEntryBody::from(e?)))).collect(),
        history: history.into_iter().map(ReferenceEntryBody::from).collect(),
    }))
}

/// Every reference-data entry of the caller's countries as CSV (the import's columns).
#[utoipa::path(get, path = "/api/v1/reference/export.csv", tag = "reference",
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("token" = [])))]
async fn reference_export_csv(State(state): State<AppState>, ApiUser(user): ApiUser) -> Result<Response, ApiError> {
    let entries = crate::services::reference::export(&state.db, &user).await?;
    let body = crate::services::reference::write_csv(&entries);
    let name = format!("hrdd-reference-{}.csv", chrono::Utc::now().format("%Y-%m-%d"));
    Ok(attachment("text/csv; charset=utf-8", &name, body.into()))
}

/// Every reference-data entry of the caller's countries as JSON.
#[utoipa::path(get, path = "/api/v1/reference/export.json", tag = "reference",
    responses((status = 200, body = Vec<ReferenceExportRow>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("token" = [])))]
async fn reference_export_json(State(state): State<AppState>, ApiUser(user): ApiUser) -> Result<Response, ApiError> {
    let entries = crate::services::reference::export(&state.db, &user).await?;
    let rows: Vec<ReferenceExportRow> = entries
        .into_iter()
        .map(|e| ReferenceExportRow { country: e.country.clone(), entry: ReferenceEntryBody::from(e) })
        .collect();
    let body = serde_json::to_string_pretty(&rows).map_err(AppError::internal)?;
    let name = format!("hrdd-reference-{}.json", chrono::Utc::now().format("%Y-%m-%d"));
    Ok(attachment("application/json", &name, body.into()))
}

/// One entry of the JSON export: the country and the entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferenceExportRow {
    pub country: String,
    #[serde(flatten)]
    pub entry: ReferenceEntryBody,
}

fn attachment(content_type: &'static str, name: &str, body: axum::body::Body) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// The filtered case list as CSV (all rows; formula-like cells neutralised).
#[utoipa::path(get, path = "/api/v1/cases/export.csv", tag = "exports", params(CaseFilter, LabelLang),
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = [])))]
async fn export_csv(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    filter: Result<Query<CaseFilter>, QueryRejection>,
    lang: Result<Query<LabelLang>, QueryRejection>,
    headers: axum::http::HeaderMap,
) -> Result<Response, ApiError> {
    let lang = LabelLang::resolve(lang, &user, &headers)?;
    export_list(&state, &user, filter?.0, lang, ExportFormat::Csv)
}

/// The filtered case list as a JSON array (all rows).
#[utoipa::path(get, path = "/api/v1/cases/export.json", tag = "exports", params(CaseFilter, LabelLang),
    responses((status = 200, body = Vec<ExportRow>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = [])))]
async fn export_json(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    filter: Result<Query<CaseFilter>, QueryRejection>,
    lang: Result<Query<LabelLang>, QueryRejection>,
    headers: axum::http::HeaderMap,
) -> Result<Response, ApiError> {
    let lang = LabelLang::resolve(lang, &user, &headers)?;
    export_list(&state, &user, filter?.0, lang, ExportFormat::Json)
}

enum ExportFormat {
    Csv,
    Json,
}

/// Streams the filtered list as a download; the filter is validated and scoped before the first byte.
fn export_list(
    state: &AppState,
    user: &CurrentUser,
    filter: CaseFilter,
    lang: crate::i18n::Lang,
    format: ExportFormat,
) -> Result<Response, ApiError> {
    let query = export_query(&state.db, user, &filter, lang)?;
    let (ext, content_type, stream) = match format {
        ExportFormat::Csv => {
            ("csv", "text/csv; charset=utf-8", query.stream(export::csv_header(), "", export::csv_row))
        }
        ExportFormat::Json => ("json", "application/json", query.stream("[".to_string(), "\n]\n", export::json_row)),
    };
    tracing::info!(target: "audit", user = user.id, filter = %filter.query_string(), ext, "case list exported");
    let name = format!("hrdd-cases-{}.{ext}", chrono::Utc::now().format("%Y-%m-%d"));
    Ok(attachment(content_type, &name, axum::body::Body::from_stream(stream)))
}

struct TokenSecurity;

impl utoipa::Modify for TokenSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal access token from your profile page or `hrdd token create`."))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "HRDD read API", version = "1", description = "Human-rights due diligence cases, summaries and portfolio figures. Read-only; scoped by the token owner's role and countries."),
    paths(list_cases, case_summary, download_summary, portfolio, export_csv, export_json, country_reference, reference_export_csv, reference_export_json),
    modifiers(&TokenSecurity)
)]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

async fn not_found() -> ApiError {
    AppError::NotFound("No such API endpoint. See /api/v1/openapi.json.".into()).into()
}

/// The `/api/v1` routes (nested by the HTTP router).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/cases", get(list_cases))
        .route("/cases/export.csv", get(export_csv))
        .route("/cases/export.json", get(export_json))
        .route("/cases/{id}", get(case_summary))
        .route("/cases/{id}/summary.json", get(download_summary))
        .route("/portfolio", get(portfolio))
        .route("/countries/{code}/reference", get(country_reference))
        .route("/reference/export.csv", get(reference_export_csv))
        .route("/reference/export.json", get(reference_export_json))
        .fallback(not_found)
}
