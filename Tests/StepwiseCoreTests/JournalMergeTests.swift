import Foundation
import XCTest

@testable import StepwiseCore

/// A save keeps the journal entries others wrote meanwhile (`ParticipantJournal.merge`), in a
/// time linear in the journal's length: years of bookings do not slow a save down.
final class JournalMergeTests: XCTestCase {
    private func entry(_ index: Int, at second: Int) -> JournalEntry {
        JournalEntry(
            kind: .booked, offerId: "o-\(index)", offerTitle: "Offer \(index)",
            stamp: Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_764_000_000 + Double(second))))
    }

    func testALongJournalMergesInLinearTime() {
        // 40,000 entries, ten to a second: compared with every entry on disk, this took minutes.
        let onDisk = (0..<40_000).map { entry($0, at: $0 / 10) }
        var edited = onDisk
        edited.remove(at: 5)
        let mine = entry(-1, at: 1_000)
        edited.insert(mine, at: 0)
        let started = Date()
        let merged = ParticipantJournal.merge(onDisk: onDisk, edited: edited)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(merged.count, 40_001, "the entries on disk, and the one only the edited copy has")
        XCTAssertEqual(merged.firstIndex(of: mine), 10_010, "after the entries of earlier moments and those on disk of its own moment")
        XCTAssertEqual(Array(merged.prefix(10_000)), Array(onDisk.prefix(10_000)))
        XCTAssertEqual(ParticipantJournal.merge(onDisk: onDisk, edited: onDisk), onDisk, "nothing added")
    }
}
