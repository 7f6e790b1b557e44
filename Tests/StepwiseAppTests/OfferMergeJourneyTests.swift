import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// An offer edited in the catalogue form while another terminal or the command line changes
/// the same offer: only what the form changed is saved, onto the offer as it is on disk.
final class OfferMergeJourneyTests: XCTestCase {
    /// Opens the catalogue, and the form of its first offer; returns that offer's id.
    private func editFirstOffer(_ h: AppHarness, file: StaticString = #filePath, line: UInt = #line) -> String? {
        h.press(.char("o"))
        guard let catalogue = h.state.catalogue else {
            XCTFail("the catalogue is open:\n\(h.screen)", file: file, line: line)
            return nil
        }
        let offers = catalogue.filter.list(h.state.offers, order: h.app.env.strings.formats)
        guard let offer = offers.first else {
            XCTFail("the demo catalogue has offers", file: file, line: line)
            return nil
        }
        h.press(.char("e"))
        XCTAssertNotNil(h.state.form, "the offer form is open:\n\(h.screen)", file: file, line: line)
        return offer.id
    }

    /// Another process's change of the offer: its description, under the offer's lock.
    private func changeElsewhere(_ h: AppHarness, _ id: String, _ change: @escaping (inout Offer) -> Void) throws {
        let other = BookingStore(store: DataStore(root: h.store.root), identity: Identity(coach: "Bo", user: "bo", host: "harness", pid: 1))
        _ = try other.change(offer: id) { current, _ in
            guard var offer = current else { throw BookingStore.Failure.unknownOffer(id) }
            change(&offer)
            return Booking.Change(offer: offer, outcome: .updated(promoted: []), events: [])
        }
    }

    func testAFieldTheFormDidNotChangeKeepsTheChangeMadeMeanwhile() throws {
        let h = try AppHarness()
        guard let id = editFirstOffer(h) else { return }
        let before = try h.store.loadOffer(id)
        // Someone who holds no place in it yet (the demo's bookings vary with its ids).
        guard let guest = h.store.participantIDs().first(where: { Booking.place(of: $0, in: before) == nil }) else {
            return XCTFail("everyone holds a place in \(id)")
        }
        // Meanwhile, elsewhere: a seat is booked and the description and place are changed.
        _ = try BookingStore(store: DataStore(root: h.store.root), identity: Identity(coach: "Bo", user: "bo", host: "harness", pid: 1))
            .book(guest, into: id)
        try changeElsewhere(h, id) {
            $0.description = "Changed from the command line"
            $0.place = "Room 7"
        }
        h.type(" (new)")
        h.press(.enter)
        XCTAssertNil(h.state.form, "the form is saved:\n\(h.screen)")
        let saved = try h.store.loadOffer(id)
        XCTAssertEqual(saved.title, before.title + " (new)", "the form's own change is saved")
        XCTAssertEqual(saved.description, "Changed from the command line", "a change made meanwhile is kept")
        XCTAssertEqual(saved.place, "Room 7")
        XCTAssertTrue(Booking.place(of: guest, in: saved) != nil)
        XCTAssertEqual(h.state.message?.kind, .info, h.state.message?.text ?? "")
    }

    func testAFieldBothChangedKeepsTheDiskValueAndSaysSo() throws {
        let h = try AppHarness()
        guard let id = editFirstOffer(h) else { return }
        try changeElsewhere(h, id) {
            $0.title = "Renamed elsewhere"
            $0.suits = "Anyone"
        }
        h.type(" (mine)")
        h.press(.enter)
        let saved = try h.store.loadOffer(id)
        XCTAssertEqual(saved.title, "Renamed elsewhere", "a field both changed is not silently overwritten")
        XCTAssertEqual(saved.suits, "Anyone")
        XCTAssertEqual(h.state.message?.kind, .error)
        XCTAssertTrue(h.flatScreen.contains("Kept as changed there, not as you typed: Title"), h.screen)
    }

    func testMergeRules() {
        var base = Offer(
            id: "o-1", title: "A", kind: "workshop", description: "d", sessions: [OfferSession(day: Day(iso: "2026-12-01") ?? Day(iso: "2026-01-01")!, start: "10:00", end: "12:00")],
            place: "p", capacity: 5, language: "da")
        base.sessions[0].sequence = 3
        var edited = base
        edited.sessions = [OfferSession(day: base.sessions[0].day, start: "10:00", end: "12:00")]
        edited.capacity = 6
        edited.place = "same"
        var current = base
        current.capacity = 7
        current.place = "same"
        current.description = "theirs"
        let merge = OfferMerge.merge(base: base, edited: edited, current: current)
        XCTAssertEqual(merge.conflicts, [.capacity])
        XCTAssertEqual(merge.offer.capacity, 7)
        XCTAssertEqual(merge.offer.place, "same", "the same change on both sides is no conflict")
        XCTAssertEqual(merge.offer.description, "theirs")
        XCTAssertEqual(merge.offer.sessions[0].sequence, 3, "sessions at the same times are unchanged")
    }
}
