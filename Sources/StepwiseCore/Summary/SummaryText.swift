import Foundation

/// The plain-text form of the summary: A4 pages of at most `pageWidth` columns and
/// `pageHeight` lines, each page with the title and "page N of M" at the top. Nothing is
/// cut: long lines wrap at spaces, and words longer than a line are broken.
extension Summary {
    /// The lines of every page in order; each page but the last is filled with empty lines to
    /// `pageHeight`, so line `i` is on page `i / pageHeight + 1`, as on paper.
    public func text(pageWidth: Int = 72, pageHeight: Int = 60) -> [String] {
        let all = pages(pageWidth: pageWidth, pageHeight: pageHeight)
        var lines: [String] = []
        for (index, page) in all.enumerated() {
            lines += page
            if index < all.count - 1 {
                lines += Array(repeating: "", count: max(0, pageHeight - page.count))
            }
        }
        return lines
    }

    /// The pages, each a list of at most `pageHeight` lines of at most `pageWidth` columns.
    public func pages(pageWidth: Int = 72, pageHeight: Int = 60) -> [[String]] {
        SummaryText.pages(
            document, pageWidth: pageWidth, pageHeight: pageHeight,
            pageLabel: { n, of in
                strings("summary.page", ["n": String(n), "of": String(of)])
            })
    }

    /// The pages as one text for a printer: pages separated by form feeds, UTF-8, ending in
    /// a newline.
    public func printable(pageWidth: Int = 72, pageHeight: Int = 60) -> String {
        pages(pageWidth: pageWidth, pageHeight: pageHeight).map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}") + "\n"
    }
}

/// Laying out text in fixed columns, and the small pieces of text the summary formats share.
public enum SummaryText {
    /// The narrowest page the layout supports; narrower widths are widened to this.
    public static let minimumWidth = 24
    /// The fewest lines a page may have; fewer are raised to this.
    public static let minimumHeight = 8

    /// A line of the body and whether it must stay on the same page as the line after it.
    struct Line: Equatable {
        var text: String
        var keepWithNext = false
    }

    // MARK: - Pages

    static func pages(
        _ document: SummaryDocument, pageWidth: Int, pageHeight: Int,
        pageLabel: (Int, Int) -> String
    ) -> [[String]] {
        let width = max(minimumWidth, pageWidth)
        let height = max(minimumHeight, pageHeight)
        let body = bodyLines(document, width: width)
        var count = 1
        var chunks: [[String]] = []
        var headers: [[String]] = []
        // The header's height can depend on the number of pages ("page 10 of 10" may not
        // fit beside a long name): settle the count first.
        for _ in 0..<6 {
            headers = (1...count).map { header(title: document.title, label: pageLabel($0, count), width: width) }
            let headerHeight = headers.map(\.count).max() ?? 2
            chunks = paginate(body, capacity: max(1, height - headerHeight - 1))
            if chunks.count == count { break }
            count = chunks.count
        }
        if headers.count != chunks.count {
            headers = (1...chunks.count).map { header(title: document.title, label: pageLabel($0, chunks.count), width: width) }
        }
        let headerHeight = headers.map(\.count).max() ?? 2
        return zip(headers, chunks).map { header, chunk in
            header + Array(repeating: "", count: headerHeight - header.count) + [""] + chunk
        }
    }

    /// The title on the left and the page label on the right, then a double rule; the
    /// title wraps onto more lines when both do not fit on one.
    static func header(title: String, label: String, width: Int) -> [String] {
        let gap = width - DisplayWidth.of(title) - DisplayWidth.of(label)
        var lines: [String]
        if gap >= 2 {
            lines = [title + String(repeating: " ", count: gap) + label]
        } else {
            lines = wrap(title, width: width)
            lines.append(String(repeating: " ", count: max(0, width - DisplayWidth.of(label))) + label)
        }
        lines.append(String(repeating: "═", count: width))
        return lines
    }

    /// Splits the body into pages of `capacity` lines: no page starts with an empty line,
    /// and a heading is never left alone at the bottom of a page.
    static func paginate(_ body: [Line], capacity: Int) -> [[String]] {
        var pages: [[Line]] = []
        var current: [Line] = []
        for line in body {
            if current.count >= capacity {
                var carried: [Line] = []
                while let last = current.last, last.keepWithNext, current.count > 1 {
                    carried.insert(last, at: 0)
                    current.removeLast()
                }
                if current.allSatisfy({ $0.keepWithNext }) {
                    current += carried
                    carried = []
                }
                pages.append(current)
                current = Array(carried.drop { $0.text.isEmpty })
            }
            if current.isEmpty && line.text.isEmpty { continue }
            current.append(line)
        }
        if !current.isEmpty || pages.isEmpty { pages.append(current) }
        return pages.map { page in
            var lines = page.map(\.text)
            while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
    }

    // MARK: - Body

    static func bodyLines(_ document: SummaryDocument, width: Int) -> [Line] {
        var lines: [Line] = []
        let labelWidth = min(document.facts.map { DisplayWidth.of($0.label) }.max() ?? 0, width / 3)
        for fact in document.facts {
            let label = wrap(fact.label, width: labelWidth)
            let valueWidth = width - labelWidth - 2
            let value = wrap(fact.value, width: valueWidth)
            for index in 0..<max(label.count, value.count) {
                let left = index < label.count ? label[index] : ""
                let right = index < value.count ? value[index] : ""
                lines.append(Line(text: trimRight(pad(left, to: labelWidth) + "  " + right)))
            }
        }
        for section in document.sections {
            lines.append(Line(text: ""))
            for heading in wrap(section.heading, width: width) { lines.append(Line(text: heading, keepWithNext: true)) }
            lines.append(Line(text: String(repeating: "─", count: min(width, DisplayWidth.of(section.heading))), keepWithNext: true))
            for item in section.items { lines += itemLines(item, indent: 2, width: width) }
        }
        lines.append(Line(text: ""))
        lines += wrap(document.closing, width: width).map { Line(text: $0) }
        return lines
    }

    /// An item with its marker and a hanging indent, then its children indented further.
    static func itemLines(_ item: SummaryItem, indent: Int, width: Int) -> [Line] {
        let indent = min(indent, width / 2)
        let marker = item.marker.map { $0 + " " } ?? ""
        let hang = indent + DisplayWidth.of(marker)
        let text = item.plainText
        var lines: [Line] = []
        for (index, piece) in wrap(text, width: max(1, width - hang)).enumerated() {
            let prefix = index == 0 ? String(repeating: " ", count: indent) + marker : String(repeating: " ", count: hang)
            lines.append(Line(text: trimRight(prefix + piece)))
        }
        if !item.children.isEmpty, let last = lines.indices.last {
            // A title stays with its first detail line (a goal with its first step, an
            // indicator with its bars).
            lines[last].keepWithNext = true
        }
        for child in item.children { lines += itemLines(child, indent: hang + 2, width: width) }
        return lines
    }

    // MARK: - Shared pieces

    /// A bar of ten cells filled up to the score (1–10).
    public static func bar(_ value: Int) -> String {
        let filled = max(0, min(10, value))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }

    /// A score right-aligned in two columns.
    public static func score(_ value: Int) -> String { value < 10 && value >= 0 ? " \(value)" : String(value) }

    /// One block character per score, from ▁ (1) to █ (10), the last twelve.
    public static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.suffix(12).map { blocks[max(0, min(7, ($0 - 1) * 7 / 9))] })
    }

    /// Text as typed, made safe to print: control characters (form feeds, escapes, tabs)
    /// become spaces, line breaks are kept only when asked, and ends are trimmed.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        if isClean(text) { return text }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let scalars = normalized.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == "\n" { return keepNewlines ? scalar : " " }
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" { return " " }
            return scalar
        }
        var result = String(String.UnicodeScalarView(scalars))
        if keepNewlines {
            result = result.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `clean` leaves `text` as it is: no control character (general category Cc:
    /// U+0000–U+001F, U+007F–U+009F), no line or paragraph separator, no white space at
    /// either end. Most text is, and is then not copied.
    private static func isClean(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return true }
        if CharacterSet.whitespacesAndNewlines.contains(first) || CharacterSet.whitespacesAndNewlines.contains(last) { return false }
        return !scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// Splits `text` into lines of at most `width` columns, at spaces where it can (never
    /// inside a date or a time, `LocaleFormats.holdsTogether`) and inside a word only when
    /// the word alone is too long. Line breaks in the text are kept, and so
    /// are runs of spaces inside a line (bars line up); spaces at a break are dropped.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for (gap, word) in tokens(paragraph) {
                var word = word
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + gap + wordWidth <= width {
                    line += String(repeating: " ", count: gap) + word
                    lineWidth += gap + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth > width {
                    // Cut in one pass: a piece still too wide (one wide character) is a line of its own.
                    var cut = DisplayWidth.pieces(word, width: width)
                    if let last = cut.last, DisplayWidth.of(last) <= width { word = cut.removeLast() } else { word = "" }
                    lines += cut
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The words of a line, each with the number of spaces before it; a word inside a date
    /// or a time goes on with the one before it (`LocaleFormats.holdsTogether`).
    private static func tokens(_ text: Substring) -> [(gap: Int, word: String)] {
        var result: [(Int, String)] = []
        // Between two pieces one space; an empty piece is a further space.
        var gap = 0
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { gap += 1 }
            guard !piece.isEmpty else { continue }
            if gap == 1, let last = result.last, LocaleFormats.holdsTogether(last.1, piece) {
                result[result.count - 1].1 += " " + piece
            } else {
                result.append((gap, String(piece)))
            }
            gap = 0
        }
        return result
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    static func trimRight(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
