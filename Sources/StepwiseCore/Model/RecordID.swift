import Foundation

/// Ids of records: generated, and never anything that could be read as a path.
public enum RecordID {
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A new random id such as `p-7k2mqx4d`.
    public static func generate(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let body = (0..<8).map { _ in String(alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))]) }
        return prefix + "-" + body.joined()
    }

    /// True for ids made only of lowercase ASCII letters, digits and inner hyphens (at most 64).
    public static func isValid(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), id.first != "-", id.last != "-" else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        }
    }
}
