import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// A clash names the other session by its day, start and end, in the question before booking
/// and in the warning on the next appointment alike (one formatter, `OfferSession.times`).
final class ClashTimesTests: XCTestCase {
    func testAClashSaysTheSessionsStartAndEnd() {
        let day = Day(iso: "2026-12-07") ?? Day(ordinal: 0)
        let theirs = OfferSession(day: day, start: "10:00", end: "12:00")
        let offer = Offer(
            id: "o-cv", title: "CV workshop", kind: "workshop", description: "", sessions: [OfferSession(day: day, start: "11:00", end: "13:00")],
            place: "", capacity: 5, language: "da")
        let other = Overlap.Other.offer(id: "o-mentor", title: "Mentorstøtte", session: theirs, waiting: false)
        for language in ["en", "da", "sv", "de"] {
            let s = Fixtures.env(language).strings
            let when = s.dayWithWeekday(day) + " 10:00–12:00"
            let question = OfferMessages.clash(offer, with: [Overlap(session: offer.sessions[0], other: other)], strings: s)
            XCTAssertTrue(question.contains(when), "\(language): \(question)")
            let warning = s("warning.appointmentClash", ["other": OfferMessages.named([other], strings: s)])
            XCTAssertTrue(warning.contains(when), "\(language): \(warning)")
        }
        XCTAssertEqual(OfferSession(day: day, start: "10:00", end: "").times, "10:00", "no end: the start alone")
    }
}
