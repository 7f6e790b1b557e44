import Foundation

/// Text from records and files made safe to show on a terminal, a printed page or in a log:
/// every character that could drive the terminal, or make text read differently from what
/// is stored, is shown as a visible escape in Swift's notation, `\u{1B}` (the hexadecimal
/// Unicode scalar value, upper case, no leading zeros).
///
/// Escaped: C0 controls U+0000–U+001F (except the ones a caller keeps, such as a line feed in
/// multi-line text), DEL U+007F, C1 controls U+0080–U+009F (U+009B is a one-byte CSI to some
/// terminals), and the bidirectional controls of Unicode Standard Annex #9: U+061C, U+200E,
/// U+200F, U+202A–U+202E and U+2066–U+2069 (an override can make a name read backwards, the
/// "Trojan Source" attack, CVE-2021-42574).
///
/// Records keep what was typed; only what is shown is escaped.
public enum DisplaySafe {
    /// Whether a scalar is escaped for display.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every unsafe scalar written as `\u{XX}`, except the scalars in `keeping`
    /// (for example `"\n"` for text of several lines). Text without one is returned as it is.
    public static func text(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !keeping.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !keeping.contains(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON text (RFC 8259) with every unsafe scalar that JSON allows raw inside a string
    /// (DEL, C1, bidirectional controls) written as a `\uXXXX` escape, so that the document
    /// decodes to the same values but shows nothing that drives a terminal. JSON writers
    /// already escape U+0000–U+001F inside strings (outside them, tab, line feed and carriage
    /// return are white space and stay); the others can only occur inside strings.
    public static func json(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        func escaped(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x7F && isUnsafe(scalar) }
        guard text.unicodeScalars.contains(where: escaped) else { return data }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return Data(String(result).utf8)
    }
}
