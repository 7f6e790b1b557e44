import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class DateParserTests: XCTestCase {
    let today = day("2026-11-22")  // a Sunday

    func parser(_ language: String) throws -> DateParser {
        let english = try Localizer.load(language: "en", resources: resourcesURL)
        return DateParser(localizer: try Localizer.load(language: language, resources: resourcesURL), english: english)
    }

    func testEnglishForms() throws {
        let p = try parser("en")
        XCTAssertEqual(p.parse("2026-12-03", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3/12/2026", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3/12", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("today", today: today)?.iso, "2026-11-22")
        XCTAssertEqual(p.parse(" Tomorrow ", today: today)?.iso, "2026-11-23")
        XCTAssertEqual(p.parse("+3d", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("+2w", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("+2 weeks", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("monday", today: today)?.iso, "2026-11-23")
        XCTAssertEqual(p.parse("Sun", today: today)?.iso, "2026-11-29", "the same weekday means next week")
    }

    func testDanishForms() throws {
        let p = try parser("da")
        XCTAssertEqual(p.parse("3.12.2026", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3.12.", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3.12.26", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("i dag", today: today)?.iso, "2026-11-22")
        XCTAssertEqual(p.parse("i morgen", today: today)?.iso, "2026-11-23")
        XCTAssertEqual(p.parse("onsdag", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("tor.", today: today)?.iso, "2026-11-26")
        XCTAssertEqual(p.parse("+2u", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("+3 dage", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("tomorrow", today: today)?.iso, "2026-11-23", "English words work in every language")
    }

    func testNonsenseIsNotADate() throws {
        let p = try parser("da")
        for text in ["", "31/2", "32.1.2026", "3.13", "someday", "+", "+3x", "1/2/3/4", "2026-02-30", "١/٢"] {
            XCTAssertNil(p.parse(text, today: today), text)
        }
    }
}
