import Foundation
import XCTest

@testable import StepwiseCore

final class DisplaySafeTests: XCTestCase {
    func testEveryControlAndBidirectionalScalarIsEscaped() {
        let unsafe: [UInt32] =
            Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
            + [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for value in unsafe {
            let scalar = Unicode.Scalar(value)!
            let shown = DisplaySafe.text("a" + String(Character(scalar)) + "b")
            XCTAssertEqual(shown, "a\\u{\(String(value, radix: 16, uppercase: true))}b")
            XCTAssertFalse(shown.unicodeScalars.contains(where: DisplaySafe.isUnsafe), "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(DisplaySafe.text("Søren Ærø 🇩🇰 עברית 👩‍👧 \\u{1B}"), "Søren Ærø 🇩🇰 עברית 👩‍👧 \\u{1B}", "printable text stays")
        XCTAssertEqual(DisplaySafe.text("line\nnext\ttab", keeping: ["\n"]), "line\nnext\\u{9}tab")
        // A carriage return followed by a line feed is two scalars: both are handled alone.
        XCTAssertEqual(DisplaySafe.text("a\r\nb"), "a\\u{D}\\u{A}b")
    }

    func testJSONKeepsItsValues() throws {
        let value = "Evil\u{1B}]0;x\u{07}\u{9B}31m\u{202E}\u{7F}\u{2066}"
        let encoded = try JSONSerialization.data(withJSONObject: ["title": value], options: [.prettyPrinted])
        let safe = DisplaySafe.json(encoded)
        XCTAssertFalse(String(decoding: safe, as: UTF8.self).unicodeScalars.contains { $0 != "\n" && DisplaySafe.isUnsafe($0) })
        let decoded = try JSONSerialization.jsonObject(with: safe) as? [String: String]
        XCTAssertEqual(decoded?["title"], value)
    }
}
