import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// Pathological records stay usable: wrapping is linear in the text's length (a word of a
/// megabyte, with no space to break at, is cut in one pass). Checked by scaling, not by the
/// clock: four times the text may cost about four times as much, never sixteen.
final class PathologicalRecordTests: XCTestCase {
    /// The least of three timings of `body` on a text of `size` characters, in seconds.
    private func fastest(_ size: Int, _ body: (String) -> Void) -> Double {
        let text = String(repeating: "abcdefghij", count: size / 10)
        return (0..<3).map { _ in
            let start = Date()
            body(text)
            return Date().timeIntervalSince(start)
        }.min() ?? 0
    }

    /// Fails when `body` on 4× the text takes more than 8× as long (linear: 4×; quadratic: 16×).
    private func assertLinear(_ name: String, file: StaticString = #filePath, line: UInt = #line, _ body: (String) -> Void) {
        let small = fastest(100_000, body)
        let large = fastest(400_000, body)
        XCTAssertLessThan(large / max(small, 1e-6), 8, "\(name): \(small) s for 100,000 characters, \(large) s for 400,000", file: file, line: line)
    }

    func testWrappingALongWordIsLinear() {
        assertLinear("DisplayWidth.wrap") { XCTAssertEqual(DisplayWidth.wrap($0, width: 78).count, ($0.count + 77) / 78) }
        assertLinear("SummaryText.wrap") { XCTAssertEqual(SummaryText.wrap($0, width: 78).count, ($0.count + 77) / 78) }
        assertLinear("StyledLine.wrapped") { XCTAssertGreaterThan(StyledLine("  " + $0).wrapped(width: 78, indent: 4).count, $0.count / 78) }
        assertLinear("TextField.rows") { XCTAssertGreaterThan(TextField($0, maxLength: 1_000_000, multiline: true).rows(width: 60).count, $0.count / 60) }
    }

    func testAWrappedLongWordKeepsEveryCharacter() {
        let word = String(repeating: "åbcdé", count: 50)
        XCTAssertEqual(DisplayWidth.wrap(word, width: 7).joined(), word)
        XCTAssertTrue(DisplayWidth.wrap(word, width: 7).allSatisfy { DisplayWidth.of($0) <= 7 })
        XCTAssertEqual(SummaryText.wrap("x " + word, width: 7).joined(separator: " "), "x " + word.pieces(7).joined(separator: " "))
        let lines = StyledLine("ab " + word + " cd").wrapped(width: 10, indent: 2)
        XCTAssertEqual(lines.map { $0.segments.map(\.text).joined() }.joined().replacingOccurrences(of: " ", with: ""), "ab" + word + "cd")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0.segments.map(\.text).joined()) <= 10 })
    }
}

extension String {
    fileprivate func pieces(_ width: Int) -> [String] { DisplayWidth.pieces(self, width: width) }
}
