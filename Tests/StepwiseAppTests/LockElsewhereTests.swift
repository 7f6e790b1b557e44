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
}
