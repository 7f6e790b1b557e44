import Foundation

/// The HTML form of the summary: one self-contained page (no scripts, no links, no fonts to
/// fetch) with print styles for A4, the title and page numbers in the page margins where the
/// browser supports it. Every text is escaped.
extension Summary {
    /// The summary as an HTML document, ending in a newline.
    public func html() -> String {
        let label = strings("summary.page", ["n": "\u{0}N\u{0}", "of": "\u{0}M\u{0}"])
        return SummaryHTML.render(document, pageLabel: label)
    }
}

enum SummaryHTML {
    /// - pageLabel: the "page N of M" text with `\0N\0` and `\0M\0` where the numbers go.
    static func render(_ document: SummaryDocument, pageLabel: String) -> String {
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"\(escape(document.language))\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(document.title))</title>",
            "<style>",
            style(title: document.title, pageLabel: pageLabel),
            "</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>\(escape(document.title))</h1>",
            "<dl class=\"facts\">",
        ]
        for fact in document.facts {
            out.append("<div><dt>\(escape(fact.label))</dt><dd>\(escape(fact.value))</dd></div>")
        }
        out += ["</dl>", "</header>"]
        for section in document.sections {
            out.append("<section class=\"\(escape(section.id))\">")
            out.append("<h2>\(escape(section.heading))</h2>")
            out.append("<ul>")
            for item in section.items { out += lines(item) }
            out += ["</ul>", "</section>"]
        }
        out += ["<footer><p>\(escape(document.closing))</p></footer>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(_ item: SummaryItem) -> [String] {
        let marker = item.marker.map { "<span class=\"marker\" aria-hidden=\"true\">\(escape($0))</span> " } ?? ""
        let text = marker + item.runs.map(run).joined()
        guard !item.children.isEmpty else { return ["<li>" + text + "</li>"] }
        var out = ["<li>" + text, "<ul>"]
        for child in item.children { out += lines(child) }
        out += ["</ul>", "</li>"]
        return out
    }

    static func run(_ run: SummaryRun) -> String {
        let text = escape(run.text).replacingOccurrences(of: "\n", with: "<br>\n")
        switch run.kind {
        case .plain: return text
        case .own: return "<strong class=\"own\">\(text)</strong>"
        case .strong, .status: return "<strong>\(text)</strong>"
        case .note: return "<span class=\"note\">\(text)</span>"
        case .mono: return "<span class=\"bars\">\(text)</span>"
        }
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A CSS string literal: quotes, backslashes, line breaks and `<` (so `</style>` cannot
    /// end the style sheet) are written as escapes.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The page label as CSS `content`: the text around the numbers, and the page counters.
    static func pageContent(_ label: String) -> String {
        var parts: [String] = []
        for (index, piece) in label.components(separatedBy: "\u{0}").enumerated() {
            if index % 2 == 1 {
                parts.append(piece == "N" ? "counter(page)" : "counter(pages)")
            } else if !piece.isEmpty {
                parts.append(cssString(piece))
            }
        }
        return parts.joined(separator: " ")
    }

    static func style(title: String, pageLabel: String) -> String {
        """
        @page { size: A4; margin: 20mm 18mm 22mm 18mm;
          @top-left { content: \(cssString(title)); font: 9pt sans-serif; color: #444; }
          @bottom-right { content: \(pageContent(pageLabel)); font: 9pt sans-serif; color: #444; } }
        html { color: #111; background: #fff; }
        body { font: 12pt/1.45 "DejaVu Sans", Verdana, Arial, sans-serif; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6em; margin: 0 0 .4em; }
        h2 { font-size: 1.2em; margin: 1.2em 0 .3em; border-bottom: 1px solid #888; break-after: avoid; page-break-after: avoid; }
        dl.facts { margin: 0; }
        dl.facts div { display: flex; gap: 1em; }
        dl.facts dt { font-weight: bold; min-width: 8em; }
        dl.facts dd { margin: 0; }
        ul { margin: .2em 0; padding-left: 1.4em; }
        section > ul { list-style: none; padding-left: .4em; }
        section ul ul { list-style: none; padding-left: 1.6em; }
        li { margin: .15em 0; break-inside: avoid; page-break-inside: avoid; }
        .marker { display: inline-block; width: 1.2em; }
        .own { font-weight: bold; }
        .note { font-style: italic; color: #444; }
        .bars { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre-wrap; }
        footer { margin-top: 2em; border-top: 1px solid #888; font-style: italic; }
        @media print { body { margin: 0; max-width: none; padding: 0; font-size: 11pt; } }
        """
    }
}
