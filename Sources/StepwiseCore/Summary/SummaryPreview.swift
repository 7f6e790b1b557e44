import Foundation

/// The summary tab's preview: the PDF's pages reflowed as lines of text for a terminal.
extension SummaryLayout {
    /// The pages as lines of text `columns` wide, for a preview on a terminal: the same
    /// words and the same page breaks as the PDF. Each text line of the page becomes a line
    /// (indents and columns from the positions on the page), a blank line stands for a gap,
    /// rules become lines of "─", and the rating bars cells of "█" on "░". A line longer than
    /// `columns` continues on the next, indented as it started.
    func preview(_ pages: [Page], columns: Int) -> [[String]] {
        let left = Self.left
        let leading = Self.leading
        let columnWidth = (Self.right - left) / Double(columns)
        func column(_ x: Double) -> Int { max(0, Int(((x - left) / columnWidth).rounded())) }
        return pages.map { page in
            // Pieces of each line, keyed by the baseline (rules and bars join the nearest text).
            var rows: [(y: Double, pieces: [Piece])] = []
            func add(_ y: Double, _ piece: Piece, tolerance: Double) {
                if let index = rows.firstIndex(where: { abs($0.y - y) <= tolerance }) {
                    rows[index].pieces.append(piece)
                } else {
                    rows.append((y, [piece]))
                }
            }
            for op in page.ops {
                switch op {
                case .text(let x, let y, let face, let size, let gray, let text, _):
                    let end = x + typesetter.width(text, TextStyle(face: face, size: size, gray: gray))
                    add(y, Piece(x: x, end: end, column: column(x), text: text), tolerance: 0.5)
                case .line(let x1, let y1, let x2, _, _, _):
                    add(
                        y1, Piece(x: x1, end: x2, column: column(x1), text: String(repeating: "─", count: max(1, column(x2) - column(x1)))),
                        tolerance: 0.5)
                case .rect:
                    continue
                }
            }
            for case .rect(let x, let y, let width, _, let fill, _, _) in page.ops {
                let cells = max(0, column(x + width) - column(x))
                add(
                    y + 1,
                    Piece(
                        x: x, end: x + width, column: column(x), text: String(repeating: fill == nil ? "░" : "█", count: cells),
                        isBar: true), tolerance: 3)
            }
            rows.sort { $0.y > $1.y }
            // Text after a gap at the same place on several lines (the facts' values) starts
            // in the same column on all of them.
            var stops: [Int: Int] = [:]
            for row in rows {
                for (x, start) in Self.line(row.pieces, columns: columns, stops: [:]).stops { stops[x] = max(stops[x] ?? 0, start) }
            }
            var lines: [String] = []
            var previous: Double?
            // Words a line of the page has no room for in `columns` begin the next line of the
            // same paragraph (one the layout says goes on it, with no mark of its own), so that
            // no word is left on a line of its own.
            var carried: (words: String, indent: Int)?
            func flush() {
                guard let words = carried else { return }
                lines += Self.wrapped(words.words, indent: words.indent, columns: columns)
                carried = nil
            }
            for row in rows {
                let gap = previous.map { $0 - row.y > leading * 1.6 } ?? false
                previous = row.y
                var (text, indent) = Self.line(row.pieces, columns: columns, stops: stops).text
                // Only a line of the same paragraph takes the words carried (an item of its own
                // begins its own line).
                let continuing = page.continuations.contains { abs($0 - row.y) <= 0.5 }
                if let words = carried, !gap, continuing, !row.pieces.contains(where: \.isBar), Self.continues(text) {
                    text = words.words + " " + text
                    carried = nil
                }
                flush()
                if gap { lines.append("") }
                // A line that begins with a mark ("○  ", "•  ") goes on under its text.
                let hang = Self.continues(text) ? indent : indent + text.prefix { !$0.isLetter && !$0.isNumber && !"“„«‹\"'(".contains($0) }.count
                let first = SummaryText.wrap(text, width: max(1, columns - indent))
                guard first.count > 1, let head = first.first else {
                    lines += Self.wrapped(text, indent: indent, columns: columns)
                    continue
                }
                var made = Self.wrapped(head, indent: indent, columns: columns)
                var rest = Self.wrapped(first.dropFirst().joined(separator: " "), indent: hang, columns: columns)
                if let last = rest.popLast() { carried = (String(last.dropFirst(hang)), hang) }
                made += rest
                lines += made
            }
            flush()
            return lines
        }
    }

    /// Text, a rule or a bar on a line of the page: where it starts and ends in points, and
    /// the column its start falls in.
    private struct Piece {
        var x: Double
        var end: Double
        var column: Int
        var text: String
        var isBar = false
    }

    /// Pieces placed at their columns, right-aligned ones pulled in to fit; text that runs on
    /// from the text before it follows it, and text that would overlap the text before it
    /// moves after it, two spaces after it where the page has a gap (so that a fact's label
    /// and its value never read as one phrase).
    /// Bars are drawn over their cells.
    private static func line(_ pieces: [Piece], columns: Int, stops: [Int: Int]) -> (text: (String, indent: Int), stops: [Int: Int]) {
        var cells: [Character] = []
        var placed: [Int: Int] = [:]
        var textEnd = 0
        var previousEnd: Double?
        for piece in pieces.sorted(by: { $0.x < $1.x }) {
            let characters = Array(piece.text)
            let gap = previousEnd.map { piece.x - $0 > 2 } ?? false
            // Text that runs on from the text before it (the next run of the same line, as a
            // bold title's " · place") follows it at once: bold is wider than its columns.
            let runsOn = !piece.isBar && !gap && textEnd > 0
            var start =
                piece.isBar
                ? piece.column
                : runsOn ? textEnd : max(min(piece.column, columns - characters.count), textEnd + (gap && textEnd > 0 ? 2 : 0))
            if gap && !piece.isBar {
                let stop = Int(piece.x.rounded())
                start = max(start, stops[stop] ?? 0)
                placed[stop] = start
            }
            if cells.count < start + characters.count {
                cells += Array(repeating: " ", count: start + characters.count - cells.count)
            }
            for (offset, character) in characters.enumerated() { cells[start + offset] = character }
            if !piece.isBar {
                textEnd = start + characters.count
                previousEnd = piece.end
            }
        }
        let text = SummaryText.trimRight(String(cells))
        let indent = text.prefix { $0 == " " }.count
        return ((String(text.dropFirst(indent)), indent), placed)
    }

    /// `text` wrapped to `columns` less `indent`, each line indented by `indent` spaces.
    /// No-break spaces hold dates together while wrapping, then show as spaces.
    private static func wrapped(_ text: String, indent: Int, columns: Int) -> [String] {
        SummaryText.wrap(text, width: max(1, columns - indent)).map {
            (String(repeating: " ", count: indent) + $0).replacingOccurrences(of: "\u{00A0}", with: " ")
        }
    }

    /// Whether a line of the page reads as the rest of the line before it: it starts with a
    /// word, a figure or a quotation mark, not with a mark of its own (•, ✓, ☐, –, a bar) and
    /// not as a numbered item ("2. ").
    private static func continues(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber || "“„”«»‹›\"'(".contains(first) else { return false }
        return text.range(of: #"^\d+[.)] "#, options: .regularExpression) == nil
    }
}

extension Summary {
    /// The PDF's pages as text `columns` wide, for the summary tab (see
    /// `SummaryLayout.preview`).
    public func preview(fonts: SummaryFonts, columns: Int) -> [[String]] {
        var layout = SummaryLayout(faces: [fonts.regular, fonts.bold])
        let pages = layout.pages(document, pageLabel: pageLabel)
        return layout.preview(pages, columns: columns)
    }
}
