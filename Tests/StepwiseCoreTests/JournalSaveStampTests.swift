import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A screen's save re-reads the file only when it changed since the screen read or wrote it,
/// and never loses a journal entry another terminal wrote in between.
final class JournalSaveStampTests: XCTestCase {
    let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testEntriesWrittenBetweenTwoSavesOfAScreenAreKept() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        try temp.store.save(Participant(id: "p-a", name: "A", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "A", at: t0)))
        var edited = try ParticipantJournal.read("p-a", in: temp.store)  // open in a screen
        edited.name = "A. Jensen"
        edited = try ParticipantJournal.save(edited, in: temp.store, as: anna)
        XCTAssertEqual(
            try ParticipantJournal.save(edited, in: temp.store, as: anna), edited, "unchanged on disk: the journal as remembered")

        // Another terminal books meanwhile (it renames a new file: the stamp changes).
        let other = DataStore(root: temp.store.root)
        let entry = JournalEntry(
            kind: .booked, offerId: "o-cv", offerTitle: "CV workshop", stamp: Stamp(by: "Bo", at: t0.addingTimeInterval(5)))
        try ParticipantJournal.append([entry], to: "p-a", in: other, as: anna, at: t0.addingTimeInterval(5))
        edited.name = "Anna Jensen"
        let saved = try ParticipantJournal.save(edited, in: temp.store, as: anna)
        XCTAssertEqual(saved.name, "Anna Jensen")
        XCTAssertEqual(saved.journal, [entry])
        XCTAssertEqual(try temp.store.loadParticipant("p-a"), saved)

        // A hand edit in place that adds an entry (same inode, new size and times) is read too.
        var onDisk = saved
        let second = JournalEntry(
            kind: .promoted, offerId: "o-cv", offerTitle: "CV workshop", stamp: Stamp(by: "Bo", at: t0.addingTimeInterval(9)))
        onDisk.journal.append(second)
        try RecordCodec.encode(onDisk).write(to: temp.store.participantFile("p-a"))
        XCTAssertEqual(try ParticipantJournal.save(saved, in: temp.store, as: anna).journal, [entry, second])
    }
}
