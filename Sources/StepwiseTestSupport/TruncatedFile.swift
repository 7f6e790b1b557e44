import Foundation

extension Data {
    /// The first half of these bytes, cut at the start of a UTF-8 character (never after a
    /// lead byte and before its continuation bytes, 0x80–0xBF), so that the result is cut-off
    /// JSON, not text that is no longer UTF-8: which of the two a file is depends on where the
    /// middle falls, and that moves with the data (names, dates written around today).
    public func firstHalfAtACharacter() -> Data {
        var cut = count / 2
        while cut > 0, (0x80...0xBF).contains(self[startIndex + cut]) { cut -= 1 }
        return prefix(cut)
    }
}
