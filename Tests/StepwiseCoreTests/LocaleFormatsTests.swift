import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Dates, numbers, language names, week numbers and name order as each language writes them,
/// from Foundation's locale data (the exact strings people expect on screen and on paper).
final class LocaleFormatsTests: XCTestCase {
    func strings(_ language: String) throws -> Localizer { try Localizer.load(language: language, resources: resourcesURL) }

    func testDatesWithWeekdayPerLanguage() throws {
        let thursday = day("2026-12-03")
        let expected = [
            "en": ("Thu 3 Dec 2026", "Thu 3 Dec", "3 Dec 2026"),
            "da": ("tors. 3. dec. 2026", "tors. 3. dec.", "3. dec. 2026"),
            "sv": ("tors 3 dec. 2026", "tors 3 dec.", "3 dec. 2026"),
            "de": ("Do., 3. Dez. 2026", "Do., 3. Dez.", "3. Dez. 2026"),
        ]
        for (language, (full, noYear, short)) in expected {
            let s = try strings(language)
            XCTAssertEqual(s.dayWithWeekday(thursday), full, language)
            XCTAssertEqual(s.dayWithWeekday(thursday, year: false), noYear, language)
            XCTAssertEqual(s.shortDate(thursday), short, language)
        }
        // Months whose short form is not three letters with a dot.
        XCTAssertEqual(try strings("da").shortDate(day("2027-05-01")), "1. maj 2027")
        XCTAssertEqual(try strings("sv").shortDate(day("2027-03-01")), "1 mars 2027")
        XCTAssertEqual(try strings("de").dayWithWeekday(day("2027-03-01")), "Mo., 1. März 2027")
    }

    func testDatesWithTheirIsoWeek() throws {
        let monday = day("2026-12-07")
        XCTAssertEqual(try strings("da").dayWithWeek(monday), "man. 7. dec. (uge 50)")
        XCTAssertEqual(try strings("sv").dayWithWeek(monday), "mån 7 dec. (v. 50)")
        XCTAssertEqual(try strings("de").dayWithWeek(monday), "Mo., 7. Dez. (KW 50)")
        XCTAssertEqual(try strings("en").dayWithWeek(monday), "Mon 7 Dec (week 50)")
        let formats = try strings("da").formats
        // ISO 8601: 1 Jan 2027 is a Friday, so it is in week 53 of 2026; 31 Dec 2024 in week 1 of 2025.
        XCTAssertEqual(formats.isoWeek(day("2027-01-01")), 53)
        XCTAssertEqual(formats.isoWeekYear(day("2027-01-01")), 2026)
        XCTAssertEqual(formats.isoWeek(day("2024-12-31")), 1)
        XCTAssertEqual(formats.monday(ofWeek: 1, year: 2025), day("2024-12-30"))
        XCTAssertEqual(formats.monday(ofWeek: 53, year: 2026), day("2026-12-28"))
        XCTAssertNil(formats.monday(ofWeek: 53, year: 2027), "2027 has 52 weeks")
    }

    func testDecimalsAndLanguageNames() throws {
        XCTAssertEqual(try strings("en").number(7.5), "7.5")
        XCTAssertEqual(try strings("da").number(7.5), "7,5")
        XCTAssertEqual(try strings("sv").number(7.5), "7,5")
        XCTAssertEqual(try strings("de").number(7.5), "7,5")
        XCTAssertEqual(try strings("da").number(37), "37")
        XCTAssertEqual(try strings("da").languageName("da"), "dansk")
        XCTAssertEqual(try strings("da").languageName("sv"), "svensk")
        XCTAssertEqual(try strings("sv").languageName("da"), "danska")
        XCTAssertEqual(try strings("de").languageName("da"), "Dänisch")
        XCTAssertEqual(try strings("en").languageName("de"), "German")
    }

    func testNamesSortAsEachLanguageSortsThem() throws {
        let names = ["Åse", "Anna", "Ærø", "Ole", "Ärla", "Zoe", "Øivind", "bo"]
        XCTAssertEqual(try strings("da").sorted(names), ["Anna", "bo", "Ole", "Zoe", "Ärla", "Ærø", "Øivind", "Åse"])
        XCTAssertEqual(try strings("sv").sorted(names), ["Anna", "bo", "Ole", "Zoe", "Åse", "Ärla", "Ærø", "Øivind"])
        XCTAssertEqual(try strings("de").sorted(names), ["Ærø", "Anna", "Ärla", "Åse", "bo", "Øivind", "Ole", "Zoe"], "Ä with A, Æ as AE")
    }

    func testIsoWeeksAsDateInput() throws {
        let english = try strings("en")
        let sunday = day("2026-11-22")  // week 47
        func parse(_ text: String, _ language: String, today: Day = sunday) throws -> String? {
            DateParser(localizer: try strings(language), english: english).parse(text, today: today)?.iso
        }
        XCTAssertEqual(try parse("uge 50", "da"), "2026-12-07")
        XCTAssertEqual(try parse("Uge 50", "da"), "2026-12-07")
        XCTAssertEqual(try parse("v. 50", "sv"), "2026-12-07")
        XCTAssertEqual(try parse("v 50", "sv"), "2026-12-07")
        XCTAssertEqual(try parse("v50", "sv"), "2026-12-07")
        XCTAssertEqual(try parse("KW 50", "de"), "2026-12-07")
        XCTAssertEqual(try parse("week 50", "de"), "2026-12-07", "English words work in every language")
        XCTAssertEqual(try parse("week 47", "en"), "2026-11-16", "this week counts as the next occurrence")
        XCTAssertEqual(try parse("uge 2", "da"), "2027-01-11", "a week already past is next year's")
        XCTAssertEqual(try parse("uge 53", "da"), "2026-12-28")
        XCTAssertNil(try parse("uge 54", "da"))
        XCTAssertNil(try parse("uge", "da"))
        XCTAssertNil(try parse("KW 50", "da"), "German week words are not Danish")
        // Weekdays come from the locale: full, short, and unambiguous beginnings.
        XCTAssertEqual(try parse("tors.", "da"), "2026-11-26")
        XCTAssertEqual(try parse("tirs", "da"), "2026-11-24")
        XCTAssertEqual(try parse("to", "sv"), "2026-11-26")
        XCTAssertNil(try parse("t", "en"), "too short to tell Tuesday from Thursday")
    }
}
