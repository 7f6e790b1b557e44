import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// The next appointment agreed when a session ends is checked against the citizen's offers:
/// one at the time of a session of an offer they hold a seat in is said once, in words, and
/// the next Enter keeps it; one at another time is saved at once.
final class AppointmentClashTests: XCTestCase {
    func testANextAppointmentDuringABookedSessionIsSaidOnceThenKept() throws {
        for language in ["en", "da", "sv", "de"] {
            let h = try AppHarness(height: 45, language: language)
            let s = h.app.env.strings
            // A citizen with a seat in an offer whose session is still to come, and none open.
            let offers = h.store.loadOffers().offers
            let today = h.state.today
            guard
                let (offer, session, id) = offers.lazy.compactMap({ offer -> (Offer, OfferSession, String)? in
                    guard offer.status == .open, let seat = offer.booked.first,
                        let session = offer.sessions.first(where: { $0.day > today && OfferSession.minutes($0.start) != nil })
                    else { return nil }
                    return (offer, session, seat.participantId)
                }).first,
                let participant = try? h.store.loadParticipant(id)
            else { return XCTFail("the demo data has no booked offer with a session to come") }
            h.open(participant.name)
            h.press(.char("s"))
            if h.state.open?.participant.openSession == nil { h.press(.enter) }
            XCTAssertNotNil(h.state.open?.participant.openSession, "\(language): a session runs\n\(h.screen)")

            // s again: end it, with the next appointment half an hour into the offer's session.
            h.press(.char("s"))
            XCTAssertEqual(h.state.form?.purpose, .endSession, h.screen)
            h.type("Vi ses – æøå")
            h.press(.tab)
            h.type(session.day.iso)
            h.press(.tab)
            let start = OfferSession.minutes(session.start) ?? 0
            h.type(String(format: "%02d:%02d", (start + 30) / 60, (start + 30) % 60))
            h.press(.enter)
            let said = s("warning.appointmentClash", ["other": "\u{1}"]).components(separatedBy: "\u{1}")[0]
            XCTAssertTrue(h.screen.contains("⚠ " + said), "\(language): the clash is not said\n\(h.screen)")
            let warning = h.state.form?.fields.compactMap(\.error).first ?? ""
            XCTAssertTrue(warning.contains(offer.title), "\(language): the offer \(offer.title) is not named: \(warning)")
            XCTAssertTrue(
                warning.contains(session.start + "–" + session.end), "\(language): the session's start and end are not said: \(warning)")
            XCTAssertNotNil(h.state.open?.participant.openSession, "\(language): saved without a word")
            XCTAssertNotNil(h.state.form, "\(language): the form is gone")

            // Enter again keeps it, as typed.
            h.press(.enter)
            XCTAssertNil(h.state.form, "\(language): the second Enter did not save\n\(h.screen)")
            let saved = try h.store.loadParticipant(id)
            XCTAssertNil(saved.openSession, language)
            XCTAssertEqual(saved.sessions.last?.next?.day, session.day, language)
            XCTAssertEqual(saved.sessions.last?.agreements?.text, "Vi ses – æøå", language)
        }
    }

    func testAppointmentsOutsideTheOffersSessionsAreNotClashes() throws {
        let h = try AppHarness()
        guard let id = h.store.participantIDs().first else { return XCTFail("no demo participant") }
        let participant = try h.store.loadParticipant(id)
        let day = h.state.today.adding(days: 7)
        var offer = Offer(
            id: "o-cv", title: "CV workshop", kind: "workshop", description: "", sessions: [OfferSession(day: day, start: "10:00", end: "12:00")],
            place: "", capacity: 5, language: "da")
        offer.booked = [Seat(participantId: participant.id, since: Date())]
        func clashes(_ time: String?, on day: Day = day) -> Int {
            Booking.overlaps(of: Appointment(day: day, time: time, place: "", contact: ""), for: participant, among: [offer]).count
        }
        XCTAssertEqual(clashes("10:30"), 1)
        XCTAssertEqual(clashes("09:30"), 1, "an hour from 09:30 runs into 10:00")
        XCTAssertEqual(clashes(nil), 1, "a day without a time is the whole day")
        XCTAssertEqual(clashes("09:00"), 0, "09:00–10:00 ends as the session starts")
        XCTAssertEqual(clashes("12:00"), 0)
        XCTAssertEqual(clashes("10:30", on: day.adding(days: 1)), 0)
        offer.booked = []
        offer.waiting = [Seat(participantId: participant.id, since: Date())]
        XCTAssertEqual(clashes("10:30"), 1, "a place in line counts")
        offer.status = .cancelled
        XCTAssertEqual(clashes("10:30"), 0, "a cancelled offer does not")
    }
}
