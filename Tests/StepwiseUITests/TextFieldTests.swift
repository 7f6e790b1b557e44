import XCTest

@testable import StepwiseUI

final class TextFieldTests: XCTestCase {
    func field(_ keys: [Key], start: String = "") -> TextField {
        var f = TextField(start)
        for key in keys { _ = f.handle(key) }
        return f
    }

    func testCursorMovesByCharacterAsAPersonSeesIt() {
        // "é" written as e + combining accent, and a flag: each one character.
        var f = field([.left, .left, .backspace], start: "Ze\u{301}🇩🇰x")
        XCTAssertEqual(f.text, "Z🇩🇰x")
        _ = f.handle(.char("ø"))
        XCTAssertEqual(f.text, "Zø🇩🇰x")
        XCTAssertEqual(f.cursor, 2)
    }

    func testCombiningMarkTypedAloneJoinsTheLetterBefore() {
        let f = field([.char("e"), .char("\u{301}")])
        XCTAssertEqual(f.characters.count, 1)
        XCTAssertEqual(f.text, "e\u{301}")
    }

    func testEditingKeys() {
        XCTAssertEqual(field([.home, .delete], start: "Åsa").text, "sa")
        XCTAssertEqual(field([.ctrl("a"), .right, .ctrl("k")], start: "Åsa").text, "Å")
        XCTAssertEqual(field([.left, .ctrl("u")], start: "Jürgen Weiß").text, "ß")
        XCTAssertEqual(field([.ctrl("w")], start: "Jürgen Weiß").text, "Jürgen ")
        XCTAssertEqual(field([.ctrl("w"), .ctrl("w")], start: "Jürgen Weiß").text, "")
        XCTAssertEqual(field([.home, .ctrl("e"), .char("!")], start: "æ").text, "æ!")
        XCTAssertEqual(field([.home, .backspace, .left], start: "a").cursor, 0)
        XCTAssertEqual(field([.end, .delete, .right], start: "a").cursor, 1)
    }

    func testNeverLongerThanItsLimit() {
        var f = TextField(maxLength: 3)
        for c in "abcdef" { f.insert(c) }
        XCTAssertEqual(f.text, "abc")
    }

    func testWideCharactersTakeTwoColumnsAndTheFieldScrolls() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        TextField("李小龙abc").render(into: &buffer, x: 0, y: 0, width: 10, focused: true)
        XCTAssertEqual(buffer.lines()[0], "李小龙abc")
        XCTAssertEqual(buffer.cursor?.x, 9)
        var small = ScreenBuffer(width: 5, height: 1)
        TextField("abcdefgh").render(into: &small, x: 0, y: 0, width: 5, focused: true)
        XCTAssertEqual(small.lines()[0], "…fgh", "the end stays in view while typing, and the cut start is marked")
        XCTAssertEqual(small.cursor?.x, 4)
        var unfocused = ScreenBuffer(width: 5, height: 1)
        TextField("abcdefgh").render(into: &unfocused, x: 0, y: 0, width: 5, focused: false)
        XCTAssertEqual(unfocused.lines()[0], "abcd…", "without the focus, the start shows and the cut is marked")
    }

    func testControlCharactersAreNeverDrawnRaw() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("a\u{1B}[2Jb", x: 0, y: 0)
        XCTAssertEqual(buffer.lines()[0], "a?[2Jb")
    }
}
