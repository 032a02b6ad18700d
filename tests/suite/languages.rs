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
