import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Dates as Swedish and German speakers type them, and as the tables write them.
final class DateParserLanguageTests: XCTestCase {
    let today = day("2026-11-22")  // a Sunday

    func parser(_ language: String) throws -> DateParser {
        let english = try Localizer.load(language: "en", resources: resourcesURL)
        return DateParser(localizer: try Localizer.load(language: language, resources: resourcesURL), english: english)
    }

    func testSwedishForms() throws {
        let p = try parser("sv")
        XCTAssertEqual(p.parse("2026-12-03", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3/12/2026", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3/12", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("idag", today: today)?.iso, "2026-11-22")
        XCTAssertEqual(p.parse("i dag", today: today)?.iso, "2026-11-22")
        XCTAssertEqual(p.parse("Imorgon", today: today)?.iso, "2026-11-23")
        XCTAssertEqual(p.parse("i morgon", today: today)?.iso, "2026-11-23")
        XCTAssertEqual(p.parse("i går", today: today)?.iso, "2026-11-21")
        XCTAssertEqual(p.parse("onsdag", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("tor", today: today)?.iso, "2026-11-26")
        XCTAssertEqual(p.parse("söndag", today: today)?.iso, "2026-11-29", "the same weekday means next week")
        XCTAssertEqual(p.parse("+2v", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("+2 veckor", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("+3 dagar", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("tomorrow", today: today)?.iso, "2026-11-23", "English words work in every language")
        XCTAssertNil(p.parse("i övermorgon", today: today))
    }

    func testGermanForms() throws {
        let p = try parser("de")
        XCTAssertEqual(p.parse("3.12.2026", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("03.12.26", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("3.12.", today: today)?.iso, "2026-12-03")
        XCTAssertEqual(p.parse("heute", today: today)?.iso, "2026-11-22")
        XCTAssertEqual(p.parse("Morgen", today: today)?.iso, "2026-11-23")
        XCTAssertEqual(p.parse("gestern", today: today)?.iso, "2026-11-21")
        XCTAssertEqual(p.parse("Mittwoch", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("Do.", today: today)?.iso, "2026-11-26")
        XCTAssertEqual(p.parse("so", today: today)?.iso, "2026-11-29", "the same weekday means next week")
        XCTAssertEqual(p.parse("+2w", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("+2 Wochen", today: today)?.iso, "2026-12-06")
        XCTAssertEqual(p.parse("+3 Tage", today: today)?.iso, "2026-11-25")
        XCTAssertEqual(p.parse("+1t", today: today)?.iso, "2026-11-23")
        XCTAssertNil(p.parse("übermorgen", today: today))
    }

    func testDatesAreWrittenTheWayEachLanguageWritesThem() throws {
        let day = day("2026-12-03")  // a Thursday
        let expected = [
            "en": ("3 Dec 2026", "Thu 3 Dec 2026", "03/12/2026"),
            "da": ("3. dec. 2026", "tors. 3. dec. 2026", "03.12.2026"),
            "sv": ("3 dec. 2026", "tors 3 dec. 2026", "2026-12-03"),
            "de": ("3. Dez. 2026", "Do., 3. Dez. 2026", "03.12.2026"),
        ]
        for (language, (short, weekday, numeric)) in expected {
            let strings = try Localizer.load(language: language, resources: resourcesURL)
            XCTAssertEqual(strings.shortDate(day), short, language)
            XCTAssertEqual(strings.dayWithWeekday(day), weekday, language)
            XCTAssertEqual(strings.numericDate(day), numeric, language)
            // What a table writes, its parser reads back.
            XCTAssertEqual(try parser(language).parse(strings.numericDate(day), today: self.today), day, language)
        }
    }
}
