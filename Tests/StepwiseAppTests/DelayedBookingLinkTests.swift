import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// A booking for a plan step whose save waited for the offer's lock (held on another machine)
/// and was made after the coach had closed the record: the step is linked in the record's
/// file under its edit lock, as a save from the screen would link it, or the coach is told
/// plainly that it was not.
final class DelayedBookingLinkTests: XCTestCase {
    /// Writes a lock file as another machine's Stepwise would, taken just now.
    private func holdElsewhere(_ path: String) throws {
        let since = ISO8601DateFormatter().string(from: Date())
        let claim = #"{"identity":{"coach":"Bo","user":"bo","host":"laptop-7","pid":4242},"since":"\#(since)","token":"k-elsewhere"}"#
        try Data(claim.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Opens Bente, books an offer for her first open step while the offer's lock is held
    /// elsewhere, and closes her record. Gives her id, the offer, the step and the held lock.
    private func bookWhileHeldThenClose(_ h: AppHarness) throws -> (id: String, offer: String, goal: String, step: String, lock: String) {
        h.open("Bente")
        let id = try XCTUnwrap(h.state.open?.participant.id)
        h.press(.char("2"))
        for _ in 0..<40 where h.state.form == nil {
            h.press(.char("b"))
            if h.state.confirm != nil { h.press(.escape) }
            if h.state.form == nil { h.press(.down) }
        }
        guard case .book(let offer)? = h.state.form?.purpose else { throw XCTSkip("no offer to book:\n\(h.screen)") }
        h.press(.right)
        let chosen = try XCTUnwrap(h.state.form?.fields.first?.choice).split(separator: "/").map(String.init)
        XCTAssertEqual(chosen.count, 2, "a step is chosen")
        let lock = BookingStore.lockPath(offer, in: h.store)
        try holdElsewhere(lock)
        h.press(.enter)
        XCTAssertNil(Booking.place(of: id, in: try h.store.loadOffer(offer)), "not booked while the lock is held")
        for _ in 0..<3 where h.state.open != nil { h.press(.escape) }
        XCTAssertNil(h.state.open, h.screen)
        return (id, offer, chosen[0], chosen[1], lock)
    }

    private func step(_ h: AppHarness, _ booked: (id: String, offer: String, goal: String, step: String, lock: String)) throws -> Step? {
        try h.store.loadParticipant(booked.id).plan.goals.first { $0.id == booked.goal }?.steps.first { $0.id == booked.step }
    }

    func testTheStepIsLinkedInTheFileUnderTheRecordsLock() throws {
        for (language, saved) in [("en", "The lock is free again: your change is saved."), ("da", "Låsen er fri igen: din ændring er gemt.")] {
            let h = try AppHarness(height: 40, language: language)
            let booked = try bookWhileHeldThenClose(h)
            let recordLock = h.store.root.appendingPathComponent("locks/\(booked.id).lock").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: recordLock), "\(language): the record stays locked until its booking is made")
            let versions = h.historyLines(booked.id).count
            let planVersion = try h.store.loadParticipant(booked.id).plan.version

            try FileManager.default.removeItem(atPath: booked.lock)
            XCTAssertTrue(h.app.retryPending())
            XCTAssertNotNil(Booking.place(of: booked.id, in: try h.store.loadOffer(booked.offer)), "\(language): booked")
            XCTAssertEqual(try step(h, booked)?.offerId, booked.offer, "\(language): the step is linked in the file")
            let record = try h.store.loadParticipant(booked.id)
            XCTAssertEqual(record.plan.version, planVersion + 1, language)
            let history = h.historyLines(booked.id)
            XCTAssertEqual(history.count, versions + 1, "\(language): the link is a plan version, as from the screen")
            XCTAssertEqual(history.last?["version"] as? Int, record.plan.version)
            let audit = AuditLog(store: h.store).entries(for: booked.id).suffix(2).map(\.action)
            XCTAssertEqual(audit, [.booked, .changed], language)
            XCTAssertFalse(FileManager.default.fileExists(atPath: recordLock), "\(language): the edit lock is given back")
            XCTAssertTrue(h.flatScreen.contains(saved), h.screen)
            XCTAssertFalse(h.app.retryPending(), "nothing is left to save")
        }
    }

    /// The record's lock taken over by another terminal meanwhile, or the step gone from its
    /// file (a restored backup): the booking stands, the step is not linked, and the screen
    /// says so instead of "saved".
    func testACoachIsToldWhenTheStepCannotBeLinked() throws {
        let cases: [(String, Bool, String)] = [
            ("en", true, "The booking of Bente Holm in “"), ("en", true, "is made, but the plan step is not linked to it: Bo has the record open."),
            ("da", false, "men skridtet i planen er ikke knyttet til tilbuddet: skridtet er ikke længere i planen."),
            ("en", false, "is made, but the plan step is not linked to it: the step is no longer in the plan."),
        ]
        for (language, takenOver, expected) in cases {
            let h = try AppHarness(height: 40, language: language)
            let booked = try bookWhileHeldThenClose(h)
            let recordLock = h.store.root.appendingPathComponent("locks/\(booked.id).lock").path
            if takenOver {
                try holdElsewhere(recordLock)
            } else {
                var restored = try h.store.loadParticipant(booked.id)
                for g in restored.plan.goals.indices { restored.plan.goals[g].steps.removeAll { $0.id == booked.step } }
                try h.store.save(restored)
            }
            let versions = h.historyLines(booked.id).count
            try FileManager.default.removeItem(atPath: booked.lock)
            XCTAssertTrue(h.app.retryPending())
            XCTAssertNotNil(Booking.place(of: booked.id, in: try h.store.loadOffer(booked.offer)), "the booking stands")
            XCTAssertNil(try step(h, booked)?.offerId, "not linked")
            XCTAssertEqual(h.historyLines(booked.id).count, versions, "no plan version")
            XCTAssertEqual(h.state.message?.kind, .error)
            XCTAssertTrue(h.flatScreen.contains(expected), "\(language): \(expected)\n\(h.screen)")
            if takenOver { XCTAssertEqual(RecordLock.read(recordLock)?.identity.coach, "Bo", "Bo's lock is left as it is") }
        }
    }

    /// A kept booking refused once the lock is free (the offer was cancelled meanwhile) says
    /// so, and is not followed by "your change is saved".
    func testABookingRefusedOnceTheLockIsFreeIsNotCalledSaved() throws {
        let h = try AppHarness(height: 40)
        let booked = try bookWhileHeldThenClose(h)
        try FileManager.default.removeItem(atPath: booked.lock)
        let other = BookingStore(store: DataStore(root: h.store.root), identity: Identity(coach: "Bo", user: "bo", host: "harness", pid: 1))
        _ = try other.cancel(offer: booked.offer)
        XCTAssertTrue(h.app.retryPending())
        XCTAssertNil(Booking.place(of: booked.id, in: try h.store.loadOffer(booked.offer)))
        XCTAssertEqual(h.state.message?.kind, .error)
        XCTAssertTrue(h.flatScreen.contains("is cancelled; nothing was booked."), h.screen)
        XCTAssertFalse(h.flatScreen.contains("your change is saved"), h.screen)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: h.store.root.appendingPathComponent("locks/\(booked.id).lock").path),
            "the edit lock is given back")
    }
}
