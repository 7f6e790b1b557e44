import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// A short lock held by another machine (its process cannot be checked, so the lock is not
/// taken over until it is stale): the screen answers at once, says who holds it, keeps the
/// change and saves it when the lock is free.
final class LockElsewhereTests: XCTestCase {
    /// Writes a lock file as another machine's Stepwise would, taken just now.
    private func holdElsewhere(_ path: String) throws {
        let since = ISO8601DateFormatter().string(from: Date())
        let claim = #"{"identity":{"coach":"Bo","user":"bo","host":"laptop-7","pid":4242},"since":"\#(since)","token":"k-elsewhere"}"#
        try Data(claim.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The time a key takes to answer, in seconds.
    private func timed(_ h: AppHarness, _ keys: Key...) -> TimeInterval {
        let start = Date()
        keys.forEach { h.press($0) }
        return Date().timeIntervalSince(start) / Double(keys.count)
    }

    func testASaveWhileTheJournalLockIsHeldElsewhereKeepsTheScreenAnswering() throws {
        let h = try AppHarness()
        guard let grace = h.id(of: "Grace O'Neill") else { return XCTFail("no Grace in the demo data") }
        h.open("grace")
        let lock = ParticipantJournal.lockPath(grace, in: h.store)
        try holdElsewhere(lock)
        h.press(.char("g"))
        h.type("Drive a forklift")
        XCTAssertLessThan(timed(h, .enter), 0.1, "the save key answers at once")
        XCTAssertNil(h.state.form)
        XCTAssertTrue(h.flatScreen.contains("Not saved yet: Bo on laptop-7 holds the lock."), h.screen)
        XCTAssertFalse(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Drive a forklift" })
        XCTAssertLessThan(timed(h, .down, .up, .down), 0.1, "keys answer while the save waits")
        XCTAssertTrue(h.app.retryPending())
        XCTAssertFalse(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Drive a forklift" }, "still held")
        // Leaving the record keeps its edit lock until the change is saved.
        let recordLock = h.store.root.appendingPathComponent("locks/" + grace + ".lock").path
        h.press(.escape)
        XCTAssertNil(h.state.open, h.screen)
        XCTAssertTrue(FileManager.default.fileExists(atPath: recordLock), "nobody else edits it before the change is saved")

        try FileManager.default.removeItem(atPath: lock)
        XCTAssertTrue(h.app.retryPending())
        XCTAssertTrue(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Drive a forklift" }, "saved once free")
        XCTAssertTrue(h.flatScreen.contains("The lock is free again: your change is saved."), h.screen)
        XCTAssertFalse(h.app.retryPending(), "nothing is left to save")
        XCTAssertFalse(FileManager.default.fileExists(atPath: recordLock), "the edit lock is given back once saved")
    }

    func testAnOfferSavedWhileItsLockIsHeldElsewhereLandsAtTheNextKey() throws {
        let h = try AppHarness()
        h.press(.char("o"))
        guard let offer = h.state.catalogue.map({ $0.filter.list(h.state.offers, order: h.app.env.strings.formats) })?.first else { return XCTFail("no offers") }
        let lock = BookingStore.lockPath(offer.id, in: h.store)
        try holdElsewhere(lock)
        h.press(.char("e"))
        h.type(" (moved)")
        XCTAssertLessThan(timed(h, .enter), 0.1)
        XCTAssertTrue(h.flatScreen.contains("Bo on laptop-7"), h.screen)
        XCTAssertEqual(try h.store.loadOffer(offer.id).title, offer.title)
        try FileManager.default.removeItem(atPath: lock)
        h.press(.down)
        XCTAssertEqual(try h.store.loadOffer(offer.id).title, offer.title + " (moved)", "the next key saves it")
    }

    /// A save that waited for its lock and is made after the coach opened another record
    /// changes only its own record: the record shown keeps its own journal and history, and
    /// its next save writes nothing of the first one into its file.
    func testASaveMadeAfterAnotherRecordWasOpenedStaysWithItsOwnRecord() throws {
        let h = try AppHarness()
        // An offer with a free seat that she holds no place in (the demo's bookings vary with its ids).
        guard let grace = h.id(of: "Grace O'Neill"),
            let offer = h.store.loadOffers().offers.last(where: {
                $0.status == .open && $0.booked.count < $0.capacity && Booking.place(of: grace, in: $0) == nil
            })?.id
        else { return XCTFail("no Grace or no offer with a free seat for her") }
        // Another terminal books her a seat: her journal has an entry Jürgen's has not.
        let other = BookingStore(store: DataStore(root: h.store.root), identity: Identity(coach: "Bo", user: "bo", host: "harness", pid: 1))
        _ = try other.book(grace, into: offer)
        h.open("grace")
        let graceJournal = h.state.open?.participant.journal ?? []
        XCTAssertFalse(graceJournal.isEmpty, "the booking is in Grace's journal")
        let lock = ParticipantJournal.lockPath(grace, in: h.store)
        try holdElsewhere(lock)
        h.press(.char("g"))
        h.type("Drive a forklift")
        h.press(.enter, .escape)
        XCTAssertNil(h.state.open, h.screen)
        h.open("jürgen")
        guard let jürgen = h.state.open?.participant else { return XCTFail("Jürgen is not open") }
        XCTAssertNotEqual(jürgen.journal, graceJournal)
        let history = h.state.open?.history.count

        try FileManager.default.removeItem(atPath: lock)
        XCTAssertTrue(h.app.retryPending())
        XCTAssertTrue(try h.store.loadParticipant(grace).plan.goals.contains { $0.text.text == "Drive a forklift" }, "saved once free")
        XCTAssertEqual(h.state.open?.participant.id, jürgen.id)
        XCTAssertEqual(h.state.open?.participant.journal, jürgen.journal, "Jürgen's journal, not Grace's")
        XCTAssertEqual(h.state.open?.history.count, history, "Grace's plan version is not Jürgen's")

        h.press(.char("g"))
        h.type("Learn Danish")
        h.press(.enter)
        XCTAssertEqual(try h.store.loadParticipant(jürgen.id).journal, jürgen.journal, "nothing of Grace's journal in Jürgen's file")
        XCTAssertEqual(try h.store.loadParticipant(grace).journal, graceJournal)
    }
}
