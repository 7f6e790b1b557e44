import Foundation

/// How a piece of text is set: which face (an index into the fonts), how large (points)
/// and how dark (0 black … 1 white).
struct TextStyle: Equatable {
    var face: Int
    var size: Double
    var gray: Double
}

/// Text set in one style, placed `x` points from the start of its line.
struct Fragment: Equatable {
    var style: TextStyle
    var text: String
    /// What a stand-in stands for (see `Typesetter.standIn`), nil for ordinary text.
    var actual: String?
    var x = 0.0
    var width = 0.0
}

/// Breaks text into lines of a given width in proportional fonts, and replaces what the
/// fonts cannot draw by a visible stand-in, so that no character is ever lost.
///
/// Lines break at spaces, never inside a date or a time (`LocaleFormats.holdsTogether`:
/// "tors. 3. dec. 2026", "kl. 10:00", "Fri 4 Dec 2026", "10 Uhr"); such a space holds like a
/// no-break space (U+00A0, which also holds). A word longer than the line is broken between characters.
struct Typesetter {
    let faces: [TrueTypeFont]
    /// The characters replaced by stand-ins so far, each once, in the order met.
    private(set) var standIns: [String] = []

    init(faces: [TrueTypeFont]) {
        self.faces = faces
    }

    /// The width of `text` in points; every character must be drawable.
    func width(_ text: String, _ style: TextStyle) -> Double {
        let font = faces[style.face]
        var units = 0.0
        for scalar in text.unicodeScalars where !PDFDocument.isInvisible(scalar) {
            units += font.width(font.glyph(for: PDFDocument.drawn(scalar)) ?? 0)
        }
        return units * style.size / 1000
    }

    /// The width of `character` in points as `width` measures it, when the face of `style`
    /// has a glyph for every visible part of it; nil when it has not, or nothing is visible.
    func drawnWidth(_ character: Character, _ style: TextStyle) -> Double? {
        let font = faces[style.face]
        var units = 0.0
        var visible = false
        for scalar in character.unicodeScalars where !PDFDocument.isInvisible(scalar) {
            guard let glyph = font.glyph(for: PDFDocument.drawn(scalar)) else { return nil }
            units += font.width(glyph)
            visible = true
        }
        return visible ? units * style.size / 1000 : nil
    }

    /// The visible stand-in for a character no font draws: its Unicode name in brackets,
    /// e.g. "[WHITE HEAVY CHECK MARK]", and for a flag its region, e.g. "[FLAG DK]".
    static func standIn(_ character: Character) -> String {
        let visible = character.unicodeScalars.filter { !PDFDocument.isInvisible($0) }
        let regions = visible.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
        if !regions.isEmpty && regions.count == visible.count {
            let letters = regions.compactMap { Unicode.Scalar($0.value - 0x1F1E6 + 65) }.map(Character.init)
            return "[FLAG " + String(letters) + "]"
        }
        return "[" + visible.map(name).joined(separator: " + ") + "]"
    }

    /// A character's Unicode name; for an ideograph, whose name is only its code point, and
    /// for a character without a name: "U+738B".
    private static func name(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        guard let name = scalar.properties.name, !name.hasPrefix("CJK UNIFIED IDEOGRAPH"), !name.hasPrefix("CJK COMPATIBILITY IDEOGRAPH")
        else {
            return code
        }
        return name
    }

    /// Sets `spans` (text and style) in lines at most `width` points wide. Line breaks in
    /// the text are kept.
    mutating func lines(_ spans: [(text: String, style: TextStyle)], width: Double) -> [[Fragment]] {
        var lines: [[Fragment]] = []
        var line: [Fragment] = []
        var x = 0.0
        func append(_ fragment: Fragment) {
            var fragment = fragment
            fragment.x = x
            x += fragment.width
            if let last = line.last, last.style == fragment.style, last.actual == nil, fragment.actual == nil {
                line[line.count - 1].text += fragment.text
                line[line.count - 1].width += fragment.width
            } else {
                line.append(fragment)
            }
        }
        func newLine() {
            lines.append(line)
            line = []
            x = 0
        }
        for chunk in chunks(spans) {
            if chunk.startsLine { newLine() }
            let chunkWidth = chunk.items.reduce(0) { $0 + $1.width }
            let space = line.isEmpty ? nil : chunk.space
            if !line.isEmpty, x + (space?.width ?? 0) + chunkWidth > width { newLine() }
            if let space, !line.isEmpty { append(space) }
            if chunkWidth <= width - x {
                chunk.items.forEach(append)
                continue
            }
            // Longer than a whole line: break between characters.
            for item in chunk.items {
                for piece in characters(item) {
                    if x + piece.width > width, !line.isEmpty { newLine() }
                    append(piece)
                }
            }
        }
        lines.append(line)
        return lines
    }

    /// A fragment split into one fragment per character (a stand-in stays whole).
    private func characters(_ fragment: Fragment) -> [Fragment] {
        guard fragment.actual == nil else { return [fragment] }
        return fragment.text.map { Fragment(style: fragment.style, text: String($0), width: width(String($0), fragment.style)) }
    }

    /// Text between places where a line may break, with the space before it.
    private struct Chunk {
        var space: Fragment?
        private(set) var items: [Fragment] = []
        /// The text has a line break before this chunk.
        var startsLine = false
        /// What the items stand for, joined: the text, with stand-ins read as the characters
        /// they stand for.
        private(set) var word = ""

        init(space: Fragment? = nil, startsLine: Bool = false) {
            self.space = space
            self.startsLine = startsLine
        }

        mutating func append(_ fragment: Fragment) {
            items.append(fragment)
            word += fragment.actual ?? fragment.text
        }

        mutating func append(_ chunk: Chunk) {
            items += chunk.items
            word += chunk.word
        }

        /// Takes the last item away (a stand-in to be joined with the next).
        mutating func removeLast() {
            items.removeLast()
            word = items.map { $0.actual ?? $0.text }.joined()
        }
    }

    /// `text` in Unicode Normalization Form C (composed: "e" and a combining acute as "é"),
    /// so that a character the fonts draw precomposed is found. Text whose scalars all lie
    /// where NFC changes nothing (Latin up to U+02FF, general punctuation, arrows, box drawing
    /// and shapes, dingbats: NFC quick check "yes" and combining class 0, UAX #15) is already in
    /// that form and is returned as it is.
    static func composed(_ text: String) -> String {
        let unchanged = text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x2010...0x205E, 0x2190...0x21FF, 0x2500...0x25FF, 0x2700...0x27BF: return true
            default: return false
            }
        }
        return unchanged ? text : text.precomposedStringWithCanonicalMapping
    }

    private mutating func chunks(_ spans: [(text: String, style: TextStyle)]) -> [Chunk] {
        var words: [Chunk] = [Chunk()]
        for (text, style) in spans {
            let space = width(" ", style)
            for character in Typesetter.composed(text) {
                // A line break, a space or a no-break space is a character of one scalar.
                var scalars = character.unicodeScalars.makeIterator()
                let first = scalars.next()?.value
                switch scalars.next() == nil ? first : nil {
                case 0x0A:
                    words.append(Chunk(startsLine: true))
                case 0x20:
                    words.append(Chunk(space: Fragment(style: style, text: " ", width: space)))
                case 0xA0, 0x202F:
                    words[words.count - 1].append(Fragment(style: style, text: "\u{00A0}", width: space))
                default:
                    let fragment: Fragment
                    if let width = drawnWidth(character, style) {
                        fragment = Fragment(style: style, text: String(character), width: width)
                    } else {
                        if !standIns.contains(String(character)) { standIns.append(String(character)) }
                        // Stand-ins side by side share one pair of brackets, "[U+738B U+82B3]",
                        // four at most, so that a line can break between them.
                        var actual = String(character)
                        var text = Typesetter.standIn(character)
                        if let last = words[words.count - 1].items.last, let before = last.actual, before.count < 4 {
                            words[words.count - 1].removeLast()
                            actual = before + actual
                            text = last.text.dropLast() + " " + text.dropFirst()
                        }
                        words[words.count - 1].append(Fragment(style: style, text: text, actual: actual, width: width(text, style)))
                        continue
                    }
                    words[words.count - 1].append(fragment)
                }
            }
        }
        // Dates and times hold together: join a word to the one before it where a break
        // would split them.
        var joined: [Chunk] = []
        for word in words {
            if let space = word.space, let previous = joined.last, !word.startsLine,
                LocaleFormats.holdsTogether(previous.word, word.word)
            {
                joined[joined.count - 1].append(Fragment(style: space.style, text: "\u{00A0}", width: space.width))
                joined[joined.count - 1].append(word)
            } else {
                joined.append(word)
            }
        }
        return joined
    }
}
