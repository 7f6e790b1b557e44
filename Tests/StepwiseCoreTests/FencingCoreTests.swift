import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A short lock that was taken over while it was held (its holder stalled past the stale
/// limit) commits nothing: the write is fenced by the lock's token and made again.
final class FencingCoreTests: XCTestCase {
    private var temp: TempStore!

    override func setUpWithError() throws {
        temp = TempStore()
        try temp.store.prepare()
        try temp.store.save(
            Participant(
                id: "p-aaa", name: "Vera Vang", language: "da", courseStart: day("2026-01-05"),
                by: Stamp(by: "Anna", at: Date())))
    }

    override func tearDown() { temp.cleanUp() }

    func testAJournalWriteWhoseLockWasTakenOverIsMadeAgainFromAFreshRead() throws {
        let store = temp.store
        let lock = ParticipantJournal.lockPath("p-aaa", in: store)
        var attempts = 0
        let entry = JournalEntry(kind: .booked, offerId: "o-one", offerTitle: "Værksted", stamp: Stamp(by: "Anna", at: Date()))
        try ParticipantJournal.update("p-aaa", in: store, as: anna) { participant in
            attempts += 1
            if attempts == 1 {
                // While this writer stalls, its lock is judged stale and another writer takes
                // it over and adds its own entry.
                unlink(lock)
                var other = try store.loadParticipant("p-aaa")
                other.journal.append(
                    JournalEntry(
                        kind: .promoted, offerId: "o-two", offerTitle: "Kursus",
                        stamp: Stamp(by: "Bo", at: Date())))
                try store.save(other)
            }
            participant.journal.append(entry)
        }
        XCTAssertEqual(attempts, 2, "the change was made again under a new lock")
        XCTAssertEqual(try store.loadParticipant("p-aaa").journal.map(\.offerId), ["o-two", "o-one"], "nothing was lost")
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock))
    }

    func testACommitFencedByALockThatIsNoLongerOursWritesNothing() throws {
        let path = temp.store.locksDir.appendingPathComponent("offer-o-one.lock").path
        let held = try ExclusiveLock.acquire(path: path, as: anna)
        unlink(path)
        let other = try ExclusiveLock.acquire(path: path, as: anna)
        defer { other.release() }
        let target = temp.url.appendingPathComponent("offers/o-one.json")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: target, fence: held)) { error in
            XCTAssertTrue(error is ExclusiveLock.Lost, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertEqual(DataFolder.names(in: target.deletingLastPathComponent()), [], "no temp file stays behind")
    }
}
