/// A text field that edits by character as a person sees it (grapheme clusters, wide
/// characters), with the usual keys: ← → Home End Backspace Del and Ctrl-A/E/K/U/W.
/// A multi-line field also keeps line breaks (Ctrl-J), wraps at word boundaries and moves
/// the cursor by line (``moveVertically(_:width:)``); Home, End, Ctrl-A/E/K/U act within
/// the line between two breaks.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0…characters.count.
    public internal(set) var cursor: Int
    /// The most characters it takes.
    public let maxLength: Int
    /// True for a long text: line breaks are kept, and it is drawn on as many rows as it needs.
    public let isMultiline: Bool
    /// True while the text is a suggested default: the first character typed replaces it.
    public private(set) var isSuggestion = false

    /// A field holding `text` (cut to `maxLength` characters), the cursor at its end.
    public init(_ text: String = "", maxLength: Int = 2_000, multiline: Bool = false) {
        self.maxLength = maxLength
        isMultiline = multiline
        characters = []
        cursor = 0
        for character in text { insert(character) }
    }

    /// A field holding a suggested default (such as "today") that typing replaces.
    public init(suggesting text: String, maxLength: Int = 2_000) {
        self.init(text, maxLength: maxLength)
        isSuggestion = !text.isEmpty
    }

    /// The text as typed.
    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys it does not use.
    public mutating func handle(_ key: Key) -> Bool {
        if isSuggestion {
            isSuggestion = false
            switch key {
            case .char, .paste:
                characters.removeAll()
                cursor = 0
            default: break
            }
        }
        switch key {
        case .char(let c): insert(c)
        case .paste(let text): paste(text)
        case .ctrl("j"):
            guard isMultiline else { return false }
            insert("\n")
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = lineStart
        case .end, .ctrl("e"): cursor = lineEnd
        case .backspace, .ctrl("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("k"):
            // At the end of a line, Ctrl-K joins the next line to it.
            characters.removeSubrange(cursor..<(lineEnd == cursor ? min(characters.count, cursor + 1) : lineEnd))
        case .ctrl("u"):
            let start = lineStart
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Inserts one character at the cursor. A line break is kept in a multi-line field and
    /// becomes a space in a one-line field; other control characters are dropped.
    public mutating func insert(_ character: Character) {
        let character: Character = character.isNewline ? (isMultiline ? "\n" : " ") : character == "\t" ? " " : character
        guard characters.count < maxLength, !TextField.isControl(character) else { return }
        // A combining mark typed on its own joins the character before it.
        if cursor > 0, character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1, let merged = joined.first {
                characters[cursor - 1] = merged
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Inserts pasted text as text, whatever it holds: CR LF, CR and LF are line breaks
    /// (spaces in a one-line field), a tab is a space, other control characters are dropped.
    public mutating func paste(_ text: String) {
        for character in text { insert(character) }
    }

    /// True for a character that moves or changes the terminal instead of showing (C0, DEL, C1)
    /// other than the line break a multi-line field keeps.
    private static func isControl(_ character: Character) -> Bool {
        character != "\n" && character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// The first character of the line the cursor is in.
    private var lineStart: Int {
        var index = cursor
        while index > 0, characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    /// The end of the line the cursor is in (the line break, or the end of the text).
    private var lineEnd: Int {
        var index = cursor
        while index < characters.count, characters[index] != "\n" { index += 1 }
        return index
    }

    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n" { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Draws a one-line field in `width` columns at (x, y). Focused, it is scrolled so that
    /// the cursor is visible, with "…" at the left when its start is scrolled out, and
    /// places the terminal cursor; otherwise it shows its start, with "…" where it is cut.
    public func render(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, focused: Bool) {
        guard width > 1 else { return }
        let style = Style(underline: true, dim: isSuggestion)
        buffer.fill(y: y, from: x, to: x + width, style: style)
        guard focused else {
            buffer.put(DisplayWidth.truncate(text, to: width), x: x, y: y, style: style, limit: width)
            return
        }
        // First visible character: scroll until the cursor's column fits (after the "…").
        var first = 0
        var columnsBeforeCursor = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while columnsBeforeCursor > width - (first > 0 ? 2 : 1), first < cursor {
            columnsBeforeCursor -= DisplayWidth.of(characters[first])
            first += 1
        }
        let left = first > 0 ? buffer.put("…", x: x, y: y, style: style) : 0
        buffer.put(String(characters[first...]), x: x + left, y: y, style: style, limit: width - left)
        buffer.cursor = (x + left + columnsBeforeCursor, y)
    }
}

extension TextField: Codable {
    private enum CodingKeys: String, CodingKey { case text, maxLength, multiline }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .text), maxLength: try container.decode(Int.self, forKey: .maxLength),
            multiline: try container.decodeIfPresent(Bool.self, forKey: .multiline) ?? false)
        isSuggestion = false
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(maxLength, forKey: .maxLength)
        try container.encode(isMultiline, forKey: .multiline)
    }
}
