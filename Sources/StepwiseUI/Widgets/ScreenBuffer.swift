import StepwiseCore

/// How a cell looks. Meaning never rests on colour alone: every role also has an attribute
/// or a symbol, so a monochrome terminal shows the same.
public struct Style: Hashable, Sendable {
    /// The colour role, drawn only where colours are enabled.
    public enum Role: Hashable, Sendable { case normal, accent, warning, error, muted }

    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public var role: Role = .normal

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false, role: Role = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.role = role
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let selected = Style(reverse: true)
    public static let heading = Style(bold: true, role: .accent)
    public static let muted = Style(dim: true, role: .muted)
    public static let warning = Style(bold: true, role: .warning)
    public static let error = Style(bold: true, role: .error)
}

/// One terminal cell: a character and its style. The cells after the first of a character
/// wider than one column are continuation cells that draw nothing.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// A grid of cells that screens render into; the driver draws it, tests read it as text.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should stand (in a text field), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0

    /// A blank grid.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position.
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// A text that `put` could not show and gave no sign of: written outside the grid, or
    /// where no column was left for it (not even for "…"), with the place it was written to.
    /// Tests look for these: a screen that is laid out right has none.
    public struct Cut: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var text: String
    }

    /// Every text cut without a sign since the buffer was made (not part of `==`).
    public private(set) var cuts: [Cut] = []

    /// Writes `text` from column `x` of row `y`, at most `limit` columns (default: to the
    /// right edge), and returns the columns used. A text longer than that ends with "…" in
    /// its last column, so that nothing is ever cut without a sign.
    ///
    /// Each character takes `DisplayWidth.of` columns, as ncurses and the terminal count them;
    /// the cells after its first are continuation cells. A line break is shown as a space
    /// (where a long text is shown on one row); another character that cannot be printed (a
    /// control character) is shown as "?"; one of no width (a format character such as a
    /// bidirectional override, standing alone) is not drawn. A zero-width joiner is left out,
    /// so "👩‍👧" is drawn as "👩👧" in 4 columns: terminals disagree on whether they join such a
    /// sequence into one 2-column picture (tmux 3.3 does, ncurses does not), and a line drawn
    /// after one would stand shifted on some terminal.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else {
            if !text.allSatisfy(\.isWhitespace) { cuts.append(Cut(x: x, y: y, text: text)) }
            return 0
        }
        let end = min(width, x + (limit ?? width))
        var column = x
        // Where each drawn character starts, so that the last can give way to "…".
        var starts: [Int] = []
        let characters = Array(Self.drawn(text))
        for (index, character) in characters.enumerated() {
            let shown: Character = character == "\n" ? " " : DisplayWidth.isPrintable(character) ? character : "?"
            let w = DisplayWidth.of(shown)
            if w == 0 { continue }
            if column + w > end {
                let rest = characters[index...]
                guard !rest.allSatisfy(\.isWhitespace) else { break }
                guard end > x else {
                    cuts.append(Cut(x: x, y: y, text: text))
                    break
                }
                while column + 1 > end, let start = starts.popLast() {
                    fill(y: y, from: start, to: column, style: style)
                    column = start
                }
                if column >= 0 {
                    clearWideNeighbours(y: y, from: column, to: column + 1)
                    cells[y * width + column] = Cell(character: "…", style: style, isContinuation: false)
                }
                column += 1
                break
            }
            if column >= 0 {
                clearWideNeighbours(y: y, from: column, to: column + w)
                cells[y * width + column] = Cell(character: shown, style: style, isContinuation: false)
                for next in column + 1..<column + w {
                    cells[y * width + next] = Cell(character: " ", style: style, isContinuation: true)
                }
            }
            starts.append(column)
            column += w
        }
        return column - x
    }

    /// `text` as the screen draws it: without zero-width joiners (see `put`).
    private static func drawn(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{200D}") else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{200D}" }))
    }

    /// Before cells `start..<end` of row `y` are overwritten: a wide character cut by the edge
    /// of the write is replaced by spaces, so no part of it is ever drawn.
    private mutating func clearWideNeighbours(y: Int, from start: Int, to end: Int) {
        let row = y * width
        if start < width, cells[row + start].isContinuation {
            var column = start - 1
            while column > 0, cells[row + column].isContinuation { column -= 1 }
            for blank in column..<start {
                cells[row + blank] = Cell(character: " ", style: cells[row + blank].style, isContinuation: false)
            }
        }
        var column = end
        while column < width, cells[row + column].isContinuation {
            cells[row + column] = Cell(character: " ", style: cells[row + column].style, isContinuation: false)
            column += 1
        }
    }

    /// Fills a row segment with spaces in a style (for bars and selections).
    public mutating func fill(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        let first = max(0, x)
        let last = min(width, end ?? width)
        guard first < last else { return }
        clearWideNeighbours(y: y, from: first, to: last)
        for column in first..<last {
            cells[y * width + column] = Cell(character: " ", style: style, isContinuation: false)
        }
    }

    /// Changes the style of existing cells in a row segment, keeping their characters.
    public mutating func restyle(y: Int, from x: Int, to end: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end) { cells[y * width + column].style = style }
    }

    /// The rows as plain text, trailing spaces removed (what a person reads).
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation { line.append(self[column, row].character) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The whole screen as text, one row per line.
    public var text: String { lines().joined(separator: "\n") }

    /// The rows' styles, one letter per cell (so a wide character has a letter for each of its
    /// columns), trailing plain cells removed: what tests compare so that a selection or a
    /// warning that loses its highlight is seen. By role: `e` error, `w` warning, `a` accent,
    /// `m` muted; with the normal role: `b` bold, `d` dim, `u` underline, space for plain.
    /// Reverse video (the selection) makes the letter a capital, and a reversed plain cell `R`.
    public var styleText: String {
        (0..<height).map { row in
            var line = String((0..<width).map { Self.letter(self[$0, row].style) })
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private static func letter(_ style: Style) -> Character {
        let letter: Character
        switch style.role {
        case .error: letter = "e"
        case .warning: letter = "w"
        case .accent: letter = "a"
        case .muted: letter = "m"
        case .normal: letter = style.bold ? "b" : style.dim ? "d" : style.underline ? "u" : " "
        }
        guard style.reverse else { return letter }
        return letter == " " ? "R" : Character(letter.uppercased())
    }

    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
    }
}
