import Foundation

/// The Markdown form of the summary (CommonMark): a title, the facts as a list, a section
/// per part with nested lists. Text typed by people is escaped so it reads as written.
extension Summary {
    /// The summary as Markdown, ending in a newline.
    public func markdown() -> String {
        SummaryMarkdown.render(document)
    }
}

enum SummaryMarkdown {
    static func render(_ document: SummaryDocument) -> String {
        var out = ["# " + escape(document.title), ""]
        for fact in document.facts {
            out.append("- **" + escape(fact.label) + ":** " + escape(fact.value))
        }
        for section in document.sections {
            out += ["", "## " + escape(section.heading), ""]
            for item in section.items { out += lines(item, depth: 0) }
        }
        out += ["", "---", "", escape(document.closing)]
        return out.joined(separator: "\n") + "\n"
    }

    /// A list item (nested two spaces per level), line breaks in it kept as hard breaks.
    static func lines(_ item: SummaryItem, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        // A bullet is already what the list item shows.
        let marker = item.marker.flatMap { $0 == "•" ? nil : escape($0) + " " } ?? ""
        let text = marker + item.runs.map(run).joined()
        let continuation = "\\\n" + indent + "  "
        var out = [indent + "- " + text.replacingOccurrences(of: "\n", with: continuation)]
        for child in item.children { out += lines(child, depth: depth + 1) }
        return out
    }

    static func run(_ run: SummaryRun) -> String {
        let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        return lines.map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return line }
            let lead = String(line.prefix { $0 == " " })
            let tail = String(line.reversed().prefix { $0 == " " })
            let body: String
            switch run.kind {
            case .plain: body = escape(trimmed)
            case .own, .strong, .status: body = "**" + escape(trimmed) + "**"
            case .note: body = "*" + escape(trimmed) + "*"
            case .mono: body = "`" + trimmed.replacingOccurrences(of: "`", with: "'") + "`"
            }
            return lead + body + tail
        }.joined(separator: "\n")
    }

    /// Escapes what Markdown would read as markup: emphasis, links, code, HTML, tables, and
    /// list or heading markers at the start of a line.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#~&!".contains(character) { out.append("\\") }
            out.append(character)
        }
        // "1. " or "- " at the start of a line would start a list.
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            if let first = line.first, "-+=".contains(first) { line = "\\" + line }
            let digits = line.prefix { $0.isNumber }
            if !digits.isEmpty, line.dropFirst(digits.count).first.map({ $0 == "." || $0 == ")" }) == true {
                let index = line.index(line.startIndex, offsetBy: digits.count)
                line = String(line[..<index]) + "\\" + String(line[index...])
            }
            return line
        }.joined(separator: "\n")
    }
}
