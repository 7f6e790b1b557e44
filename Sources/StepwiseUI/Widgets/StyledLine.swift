import StepwiseCore

/// A line of text made of styled pieces, as tab contents are written.
public struct StyledLine: Equatable, Sendable {
    public var segments: [(text: String, style: Style)]

    public init(_ segments: [(String, Style)]) { self.segments = segments.map { (text: $0.0, style: $0.1) } }

    /// A line in one style.
    public init(_ text: String, _ style: Style = .plain) { self.init([(text, style)]) }

    /// An empty line.
    public static let blank = StyledLine("")

    /// Draws the line at (x, y) within `width` columns; a line too long for them ends with
    /// "…" (in the style of the piece it cuts), never cut without a sign.
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        var column = x
        for segment in fitted(width) {
            column += buffer.put(segment.text, x: column, y: y, style: segment.style, limit: max(0, x + width - column))
        }
    }

    /// The segments cut to `width` columns, the last piece ending with "…" where text is cut;
    /// trailing spaces beyond the width are no cut.
    private func fitted(_ width: Int) -> [(text: String, style: Style)] {
        let widths = segments.map { DisplayWidth.of($0.text) }
        var used = 0
        for (index, segment) in segments.enumerated() {
            if used + widths[index] <= width {
                used += widths[index]
                continue
            }
            let rest = segments[index...].map(\.text).joined()
            if DisplayWidth.of(String(rest.reversed().drop { $0 == " " }.reversed())) + used <= width { return Array(segments) }
            // The piece that crosses the edge (or the one before it, if none of it fits) takes the "…".
            let room = width - used - 1
            if room >= 0 {
                return Array(segments[..<index]) + [(text: DisplayWidth.prefix(segment.text, fitting: room).text + "…", style: segment.style)]
            }
            guard index > 0 else { return [(text: String(DisplayWidth.prefix("…", fitting: width).text), style: segment.style)] }
            var before = Array(segments[..<index])
            let last = before.removeLast()
            let cut = DisplayWidth.prefix(last.text, fitting: max(0, widths[index - 1] - 1)).text + "…"
            return before + [(text: cut, style: last.style)]
        }
        return segments
    }

    /// The line broken at spaces into lines of at most `width` columns; lines after the
    /// first start with `indent` spaces. Styles stay with their words. A line break in the
    /// text (a hard line break the writer typed) always starts a new line. A line never
    /// breaks inside a date or a time (`LocaleFormats.holdsTogether`), nor inside a word
    /// that changes style, unless that alone is longer than a line.
    public func wrapped(width: Int, indent: Int) -> [StyledLine] {
        let paragraphs = self.paragraphs
        guard paragraphs.count > 1 else { return wrappedParagraph(width: width, indent: indent) }
        let margin = (String(repeating: " ", count: indent), Style.plain)
        return paragraphs.enumerated().flatMap { index, paragraph in
            (index == 0 ? paragraph : StyledLine([margin] + paragraph.segments.map { ($0.text, $0.style) }))
                .wrappedParagraph(width: width, indent: indent)
        }
    }

    /// The line split at its line breaks, each piece keeping its styles.
    private var paragraphs: [StyledLine] {
        guard segments.contains(where: { $0.text.contains("\n") }) else { return [self] }
        var lines = [StyledLine([])]
        for segment in segments {
            for (index, piece) in segment.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { lines.append(StyledLine([])) }
                if !piece.isEmpty { lines[lines.count - 1].segments.append((text: String(piece), style: segment.style)) }
            }
        }
        return lines
    }

    /// `wrapped` for a line without line breaks.
    private func wrappedParagraph(width: Int, indent: Int) -> [StyledLine] {
        guard width > indent + 4, DisplayWidth.of(segments.map(\.text).joined()) > width else { return [self] }
        // The words with their styles, in runs no line may break inside.
        typealias Word = (text: Substring, style: Style, spaced: Bool)
        var runs: [[Word]] = []
        var lastWord = ""
        for segment in segments {
            let words = segment.text.split(separator: " ", omittingEmptySubsequences: false)
            // The empty word after a segment's last space is nothing to lay out.
            for (index, word) in words.enumerated() where !(word.isEmpty && index == words.count - 1) {
                let next: Word = (word, segment.style, index < words.count - 1)
                if let previous = runs.last?.last, !previous.spaced {
                    runs[runs.count - 1].append(next)
                    lastWord += word
                } else if LocaleFormats.holdsTogether(lastWord, word) {
                    runs[runs.count - 1].append(next)
                    lastWord = String(word)
                } else {
                    runs.append([next])
                    lastWord = String(word)
                }
            }
        }
        var lines: [StyledLine] = []
        var current: [(String, Style)] = []
        var used = 0
        func flush() {
            lines.append(StyledLine(current))
            current = [(String(repeating: " ", count: indent), .plain)]
            used = indent
        }
        func put(_ word: Word) {
            // A word longer than a line is cut a row at a time; its width is kept, not
            // measured again, so that the cost stays linear in its length.
            var remaining = word.text
            var remainingWidth = DisplayWidth.of(String(remaining))
            while !remaining.isEmpty || word.spaced {
                if used + remainingWidth <= width {
                    current.append((String(remaining) + (word.spaced ? " " : ""), word.style))
                    used += remainingWidth + (word.spaced ? 1 : 0)
                    break
                } else if used > indent {
                    flush()
                } else {
                    let head = DisplayWidth.prefix(remaining, fitting: width - used, atLeastOne: true)
                    current.append((head.text, word.style))
                    remaining = remaining.dropFirst(head.text.count)
                    remainingWidth -= head.width
                    flush()
                }
            }
        }
        for run in runs {
            // A run that does not fit where the line is starts the next line, if it fits there.
            let runWidth = run.reduce(0) { $0 + DisplayWidth.of(String($1.text)) + ($1.spaced ? 1 : 0) } - (run.last?.spaced == true ? 1 : 0)
            if used + runWidth > width, used > indent, runWidth <= width - indent { flush() }
            run.forEach(put)
        }
        if current.contains(where: { !$0.0.trimmingCharacters(in: .whitespaces).isEmpty }) { lines.append(StyledLine(current)) }
        return lines
    }

    /// `lines` wrapped at spaces to `width` columns, as a details box shows them: a line that
    /// fits stays as it is; a longer one goes on over further rows, indented two columns more
    /// than its own first row, so that no text in the box ends in "…" while there is room below.
    public static func wrapping(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        lines.flatMap { line in
            let leading = line.segments.map(\.text).joined().prefix { $0 == " " }.count
            return line.wrapped(width: width, indent: leading + 2)
        }
    }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.segments.map(\.text) == rhs.segments.map(\.text) && lhs.segments.map(\.style) == rhs.segments.map(\.style)
    }
}
