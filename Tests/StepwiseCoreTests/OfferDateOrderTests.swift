import StepwiseCore
import XCTest

/// Offers in date order: one day's offers by start time, then title; from a date on, by the
/// next session from then.
final class OfferDateOrderTests: XCTestCase {
    private let day = Day(ordinal: 20_000)

    private func offer(_ title: String, _ sessions: [(Int, String)]) -> Offer {
        Offer(
            id: "o-" + title.lowercased(), title: title, kind: "workshop", description: "",
            sessions: sessions.map { OfferSession(day: day.adding(days: $0.0), start: $0.1, end: "16:00") }, place: "Jobhuset",
            capacity: 5, language: "da")
    }

    func testOneDaysOffersGoByStartTime() {
        let afternoon = offer("Aften", [(0, "13:00")])
        let morning = offer("Morgen", [(0, "09:00")])
        let undated = offer("Anden", [])
        XCTAssertEqual(Offer.sortedInDateOrder([afternoon, undated, morning]).map(\.title), ["Morgen", "Aften", "Anden"])
        XCTAssertEqual(morning.firstSession()?.start, "09:00")
    }

    func testFromADateTheNextSessionCounts() {
        let started = offer("Begyndt", [(-6, "09:30"), (8, "09:30")])
        let soon = offer("Snart", [(2, "10:00")])
        XCTAssertEqual(started.firstSession(onOrAfter: day)?.day, day.adding(days: 8))
        XCTAssertEqual(Offer.sortedInDateOrder([started, soon], from: day).map(\.title), ["Snart", "Begyndt"])
        XCTAssertEqual(Offer.sortedInDateOrder([soon, started]).map(\.title), ["Begyndt", "Snart"])
    }
}
