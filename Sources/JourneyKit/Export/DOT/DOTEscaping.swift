/// The one place where text typed by users becomes DOT source.
///
/// Graphviz reads text at several levels, and each has its own traps:
/// - the DOT lexer ends a quoted string at an unescaped `"`;
/// - labels and tooltips are "escString"s, where `\N`, `\G`, `\L`, `\E`, `\T`, `\H` are
///   replaced by names and `\n`, `\l`, `\r` are line breaks, so a typed backslash must be doubled;
/// - Graphviz decodes HTML entities such as `&amp;` in every label, so a typed `&` must be
///   written as `&amp;` even in quoted strings;
/// - HTML-like labels are XML read by expat: `& < > "` must be entities, control characters
///   and the noncharacters U+FFFE/U+FFFF make the whole graph fail, and backslashes are still
///   escString escapes after the entities are decoded; and a text run made only of `]`
///   characters vanishes (Graphviz 2.43), so `]` is written as the entity `&#93;`.
///
/// Every string that came from a journey goes through exactly one of these functions.
enum DOTEscaping {
    /// A DOT id, always quoted, so that keywords (`node`, `graph`, `subgraph`…) and ids
    /// with `-` or `.` are read as plain ids.
    static func id(_ text: String) -> String {
        quoted(text)
    }

    /// A quoted DOT string shown as a label: `"`, `\`, `&` and control characters escaped,
    /// line breaks as `\n` (centred lines).
    static func quoted(_ text: String) -> String {
        written { $0.dotQuoted(text) }
    }

    /// A quoted DOT string for a tooltip.
    ///
    /// Graphviz versions disagree on how often they unescape tooltips (2.43 does it twice, so
    /// `\\N` becomes the node's name), so no doubling of backslashes is right everywhere; a
    /// backslash is shown as the look-alike `⧵` (U+29F5) instead.
    static func tooltip(_ text: String) -> String {
        written { $0.dotQuoted(text, backslashAsLookAlike: true) }
    }

    /// Text inside an HTML-like label, for one line (a typed line break becomes `<BR/>`).
    static func html(_ text: String) -> String {
        text.lines.map(htmlLine).joined(separator: "<BR/>")
    }

    /// One line of text inside an HTML-like label; no line breaks expected.
    static func htmlLine(_ text: String) -> String {
        written { $0.dotHTMLLine(text) }
    }

    /// What `write` puts into an empty document. Control characters become their visible
    /// "control picture" (␀…␟, ␡), a tab a space, and the C1 controls and the noncharacters
    /// expat rejects the replacement character: Graphviz would otherwise refuse the graph or
    /// write an SVG no browser opens (the rules are applied on bytes in `UTF8Text.dotQuoted`
    /// and `dotHTMLLine`).
    static func written(_ write: (inout UTF8Text) -> Void) -> String {
        var text = UTF8Text()
        write(&text)
        return text.string
    }
}
