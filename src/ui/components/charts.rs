//! Server-rendered SVG charts for the dashboards. Built as markup strings (no chart library in the
//! WASM bundle); every bar and cell is a link to the cases behind it, and every chart has a `<title>`
//! and a table next to it for screen readers and print. Charts are laid out left to right in every
//! language (`direction="ltr"` on the SVG): on a right-to-left page SVG text would otherwise anchor
//! from the other side and run over the bars; Arabic labels still read right to left within their run.

use crate::methodology::codes::Band;
use crate::ui::components::tone::Shown;
use crate::ui::i18n::t_count;

/// Escapes text for SVG/HTML markup.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One bar: its label, value, fill colour and the list it drills down to.
pub struct Bar {
    pub label: String,
    pub value: i64,
    pub fill: &'static str,
    pub href: String,
}

/// Horizontal bar chart, one row per bar, the count at the end of each bar.
pub fn bar_chart(title: &str, bars: &[Bar]) -> String {
    const ROW: i64 = 26;
    const BAR_AREA: i64 = 200;
    // Room for the longest label (about 7 px per character at 12 px), at most 48 characters: a
    // longer one is shortened with an ellipsis (it stands whole in the bar's tooltip and the table).
    const LONGEST: usize = 48;
    let shown = |label: &str| -> String {
        if label.chars().count() <= LONGEST {
            label.to_string()
        } else {
            format!("{}…", label.chars().take(LONGEST - 1).collect::<String>().trim_end())
        }
    };
    let longest = bars.iter().map(|b| shown(&b.label).chars().count() as i64).max().unwrap_or(0);
    let label_width = (longest * 7 + 12).clamp(80, 350);
    let width = label_width + BAR_AREA + 48;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() as i64 + 6;
    let mut svg = format!(
        r#"<svg role="group" aria-label="{t}" direction="ltr" viewBox="0 0 {width} {height}" width="{width}" class="h-auto max-w-full" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = esc(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i as i64 * ROW + 3;
        let w = if b.value == 0 { 0 } else { (b.value * BAR_AREA / max).max(3) };
        svg.push_str(&format!(
            r##"<a href="{href}"><title>{label}: {value}</title><text x="{lx}" y="{ty}" font-size="12" text-anchor="end" fill="#334155">{short}</text><rect x="{bar_x}" y="{y}" width="{w}" height="{bh}" rx="3" fill="{fill}"/><text x="{cx}" y="{ty}" font-size="12" font-weight="600" fill="#0f172a">{value}</text></a>"##,
            href = esc(&b.href),
            label = esc(&b.label),
            short = esc(&shown(&b.label)),
            value = b.value,
            lx = label_width - 8,
            ty = y + 14,
            bh = ROW - 8,
            fill = b.fill,
            cx = label_width + w + 6,
            bar_x = label_width,
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A country × risk-area grid: each cell coloured by the highest residual band among the cases in
/// which the area is triggered, showing how many cases that is.
pub struct HeatMap<'a> {
    pub title: &'a str,
    pub rows: &'a [String],
    pub columns: &'a [(String, String)],
    /// (row, column) → cases by band LOW … HIGH.
    pub value: &'a dyn Fn(&str, &str) -> Option<[i64; 4]>,
    pub href: &'a dyn Fn(&str, &str) -> String,
}

pub fn heat_map(map: &HeatMap) -> String {
    const LEFT: usize = 44;
    const TOP: usize = 26;
    const W: usize = 46;
    const H: usize = 30;
    let width = LEFT + W * map.columns.len() + 2;
    let height = TOP + H * map.rows.len() + 2;
    let mut svg = format!(
        r#"<svg role="group" aria-label="{t}" direction="ltr" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = esc(map.title)
    );
    for (j, (code, name)) in map.columns.iter().enumerate() {
        svg.push_str(&format!(
            r##"<text x="{x}" y="16" font-size="11" font-weight="600" text-anchor="middle" fill="#334155"><title>{name}</title>{code}</text>"##,
            x = LEFT + j * W + W / 2,
            name = esc(name),
            code = esc(code)
        ));
    }
    for (i, row) in map.rows.iter().enumerate() {
        let y = TOP + i * H;
        svg.push_str(&format!(
            r##"<text x="{x}" y="{ty}" font-size="12" font-weight="600" text-anchor="end" fill="#334155">{row}</text>"##,
            x = LEFT - 8,
            ty = y + H / 2 + 4,
            row = esc(row)
        ));
        for (j, (code, name)) in map.columns.iter().enumerate() {
            let x = LEFT + j * W;
            match (map.value)(row, code) {
                Some(by_band) if by_band.iter().sum::<i64>() > 0 => {
                    let worst = (0..4).rev().find(|&b| by_band[b] > 0).unwrap_or(0);
                    let total: i64 = by_band.iter().sum();
                    let text_fill = if worst == 3 { "#ffffff" } else { "#0f172a" };
                    let per_band: Vec<String> =
                        (0..4).rev().map(|b| format!("{} {}", Band::ALL[b].text(), by_band[b])).collect();
                    let cases = t_count("portfolio-heat-cases", total as usize, &[]);
                    let tip = format!("{row} · {name}: {cases} — {}", per_band.join(", "));
                    svg.push_str(&format!(
                        r##"<a href="{href}"><title>{tip}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}" stroke="#ffffff" stroke-width="2"/><text x="{tx}" y="{ty}" font-size="11" text-anchor="middle" fill="{text_fill}">{total}</text></a>"##,
                        href = esc(&(map.href)(row, code)),
                        tip = esc(&tip),
                        w = W,
                        h = H,
                        fill = Band::ALL[worst].tone().fill(),
                        tx = x + W / 2,
                        ty = y + H / 2 + 4,
                    ));
                }
                _ => svg.push_str(&format!(
                    r##"<rect x="{x}" y="{y}" width="{W}" height="{H}" fill="#f1f5f9" stroke="#ffffff" stroke-width="2"/>"##
                )),
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_link_to_their_cases_and_escape_labels() {
        let svg = bar_chart(
            "Bands",
            &[Bar { label: "A<B".into(), value: 4, fill: "#000", href: "/cases?band=HIGH&country=KE".into() }],
        );
        assert!(svg.contains(r#"href="/cases?band=HIGH&amp;country=KE""#), "{svg}");
        assert!(svg.contains("A&lt;B: 4"), "{svg}");
        assert!(!svg.contains("A<B"));
    }

    #[test]
    fn a_long_label_is_shortened_on_the_chart_and_whole_in_its_tooltip() {
        let long =
            "H1b Dépendance à un État qui exécute des personnes condamnées pour des infractions liées aux drogues";
        let svg = bar_chart("Rules", &[Bar { label: long.into(), value: 2, fill: "#000", href: "/cases".into() }]);
        assert!(svg.contains(&format!("<title>{}: 2</title>", esc(long))), "{svg}");
        let shown = svg.split("fill=\"#334155\">").nth(1).and_then(|rest| rest.split("</text>").next()).unwrap();
        assert!(shown.ends_with('…') && shown.chars().count() <= 48, "{shown}");
        assert!(long.starts_with(shown.trim_end_matches('…')));
        assert!(svg.contains(r#"direction="ltr""#), "charts keep their layout on right-to-left pages");
    }

    #[test]
    fn heat_map_colours_cells_by_their_worst_band() {
        let rows = vec!["KE".to_string()];
        let columns = vec![("DP".to_string(), "Death penalty".to_string()), ("TOR".to_string(), "Torture".to_string())];
        let value = |_: &str, area: &str| (area == "DP").then_some([1, 0, 2, 0]);
        let href = |row: &str, area: &str| format!("/cases?country={row}&area={area}");
        let svg = heat_map(&HeatMap { title: "Heat", rows: &rows, columns: &columns, value: &value, href: &href });
        assert!(svg.contains(Band::Substantial.tone().fill()), "SUBSTANTIAL is the worst band of the DP cell: {svg}");
        assert!(svg.contains("KE · Death penalty: 3 cases — HIGH 0, SUBSTANTIAL 2, MODERATE 0, LOW 1"), "{svg}");
        assert!(!svg.contains("area=TOR"), "an empty cell has no link");
    }
}
