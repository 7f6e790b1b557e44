import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The first save of a record just opened takes the bytes of its unchanged list elements from
/// the file it was read from (`SplicedRecordEncoder.prepare(_:readFrom:)`): only from a file in
/// the layout `RecordCodec.encode` writes, and a file written otherwise is made the record's
/// own encoding again from the next save on.
final class SplicedFromFileTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_764_000_000)

    private func participant(notes: Int) -> Participant {
        var participant = Participant(
            id: RecordID.generate(prefix: "p"), name: "From File", language: "sv", courseStart: day("2026-11-02"),
            by: Stamp(by: "Anna", at: now))
        participant.notes = (0..<notes).map {
            ProgressNote(id: "n-\($0)", kind: .note, sessionId: nil, tags: [], text: Words("Anteckning \($0) \"citat\"", author: .coach, by: "Anna", at: now))
        }
        participant.plan.goals = [Goal(id: "g-1", kind: .job, text: Words("Körkort", author: .citizen, by: "Anna", at: now))]
        return participant
    }

    /// An empty data folder made ready for records.
    private func preparedStore() throws -> TempStore {
        let temp = TempStore()
        try temp.store.prepare()
        return temp
    }

    /// The pieces found in a file written by `RecordCodec` are the elements' own encodings.
    func testEachElementIsFoundInAFileAsRecordCodecWritesIt() throws {
        let record = participant(notes: 40)
        let bytes = try RecordCodec.encode(record)
        let columns = try XCTUnwrap(SplicedRecordEncoder.columns(of: record, readFrom: bytes))
        let notes = try XCTUnwrap(columns["notes"] as? SplicedRecordEncoder.Column<ProgressNote>)
        let goals = try XCTUnwrap(columns["plan.goals"] as? SplicedRecordEncoder.Column<Goal>)
        XCTAssertEqual(notes.pieces.count, 40)
        for (note, piece) in zip(record.notes, notes.pieces) {
            XCTAssertEqual(piece, SplicedRecordEncoder.indented(try RecordCodec.encoder().encode(note), by: 4))
        }
        XCTAssertEqual(goals.pieces, [SplicedRecordEncoder.indented(try RecordCodec.encoder().encode(record.plan.goals[0]), by: 6)])
        XCTAssertEqual(notes.encoded, 0)
    }

    /// A file in another layout, with a list twice, with other elements than the record, or of
    /// an older schema version gives no pieces (the save encodes instead).
    func testNoPiecesAreTakenFromAFileInAnotherLayout() throws {
        let record = participant(notes: 5)
        let bytes = try RecordCodec.encode(record)
        let text = String(decoding: bytes, as: UTF8.self)
        let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: bytes), options: [.sortedKeys])
        XCTAssertNil(SplicedRecordEncoder.columns(of: record, readFrom: compact), "compact JSON")
        let twice = text.replacingOccurrences(of: "\n  \"notes\" : [\n", with: "\n  \"notes\" : [\n\n  ],\n  \"notes\" : [\n")
        XCTAssertNil(SplicedRecordEncoder.columns(of: record, readFrom: Data(twice.utf8)), "the notes twice")
        var fewer = record
        fewer.notes.removeLast()
        XCTAssertNil(SplicedRecordEncoder.columns(of: fewer, readFrom: bytes), "a note more in the file than in the record")
        var more = record
        more.notes.append(record.notes[0])
        XCTAssertNil(SplicedRecordEncoder.columns(of: more, readFrom: bytes), "a note fewer in the file than in the record")
        let older = text.replacingOccurrences(
            of: "\"schemaVersion\" : \(Participant.currentSchemaVersion),", with: "\"schemaVersion\" : \(Participant.currentSchemaVersion - 1),")
        XCTAssertNil(SplicedRecordEncoder.columns(of: record, readFrom: Data(older.utf8)), "an older version")
        XCTAssertNotNil(SplicedRecordEncoder.columns(of: record, readFrom: bytes))
    }

    /// A file written by hand in the same layout but with a key Stepwise does not write: the
    /// first save still gives a file that reads back as the record saved, and once the check
    /// in the background has found the file not to be Stepwise's own encoding, the next save
    /// writes exactly that encoding.
    func testAFileWrittenByHandIsWrittenAsRecordCodecEncodesItAgain() throws {
        let temp = try preparedStore()
        defer { temp.cleanUp() }
        let record = participant(notes: 50)
        let url = try temp.store.participantFile(record.id)
        let canonical = String(decoding: try RecordCodec.encode(record), as: UTF8.self)
        let byHand = canonical.replacingOccurrences(of: "\"id\" : \"n-3\",", with: "\"id\" : \"n-3\",\n      \"mood\" : \"hopeful\",")
        XCTAssertNotEqual(byHand, canonical)
        try AtomicFile.write(Data(byHand.utf8), to: url)
        let before = SplicedRecordEncoder.counts(of: record.id).encoded
        var editing = try ParticipantJournal.read(record.id, in: temp.store)
        editing.notes[10].tags = ["health"]
        let first = try ParticipantJournal.save(editing, in: temp.store, as: anna)
        XCTAssertEqual(try temp.store.loadParticipant(record.id), first, "the file reads back as the record saved")
        // The check finds the file written otherwise and encodes every list element; with
        // the changed note, that many are encoded whichever came first.
        let all = record.conversations.count + record.notes.count + record.plan.goals.count + 1
        let deadline = Date().addingTimeInterval(10)
        while SplicedRecordEncoder.counts(of: record.id).encoded - before < all, Date() < deadline { usleep(10_000) }
        XCTAssertGreaterThanOrEqual(SplicedRecordEncoder.counts(of: record.id).encoded - before, all)
        editing = first
        editing.notes[20].tags = ["work"]
        let second = try ParticipantJournal.save(editing, in: temp.store, as: anna)
        let onDisk = try Data(contentsOf: url)
        XCTAssertEqual(onDisk, try RecordCodec.encode(second))
        XCTAssertNil(onDisk.range(of: Data("mood".utf8)))
    }

    /// A journal entry written into a record (a booking made at another terminal, through
    /// `ParticipantJournal.update`) encodes that entry only: the record's other elements are
    /// taken from the file just read, or from this process's last write while the file keeps
    /// its stamp; the file is the whole record's encoding each time.
    func testAJournalEntryWrittenIntoARecordEncodesThatEntryOnly() throws {
        let temp = try preparedStore()
        defer { temp.cleanUp() }
        var record = participant(notes: 300)
        let url = try temp.store.participantFile(record.id)
        // Written the whole way, as by another terminal: nothing of it is known to the encoder.
        try AtomicFile.write(try RecordCodec.encode(record), to: url)
        func booked(_ title: String) -> JournalEntry {
            JournalEntry(kind: .booked, offerId: nil, offerTitle: title, stamp: Stamp(by: "Anna", at: now))
        }
        func encodedBy(_ title: String) throws -> Int {
            let before = SplicedRecordEncoder.counts(of: record.id).encoded
            let written = try ParticipantJournal.append([booked(title)], to: record.id, in: temp.store, as: anna, at: now)
            XCTAssertEqual(try Data(contentsOf: url), try RecordCodec.encode(written), title)
            return SplicedRecordEncoder.counts(of: record.id).encoded - before
        }
        XCTAssertEqual(try encodedBy("CV workshop"), 1, "the entry only, read from the file: not 300 notes and a goal")
        XCTAssertEqual(try encodedBy("Job fair"), 1, "the entry only, the file unchanged since written here")
        // Another terminal adds a note: the file is read again, its elements' bytes taken from it.
        record = try temp.store.loadParticipant(record.id)
        record.notes.append(record.notes[0])
        try AtomicFile.write(try RecordCodec.encode(record), to: url)
        XCTAssertEqual(try encodedBy("Interview training"), 1, "the entry only, the file written elsewhere")
    }
}
