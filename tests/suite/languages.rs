//! Languages (issue 22): which language a page is in, the switcher, the profile, right-to-left.

use crate::common::*;
use crate::on_both_backends;
use hrdd::accounts::Role;
use hrdd::i18n::Lang;

/// A request with any headers (the language cookie, `Accept-Language`, the session); a form is sent
/// from the app's own origin.
async fn request(
    app: &axum::Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    form: Option<&[(&str, &str)]>,
) -> Reply {
    let mut all = headers.to_vec();
    if form.is_some() {
        all.push(("origin", ORIGIN));
    }
    send_headers(app, method, uri, &all, form).await
}

fn html_lang(body: &str) -> (&str, &str) {
    let tag = &body[body.find("<html").expect("an html element")..];
    let tag = &tag[..tag.find('>').unwrap()];
    let attr = |name: &str| {
        let at = tag.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("{name} in {tag}")) + name.len() + 2;
        &tag[at..at + tag[at..].find('"').unwrap()]
    };
    (attr("lang"), attr("dir"))
}

async fn signed_out_pages_follow_the_browser_then_the_switcher(t: TestDb) {
    let app = app(&t.db);
    // The browser's preference, by weight.
    for (accept, lang, dir, words) in [
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr", "ltr", "Adresse électronique"),
        ("de-DE, es;q=0.5", "es", "ltr", "Correo electrónico"),
        ("ar-EG", "ar", "rtl", "عنوان البريد الإلكتروني"),
        ("de-DE, ja", "en", "ltr", "E-mail address"),
    ] {
        let page = request(&app, "GET", "/login", &[("accept-language", accept)], None).await;
        assert_eq!(page.status, 200);
        assert_eq!(html_lang(&page.body), (lang, dir), "{accept}");
        assert!(page.body.contains(words), "{accept}: {words}");
    }
    // No header at all: English.
    let (_, body) = get(&app, "/login").await;
    assert_eq!(html_lang(&body), ("en", "ltr"));

    // The switcher: a plain form post back to the page, the choice kept in a cookie.
    let html = [("accept", "text/html"), ("accept-language", "fr")];
    let switched =
        request(&app, "POST", "/api/language", &html, Some(&[("lang", "es"), ("next", "/login?next=%2Fcases")])).await;
    assert!(matches!(switched.status, 302 | 303), "{} {}", switched.status, switched.body);
    assert_eq!(switched.location.as_deref(), Some("/login?next=%2Fcases"));
    let cookie = switched.set_cookie.iter().find(|c| c.starts_with("hrdd_lang=")).expect("the language cookie");
    assert!(
        cookie.starts_with("hrdd_lang=es;") && cookie.contains("Path=/") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // The cookie beats the browser's header.
    let page = request(&app, "GET", "/login", &[("cookie", "hrdd_lang=es"), ("accept-language", "fr")], None).await;
    assert_eq!(html_lang(&page.body), ("es", "ltr"));
    assert!(page.body.contains("Iniciar sesión"));
    // Every page carries the switcher, with the current language marked.
    assert!(page.body.contains("data-testid=\"language-switcher\""));
    assert!(page
        .body
        .contains("aria-current=\"true\" class=\"rounded px-1.5 py-0.5 font-semibold text-slate-900\">Español"));
    // A cookie naming no language of ours is ignored.
    let page = request(&app, "GET", "/login", &[("cookie", "hrdd_lang=xx"), ("accept-language", "ar")], None).await;
    assert_eq!(html_lang(&page.body), ("ar", "rtl"));

    // A language we do not have is refused with a message, and nothing is set.
    for bad in ["de", "", "english", "fr-FR"] {
        let refused = request(&app, "POST", "/api/language", &[], Some(&[("lang", bad), ("next", "/login")])).await;
        assert_eq!(refused.status, 422, "{bad}: {}", refused.body);
        assert!(refused.body.contains("Choose one of: English, Français, Español, العربية."), "{}", refused.body);
        assert!(refused.set_cookie.iter().all(|c| !c.starts_with("hrdd_lang=")));
    }
    // Another site cannot switch it (the same-origin check covers this form like every other).
    let mut forged = request(&app, "POST", "/api/language", &[("cookie", "hrdd_session=x")], None).await;
    assert_eq!(forged.status, 403, "no origin with a session cookie: {}", forged.body);
    forged =
        send(&app, "POST", "/api/language", Some("x"), Some(&[("lang", "fr")]), Some("https://evil.example")).await;
    assert_eq!(forged.status, 403);
    // An address elsewhere is not followed back.
    let away =
        request(&app, "POST", "/api/language", &html, Some(&[("lang", "fr"), ("next", "https://evil.example/")])).await;
    assert_eq!(away.location.as_deref(), Some("/"));
}
on_both_backends!(signed_out_pages_follow_the_browser_then_the_switcher);

async fn the_choice_survives_sign_in_and_is_kept_in_the_profile(t: TestDb) {
    let app = app(&t.db);
    let id = make_user(&t.db, "amina@un.org", &[Role::Assessor], None, &["KE"]).await;
    assert_eq!(t.db.user(id).await.unwrap().unwrap().user.lang, None, "no choice yet");

    // French chosen on the sign-in page, then signing in: the profile takes it.
    let signed_in = request(
        &app,
        "POST",
        "/api/session/login",
        &[("cookie", "hrdd_lang=fr")],
        Some(&[("email", "amina@un.org"), ("password", PASSWORD)]),
    )
    .await;
    let token = session_token(&signed_in).expect("signed in");
    assert_eq!(t.db.user(id).await.unwrap().unwrap().user.lang, Some(Lang::Fr));

    // Another browser, no cookie, a Spanish browser: the profile decides.
    let session = format!("hrdd_session={token}");
    let list = request(&app, "GET", "/cases", &[("cookie", &session), ("accept-language", "es")], None).await;
    assert_eq!(list.status, 200);
    assert_eq!(html_lang(&list.body), ("fr", "ltr"));
    for words in
        ["Évaluations", "Rechercher un titre ou une référence", "Tous mes pays", "0 évaluation", "Se déconnecter"]
    {
        assert!(list.body.contains(words), "{words}");
    }
    // The wizard island gets its words for coded values with its props, in the reader's language
    // (the WASM holds no translation), and the catalogue's texts in that language too.
    let case = create_draft(&app, &token, "KE").await;
    // Both come in the book the page carries beside the island, shared by every French wizard page.
    let page = request(&app, "GET", &format!("/cases/{case}/edit/case"), &[("cookie", &session)], None).await;
    assert_eq!(page.status, 200);
    let (key, editor) = island_data(&page.body);
    assert!(key.starts_with("wizard-fr-"), "{key}");
    assert_eq!(editor["words"]["lang"], "Fr");
    let words = editor["words"]["words"].as_array().expect("words");
    let word = |id: &str| words.iter().find(|w| w[0] == id).map(|w| w[1].as_str().unwrap().to_string());
    assert_eq!(word("band-high").as_deref(), Some("ÉLEVÉ"));
    assert_eq!(word("decision-withdraw").as_deref(), Some("Retirer l'appui"));
    // The wizard's own words, with placeholders as markers and one text per plural form.
    assert_eq!(word("wizard-save-draft").as_deref(), Some("Enregistrer le brouillon"));
    assert_eq!(word("wizard-returned-by").as_deref(), Some("Renvoyée par {$by} le {$at} :"));
    assert!(word("wizard-preview-missing#one").is_some() && word("wizard-preview-missing#other").is_some());
    let areas = editor["catalogue"]["areas"].as_array().unwrap();
    assert_eq!(areas[0]["name"], "Peine de mort pour les infractions liées aux drogues");
    // The structured parts' words come translated with the catalogue.
    assert_eq!(editor["catalogue"]["parts"]["evidence"]["add"], "Ajouter un élément de preuve");
    assert_eq!(editor["catalogue"]["parts"]["measures"]["fields"]["status"], "État");

    // The summary page reads in French too, its decision card and tables included.
    let summary = request(&app, "GET", &format!("/cases/{case}"), &[("cookie", &session)], None).await;
    assert_eq!(summary.status, 200);
    for words in [
        "Plan de suivi et examen",
        "Pas encore signée.",
        "Commentaires (0)",
        "Imprimer ou enregistrer en PDF",
        "Reste à répondre",
        "Répondre aux questions",
    ] {
        assert!(summary.body.contains(words), "{words}");
    }
    assert!(!summary.body.contains("Audit trail") && !summary.body.contains("Not signed off yet."));

    let profile = request(&app, "GET", "/account", &[("cookie", &session)], None).await;
    assert!(profile.body.contains("Votre profil") && profile.body.contains("Évaluateur ou évaluatrice"));
    assert!(profile.body.contains("Enregistrée dans votre profil"));

    // Switching while signed in changes the profile at once, for every session of the user.
    let other = sign_in(&app, "amina@un.org").await;
    let switched = request(
        &app,
        "POST",
        "/api/language",
        &[("cookie", &session), ("accept", "text/html")],
        Some(&[("lang", "ar"), ("next", "/cases")]),
    )
    .await;
    assert!(matches!(switched.status, 302 | 303));
    assert_eq!(t.db.user(id).await.unwrap().unwrap().user.lang, Some(Lang::Ar));
    let list = request(&app, "GET", "/cases", &[("cookie", &format!("hrdd_session={other}"))], None).await;
    assert_eq!(html_lang(&list.body), ("ar", "rtl"));
    assert!(list.body.contains("التقييمات"));

    // Signing out keeps the browser's cookie, so the sign-in page stays in the chosen language.
    let out = request(&app, "GET", "/login", &[("cookie", "hrdd_lang=ar")], None).await;
    assert_eq!(html_lang(&out.body), ("ar", "rtl"));
}
on_both_backends!(the_choice_survives_sign_in_and_is_kept_in_the_profile);

/// The portfolio and the inbox read in the reader's language: headings, value words, the
/// catalogue's area names and rule titles, and why each case stands in a queue. The figures are
/// computed once and shared by every language (the read API relabels them for `?lang=`).
async fn the_portfolio_and_the_inbox_follow_the_reader(t: TestDb) {
    hrdd::server::demo::seed(&t.db).await.unwrap();
    hrdd::services::seed::seed_cases(&t.db, registry(), 40, 5).await.unwrap();
    let app = app(&t.db);
    make_user(&t.db, "lea@un.org", &[Role::Manager, Role::Reviewer, Role::HrAdviser, Role::Assessor], Some(3), &["*"])
        .await;
    let token = sign_in(&app, "lea@un.org").await;
    let page = |lang: &'static str, uri: &'static str| {
        let (app, cookie) = (app.clone(), format!("hrdd_session={token}; hrdd_lang={lang}"));
        async move {
            let reply = request(&app, "GET", uri, &[("cookie", &cookie)], None).await;
            assert_eq!(reply.status, 200, "{uri} in {lang}");
            reply.body
        }
    };
    let french = registry().current_in("fr").unwrap();
    let english = registry().current().unwrap();
    assert_ne!(french.areas[0].short_name, english.areas[0].short_name, "the French catalogue names its areas");

    let fr = page("fr", "/portfolio").await;
    for words in [
        "Niveau résiduel global",
        "Décision en vigueur",
        "Pays × domaines de risque",
        "Appliquer les filtres",
        "Risque résiduel ÉLEVÉ",
        "Toute décision",
        "Brouillon incomplet",
        french.areas[0].short_name.as_str(),
    ] {
        assert!(fr.contains(words), "French portfolio: {words}");
    }
    for words in
        ["Overall residual band", "Apply filters", "Countries × risk areas", english.areas[0].short_name.as_str()]
    {
        assert!(!fr.contains(words), "English left on the French portfolio: {words}");
    }
    let en = page("en", "/portfolio").await;
    assert!(en.contains("Overall residual band") && en.contains(english.areas[0].short_name.as_str()));

    // The read API: the same codes and counts, labels in the language asked for; 422 for another.
    let api_token = {
        let id = t.db.user_id_by_email("lea@un.org", false).await.unwrap().unwrap();
        let user = hrdd::services::accounts::load_user(&t.db, id).await.unwrap().unwrap();
        hrdd::services::tokens::create(&t.db, &user, "test", 30).await.unwrap().token
    };
    let api = |uri: String| {
        let (app, auth) = (app.clone(), format!("Bearer {api_token}"));
        async move {
            let reply = request(&app, "GET", &uri, &[("authorization", &auth)], None).await;
            (reply.status, serde_json::from_str::<serde_json::Value>(&reply.body).unwrap_or_default())
        }
    };
    let (status, fr) = api("/api/v1/portfolio?lang=fr".into()).await;
    assert_eq!(status, 200);
    let (_, en) = api("/api/v1/portfolio?lang=en".into()).await;
    let pairs = |v: &serde_json::Value, list: &str| -> Vec<(String, i64, String)> {
        v[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (c["code"].as_str().unwrap().into(), c["count"].as_i64().unwrap(), c["label"].as_str().unwrap().into())
            })
            .collect()
    };
    for list in ["by_band", "by_decision", "by_status", "high_areas", "hard_rules"] {
        let (f, e) = (pairs(&fr, list), pairs(&en, list));
        let codes = |l: &[(String, i64, String)]| l.iter().map(|(c, n, _)| (c.clone(), *n)).collect::<Vec<_>>();
        assert_eq!(codes(&f), codes(&e), "{list}: same codes and counts in every language");
    }
    let label_of = |v: &serde_json::Value, list: &str, code: &str| {
        pairs(v, list).into_iter().find(|(c, _, _)| c == code).map(|(_, _, l)| l).unwrap()
    };
    assert_eq!(label_of(&fr, "by_band", "HIGH"), "ÉLEVÉ");
    assert_eq!(label_of(&en, "by_band", "HIGH"), "HIGH");
    assert_eq!(label_of(&fr, "by_decision", "DO_NOT_PROCEED"), "Ne pas poursuivre");
    assert_eq!(label_of(&fr, "by_status", "DRAFT"), "Brouillon");
    assert_eq!(fr["areas"][0]["name"], french.areas[0].short_name.as_str());
    if let Some((code, _, label)) = pairs(&fr, "hard_rules").into_iter().next() {
        let rule = french.hard_rules.iter().find(|r| r.id.code() == code).unwrap();
        assert_eq!(label, rule.title);
    }
    assert_eq!(api("/api/v1/portfolio?lang=de".into()).await.0, 422);

    // The inbox says why each case is there in the reader's words.
    let fr = page("fr", "/review").await;
    let en = page("en", "/review").await;
    assert!(en.contains("Needs level"), "the seed has submitted cases for a level-3 reviewer");
    assert!(fr.contains("Requiert le niveau") && !fr.contains("Needs level"));
    assert!(fr.contains("Votre boîte de réception"), "French inbox heading");

    // A decided case's summary: the trigger forms list the catalogue's events and re-assessment
    // types in the reader's language (the options of questions 1.7 and 1.6).
    let (_, decided) = api("/api/v1/cases?state=DECIDED&per_page=1".into()).await;
    let id = decided["items"][0]["case_id"].as_i64().expect("the seed has decided cases");
    let cookie = format!("hrdd_session={token}; hrdd_lang=fr");
    let summary = request(&app, "GET", &format!("/cases/{id}"), &[("cookie", &cookie)], None).await;
    assert_eq!(summary.status, 200);
    let label = |c: &hrdd::methodology::Catalogue, name: &str, code: &str| c.label(name, code).to_string();
    for (name, code) in [("TriggerEvent", "GRAVE_VIOLATION_REPORT"), ("AssessmentType", "PERIODIC")] {
        let (fr_label, en_label) = (label(french, name, code), label(english, name, code));
        assert_ne!(fr_label, en_label, "{code} has a French label");
        assert!(summary.body.contains(&format!(">{fr_label}</option>")), "{code}: {fr_label}");
        assert!(!summary.body.contains(&format!(">{en_label}</option>")), "{code}: English {en_label}");
    }
}
on_both_backends!(the_portfolio_and_the_inbox_follow_the_reader);

/// The user administration and the notifications page in the reader's language: headings, forms,
/// role descriptions, account states and the e-mail choices.
async fn administration_and_notifications_follow_the_reader(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "root@un.org", &[Role::Admin], None, &[]).await;
    let reviewer_id = make_user(&t.db, "rev@un.org", &[Role::Reviewer], Some(2), &["KE"]).await;
    let admin = sign_in(&app, "root@un.org").await;
    let reviewer = sign_in(&app, "rev@un.org").await;
    let get = |token: &str, lang: &str, uri: &'static str| {
        let (app, cookie) = (app.clone(), format!("hrdd_session={token}; hrdd_lang={lang}"));
        async move {
            let reply = request(&app, "GET", uri, &[("cookie", &cookie)], None).await;
            assert_eq!(reply.status, 200, "{uri} in {cookie}");
            reply.body
        }
    };
    let users = get(&admin, "es", "/admin/users").await;
    for words in [
        "Usuarios",
        "Añadir un usuario",
        "Contraseña temporal",
        "Crear usuario",
        "Revisor N2",
        "Personal de la oficina en el país",
        "Activa",
        "— (sin acceso a casos)",
    ] {
        assert!(users.contains(words), "Spanish user administration: {words}");
    }
    for words in ["Add a user", "Create user", "Reviewer L2", "Country-office staff", "Last sign-in"] {
        assert!(!users.contains(words), "English left: {words}");
    }
    let arabic = get(&admin, "ar", "/admin/users").await;
    assert!(arabic.contains("إضافة مستخدم") && arabic.contains("مراجع م2"));

    // An account's history: the events and the fields they changed in the reader's words.
    let cookie = format!("hrdd_session={admin}; hrdd_lang=fr");
    let uri = format!("/admin/users/{reviewer_id}/history");
    let history = request(&app, "GET", &uri, &[("cookie", &cookie)], None).await;
    assert_eq!(history.status, 200, "{}", history.body);
    for words in [
        "Historique de User rev@un.org",
        "Compte créé : adresse électronique",
        "Quand",
        "niveau d",
        "rôles",
        "1 modification enregistrée",
    ] {
        assert!(history.body.contains(words), "French account history: {words}");
    }
    for words in ["Account created", "History of", "approval level", "recorded change", ">reviewer<"] {
        assert!(!history.body.contains(words), "English left in the account history: {words}");
    }

    let notices = get(&reviewer, "fr", "/notifications").await;
    for words in ["Rien pour l'instant", "Courrier électronique", "M'envoyer des courriels", "Résumé quotidien"] {
        assert!(
            notices.contains(words) || notices.contains(&words.replace('\'', "&#x27;")),
            "French notifications: {words}"
        );
    }
    assert!(!notices.contains("Send me e-mail") && !notices.contains("Nothing yet"));
}
on_both_backends!(administration_and_notifications_follow_the_reader);

/// A case drafted by an assessor who works in French is read and signed off by a reviewer who works
/// in English: each reads the labels in their own language, and what people typed (the title, a
/// comment, the sign-off conditions) stays as it was written.
async fn drafted_in_french_signed_off_in_english(t: TestDb) {
    let j = crate::review::submitted_case(&t).await;
    let switch = |token: &str, lang: &'static str| {
        let (app, cookie) = (j.app.clone(), format!("hrdd_session={token}"));
        async move {
            let r = request(
                &app,
                "POST",
                "/api/language",
                &[("cookie", &cookie), ("accept", "text/html")],
                Some(&[("lang", lang), ("next", "/")]),
            )
            .await;
            assert!(matches!(r.status, 302 | 303), "{}", r.body);
        }
    };
    switch(&j.ines, "fr").await;
    switch(&j.rev2, "en").await;
    let written = "Les journaux de bord des véhicules seront partagés chaque mois avec le HCDH.";
    let r = call(&j.app, "review/comment", Some(&j.ines), &[("id", &j.id), ("body", written)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let page = |token: &str| {
        let (app, cookie, uri) = (j.app.clone(), format!("hrdd_session={token}"), format!("/cases/{}", j.id));
        async move {
            let r = request(&app, "GET", &uri, &[("cookie", &cookie)], None).await;
            assert_eq!(r.status, 200);
            r.body
        }
    };
    // The reviewer reads English labels and the French comment as written.
    let read = page(&j.rev2).await;
    assert_eq!(html_lang(&read), ("en", "ltr"));
    for words in ["Risk summary", "Audit trail", written] {
        assert!(read.contains(words), "the English reader sees {words}");
    }
    assert!(!read.contains("Synthèse des risques"));
    let conditions = "Monthly vehicle logs shared with OHCHR.";
    let r = crate::review::post(
        &j,
        "review/sign-off",
        &j.rev2,
        &crate::review::sign_off_form(&j, "PROCEED_WITH_CONDITIONS", conditions, "PROCEED"),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);

    // The assessor reads the decided version in French: French labels and decision words, the
    // reviewer's English conditions and her own French comment unchanged.
    let read = page(&j.ines).await;
    assert_eq!(html_lang(&read), ("fr", "ltr"));
    for words in
        ["Synthèse des risques", "Piste d'audit", "Poursuivre sous conditions (appui suivi)", conditions, written]
    {
        assert!(
            read.contains(words) || read.contains(&words.replace('\'', "&#x27;")),
            "the French reader sees {words}"
        );
    }
    assert!(!read.contains("Proceed with conditions (monitored support)"));
    // And the reviewer, in English, reads the same record with English words.
    let read = page(&j.rev2).await;
    assert!(read.contains("Proceed with conditions (monitored support)") && read.contains(written));
}
on_both_backends!(drafted_in_french_signed_off_in_english);

/// The country reference pages speak the reader's language: the page's words from
/// `reference.ftl`, the questions 4.1–4.8 and their options from the catalogue in that language.
async fn the_reference_pages_follow_the_reader(t: TestDb) {
    let app = app(&t.db);
    make_user(&t.db, "ref-admin@un.org", &[Role::Admin], None, &["*"]).await;
    let admin = sign_in(&app, "ref-admin@un.org").await;
    let get = |lang: &str, uri: &'static str| {
        let (app, cookie) = (app.clone(), format!("hrdd_session={admin}; hrdd_lang={lang}"));
        async move {
            let reply = request(&app, "GET", uri, &[("cookie", &cookie)], None).await;
            assert_eq!(reply.status, 200, "{uri} in {cookie}");
            reply.body.replace("&#x27;", "'")
        }
    };
    let list = get("fr", "/reference/countries?unknown=ZZ").await;
    for words in [
        "Données de référence par pays",
        "Ouvrir un pays par son code",
        "Importer un tableau CSV",
        "« ZZ » n'est pas un code de pays",
    ] {
        assert!(list.contains(words), "French reference list: {words}");
    }
    assert!(!list.contains("Open a country by its code") && !list.contains("is not a country code"));

    let country = get("fr", "/reference/countries/KE").await;
    for words in [
        "KE : données de référence du pays",
        "En vigueur aujourd'hui",
        "Situation de la peine de mort pour les infractions liées aux drogues",
        "La peine de mort existe, mais pas pour les infractions liées aux drogues",
        "Enregistrer une modification",
        "Aucune évaluation décidée de KE ne surveille",
        "— aucune valeur —",
    ] {
        assert!(country.contains(words), "French country page: {words}");
    }
    for words in ["Record a change", "Death-penalty status for drug offences", "Effective from", "no value"] {
        assert!(!country.contains(words), "English left on the French country page: {words}");
    }
    let arabic = get("ar", "/reference/countries/KE").await;
    assert!(arabic.contains("تسجيل تغيير") && arabic.contains("البيانات المرجعية للبلد"), "Arabic country page");
    let import = get("es", "/reference/import").await;
    assert!(import.contains("Importar datos de referencia") && import.contains("Comprobar el archivo"));
    assert!(!import.contains("Check the file"));

    // The import's preview, a plain page without JavaScript, in the reader's language too.
    let csv = "country,question,value,effective_from,citation,url\nKE,armed_conflict_or_peace_operation,false,2020-01-01,Loi 2020,\n";
    let cookie = format!("hrdd_session={admin}; hrdd_lang=fr");
    let preview = crate::reference::post_import_with_cookie(&app, &cookie, csv, "preview", "").await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    for words in [
        "<html lang=\"fr\"",
        "Importer des données de référence : aperçu",
        "1 ligne lue : 1 nouvelle(s)",
        "Enregistrer 1 entrée",
        "nouvelle</td>",
    ] {
        assert!(preview.body.contains(words), "French import preview: {words}: {}", preview.body);
    }
    assert!(!preview.body.contains("lines read") && !preview.body.contains("Record 1"));
    let cookie = format!("hrdd_session={admin}; hrdd_lang=ar");
    let preview = crate::reference::post_import_with_cookie(&app, &cookie, csv, "preview", "").await;
    assert!(preview.body.contains("<html lang=\"ar\" dir=\"rtl\"") && preview.body.contains("سجّل قيدًا واحدًا"));
}
on_both_backends!(the_reference_pages_follow_the_reader);
