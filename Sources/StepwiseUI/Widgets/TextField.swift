/// A one-line text field that edits by character as a person sees it (grapheme clusters,
/// wide characters), with the usual keys: ← → Home End Backspace Del and Ctrl-A/E/K/U/W.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0…characters.count.
    public private(set) var cursor: Int
    /// The most characters it takes.
    public let maxLength: Int
    /// True while the text is a suggested default: the first character typed replaces it.
    public private(set) var isSuggestion = false

    public init(_ text: String = "", maxLength: Int = 2_000) {
        self.maxLength = maxLength
        characters = Array(text.prefix(maxLength))
        cursor = characters.count
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
            if case .char = key {
                characters.removeAll()
                cursor = 0
            }
        }
        switch key {
        case let .char(c): insert(c)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Inserts one character at the cursor (pasted text arrives as many of these).
    public mutating func insert(_ character: Character) {
        guard characters.count < maxLength, !character.isNewline else { return }
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

    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Draws the field in `width` columns at (x, y), scrolled so that the cursor is visible,
    /// and places the terminal cursor when `focused`.
    public func render(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, focused: Bool) {
        guard width > 1 else { return }
        let style = Style(underline: true, dim: isSuggestion)
        buffer.fill(y: y, from: x, to: x + width, style: style)
        // First visible character: scroll until the cursor's column fits.
        var first = 0
        var columnsBeforeCursor = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while columnsBeforeCursor > width - 1, first < cursor {
            columnsBeforeCursor -= DisplayWidth.of(characters[first])
            first += 1
        }
        buffer.put(String(characters[first...]), x: x, y: y, style: style, limit: width)
        if focused { buffer.cursor = (x + columnsBeforeCursor, y) }
    }
}

extension TextField: Codable {
    private enum CodingKeys: String, CodingKey { case text, maxLength }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .text), maxLength: try container.decode(Int.self, forKey: .maxLength))
        isSuggestion = false
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(maxLength, forKey: .maxLength)
    }
}
