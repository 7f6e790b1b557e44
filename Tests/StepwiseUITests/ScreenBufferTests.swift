import StepwiseCore
import XCTest

@testable import StepwiseUI

/// The screen grid gives every character the columns the terminal gives it.
final class ScreenBufferTests: XCTestCase {
    func testWideCharactersTakeTheirColumns() {
        var buffer = ScreenBuffer(width: 40, height: 1)
        let used = buffer.put("Åse 🇩🇰 ✅ ☕ 李|", x: 0, y: 0)
        XCTAssertEqual(used, 16)
        XCTAssertEqual(buffer[15, 0].character, "|")
        XCTAssertTrue(buffer[5, 0].isContinuation, "the flag's second column")
        XCTAssertTrue(buffer[8, 0].isContinuation, "✅'s second column")
    }

    /// A joined emoji is drawn as its parts, in the columns wcswidth gives it, so no terminal
    /// can draw it narrower and shift what follows.
    func testJoinedEmojiIsDrawnAsItsParts() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        XCTAssertEqual(buffer.put("👩‍👧|", x: 0, y: 0), 5)
        XCTAssertEqual(buffer[0, 0].character, "👩")
        XCTAssertEqual(buffer[2, 0].character, "👧")
        XCTAssertEqual(buffer[4, 0].character, "|")
        XCTAssertEqual(buffer.text, "👩👧|")
    }

    func testControlAndZeroWidthCharacters() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        XCTAssertEqual(buffer.put("a\u{1B}b\u{202E}c", x: 0, y: 0), 4)
        XCTAssertEqual(buffer.text, "a?bc")
    }

    /// Overwriting any column of a character four columns wide clears all of it.
    func testOverwritingPartOfAWideCharacterClearsAllOfIt() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("x👍🏽y", x: 0, y: 0)
        XCTAssertEqual(buffer[5, 0].character, "y")
        buffer.put("z", x: 3, y: 0)
        XCTAssertEqual(buffer.text, "x  z y")
        XCTAssertFalse((0..<10).contains { buffer[$0, 0].isContinuation })
    }
}
