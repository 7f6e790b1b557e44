import Foundation
import StepwiseCore
import XCTest

/// Columns as the C library's wcwidth/wcswidth count them (glibc, which ncurses uses), per
/// grapheme cluster; the figures are glibc 2.36's.
final class DisplayWidthTests: XCTestCase {
    func testCharactersAsTheCLibraryCountsThem() {
        let expected: [(Character, Int)] = [
            ("A", 1), ("Å", 1), ("ß", 1), ("e\u{301}", 1),  // a base and a combining accent
            ("李", 2), ("。", 2), ("한", 2), ("\u{1100}\u{1161}", 2),  // CJK, Hangul (jamo L + V)
            ("✅", 2), ("☕", 2), ("⚽", 2), ("😀", 2), ("🧭", 2),  // emoji presentation
            ("🇩🇰", 2), ("🇸🇪", 2),  // flags: two regional indicators
            ("👩‍👧", 4), ("👨‍👩‍👧‍👦", 8), ("👍🏽", 4),  // joined and modified emoji
            ("❤️", 1), ("✂", 1),  // text presentation + VS16
            ("\u{200B}", 0), ("\u{202E}", 0),  // zero width, bidi override
            ("\u{1B}", 1), ("\u{2028}", 1),  // not printable: as the "?" shown
        ]
        for (character, width) in expected {
            XCTAssertEqual(DisplayWidth.of(character), width, "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testStrings() {
        XCTAssertEqual(DisplayWidth.of("Åse 🇩🇰 ✅ ☕ 👩‍👧 李小龍"), 24)
        XCTAssertEqual(DisplayWidth.of("Søren Ærø Kjærgaard"), 19)
        XCTAssertEqual(DisplayWidth.of("æøå日"), 5)
        XCTAssertEqual(DisplayWidth.of("a\r\nb"), 3)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testPrintable() {
        XCTAssertTrue(DisplayWidth.isPrintable("✅"))
        XCTAssertTrue(DisplayWidth.isPrintable("\u{202E}"))
        XCTAssertFalse(DisplayWidth.isPrintable("\u{1B}"))
        XCTAssertFalse(DisplayWidth.isPrintable("\u{9B}"))
        XCTAssertFalse(DisplayWidth.isPrintable("\u{2028}"))
    }

    func testTruncatePadAndWrapCountColumns() {
        XCTAssertEqual(DisplayWidth.truncate("✅☕李", to: 5), "✅☕…")
        XCTAssertEqual(DisplayWidth.pad("🇩🇰", to: 4), "🇩🇰  ")
        XCTAssertEqual(DisplayWidth.pad("👩‍👧x", to: 4), "…   ")
        XCTAssertEqual(DisplayWidth.wrap("☕☕☕ ab", width: 5), ["☕☕", "☕ ab"])
        // A character wider than the line gets a line of its own instead of looping for ever.
        XCTAssertEqual(DisplayWidth.wrap("李李", width: 1), ["李", "李"])
        XCTAssertEqual(DisplayWidth.prefix("ab李c", fitting: 3).text, "ab")
    }

    /// The answer does not depend on the process's locale: in the "C" locale, which a process
    /// has until it calls setlocale, wcwidth gives -1 for every non-ASCII character.
    func testIndependentOfTheProcessLocale() {
        let saved = String(cString: setlocale(LC_CTYPE, nil))
        defer { setlocale(LC_CTYPE, saved) }
        setlocale(LC_CTYPE, "C")
        XCTAssertEqual(DisplayWidth.of("李 ✅"), 5)
        XCTAssertEqual(String(cString: setlocale(LC_CTYPE, nil)), "C", "measuring leaves the locale as it was")
    }
}
