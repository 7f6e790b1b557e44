import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class DayTests: XCTestCase {
    func testISORoundTripAndComponents() {
        let d = day("2026-12-03")
        XCTAssertEqual(d.iso, "2026-12-03")
        XCTAssertEqual(d.components.year, 2026)
        XCTAssertEqual(d.components.month, 12)
        XCTAssertEqual(d.components.day, 3)
        XCTAssertEqual(Day(iso: "1970-01-01")?.ordinal, 0)
    }

    func testWeekdays() {
        XCTAssertEqual(day("2026-11-22").weekday, 7)  // a Sunday
        XCTAssertEqual(day("2026-11-23").weekday, 1)  // a Monday
        XCTAssertEqual(day("2024-02-29").weekday, 4)  // a Thursday
    }

    func testArithmeticAcrossMonthsAndLeapYears() {
        XCTAssertEqual(day("2024-02-28").adding(days: 1).iso, "2024-02-29")
        XCTAssertEqual(day("2026-12-31").adding(days: 1).iso, "2027-01-01")
        XCTAssertEqual(day("2026-03-01").adding(days: -1).iso, "2026-02-28")
        XCTAssertEqual(day("2026-01-01").days(to: day("2027-01-01")), 365)
    }

    func testRejectsDaysThatDoNotExist() {
        XCTAssertNil(Day(iso: "2026-02-29"))
        XCTAssertNil(Day(iso: "2026-13-01"))
        XCTAssertNil(Day(iso: "2026-1-01"))
        XCTAssertNil(Day(iso: "today"))
    }

    func testDayOfAMomentUsesTheTimeZone() {
        let moment = Date(timeIntervalSince1970: 1_795_300_000)  // 2026-11-21T21:06:40Z
        XCTAssertEqual(Day(moment, timeZone: TimeZone(identifier: "UTC")!).iso, "2026-11-21")
        XCTAssertEqual(Day(moment, timeZone: TimeZone(identifier: "Asia/Tokyo")!).iso, "2026-11-22")
    }
}
