import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A record opened in a screen is read in two parts: first without its notes and ratings (the
/// first screen shows neither), then whole from the same bytes; the two parts make exactly
/// the record read in one go, and a list that cannot be read fails as it does in one go.
final class FirstScreenReadTests: XCTestCase {
    let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)

    private func demo() throws -> TempStore {
        let temp = TempStore()
        try temp.store.prepare()
        _ = try DemoData.create(in: temp.store, resources: resourcesURL, today: day("2026-11-30"), by: anna)
        return temp
    }

    func testTheFirstScreenLeavesOutNotesAndRatingsAndTheRestMakesTheWholeRecord() throws {
        let temp = try demo()
        defer { temp.cleanUp() }
        var listed = 0
        for id in temp.store.participantIDs() {
            let url = try temp.store.participantFile(id)
            let data = try Data(contentsOf: url)
            let file = temp.store.relative(url)
            let whole = try RecordCodec.participant(from: data, file: file)
            let first = try XCTUnwrap(try RecordCodec.participantFirstScreen(from: data, file: file), id)
            XCTAssertEqual(first.notes, [], id)
            XCTAssertEqual(first.ratings, [], id)
            var filled = first
            filled.notes = whole.notes
            filled.ratings = whole.ratings
            XCTAssertEqual(filled, whole, "everything but the notes and ratings is read first: \(id)")
            XCTAssertEqual(try RecordCodec.participant(completing: first, from: data, file: file), whole, id)
            listed += whole.notes.count + whole.ratings.count
        }
        XCTAssertGreaterThan(listed, 0, "the demo records hold notes and ratings")
    }

    /// What the screen reads is the record `read` gives, remembered for the save in the same way.
    func testReadFirstScreenGivesTheRecordThatReadGives() throws {
        let temp = try demo()
        defer { temp.cleanUp() }
        for id in temp.store.participantIDs() {
            let (first, rest) = try ParticipantJournal.readFirstScreen(id, in: temp.store)
            let whole = try XCTUnwrap(rest, "a demo record of the current version is read in two parts").whole()
            XCTAssertEqual(whole, try ParticipantJournal.read(id, in: temp.store))
            XCTAssertEqual(first.id, whole.id)
            XCTAssertEqual(first.plan, whole.plan)
            XCTAssertEqual(first.sessions, whole.sessions)
        }
    }

    /// A damaged note does not stop the first screen, but the whole record fails with the
    /// problem a reading in one go names (file and field).
    func testADamagedNoteFailsTheWholeRecordAsAReadingInOneGo() throws {
        let temp = try demo()
        defer { temp.cleanUp() }
        let id = try XCTUnwrap(temp.store.participantIDs().first { (try? temp.store.loadParticipant($0).notes.isEmpty) == false })
        let url = try temp.store.participantFile(id)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var notes = try XCTUnwrap(object["notes"] as? [[String: Any]])
        notes[0]["kind"] = "gossip"
        object["notes"] = notes
        let data = try JSONSerialization.data(withJSONObject: object)
        let file = temp.store.relative(url)
        let first = try XCTUnwrap(try RecordCodec.participantFirstScreen(from: data, file: file))
        var expected = ""
        XCTAssertThrowsError(try RecordCodec.participant(from: data, file: file)) { expected = "\($0)" }
        XCTAssertThrowsError(try RecordCodec.participant(completing: first, from: data, file: file)) { error in
            XCTAssertEqual("\(error)", expected)
            XCTAssertTrue("\(error)".contains("notes[0]"), "\(error)")
        }
    }

    /// A file of an older version is migrated: it is read whole at once.
    func testAnOlderFileIsReadWhole() throws {
        let temp = try demo()
        defer { temp.cleanUp() }
        let id = try XCTUnwrap(temp.store.participantIDs().first)
        let url = try temp.store.participantFile(id)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["schemaVersion"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let (participant, rest) = try ParticipantJournal.readFirstScreen(id, in: temp.store)
        XCTAssertNil(rest)
        XCTAssertEqual(participant, try temp.store.loadParticipant(id))
    }
}

/// Records' dates are read as `JSONDecoder`'s `.iso8601` strategy reads them: the same date for
/// every text it accepts, the same problem for every text it refuses.
final class RecordDateTests: XCTestCase {
    private struct Stamped: Decodable { var at: Date }

    private func read(_ text: String, iso8601: Bool) -> Result<Date, Error> {
        let decoder = iso8601 ? JSONDecoder() : RecordCodec.decoder()
        if iso8601 { decoder.dateDecodingStrategy = .iso8601 }
        let data = Data(#"{"at": "\#(text)"}"#.utf8)
        return Result { try decoder.decode(Stamped.self, from: data).at }
    }

    private func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        switch (read(text, iso8601: true), read(text, iso8601: false)) {
        case (.success(let expected), .success(let date)):
            XCTAssertEqual(date, expected, text, file: file, line: line)
        case (.failure(let expected), .failure(let error)):
            guard let error = error as? DecodingError, let expected = expected as? DecodingError else {
                return XCTFail("\(text): not a DecodingError", file: file, line: line)
            }
            XCTAssertEqual("\(RecordProblem(file: "f", decoding: error))", "\(RecordProblem(file: "f", decoding: expected))", text, file: file, line: line)
        case (let expected, let got):
            XCTFail("\(text): .iso8601 gives \(expected), the record decoder \(got)", file: file, line: line)
        }
    }

    func testDatesAreReadAsTheISO8601StrategyReadsThem() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let seconds = Int.random(in: -2_000_000_000...4_200_000_000, using: &random)
            let text = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds)))
            assertSame(text)
        }
        let edges = [
            "2024-02-29T23:59:59Z", "2023-02-29T12:00:00Z", "2100-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-12-31T24:00:00Z", "2026-06-30T23:59:60Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
            "2026-01-32T00:00:00Z", "2026-01-01T00:60:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1582-10-15T00:00:00Z", "1599-12-31T23:59:59Z",
            "1600-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-11-30T09:00:00+01:00", "2026-11-30T09:00:00.123Z",
            "2026-11-30t09:00:00z", "2026-11-30 09:00:00Z", "2026-11-30T09:00:00", "2026-11-30", "20261130T090000Z", "",
            "2026-1a-30T09:00:00Z", "２０２６-11-30T09:00:00Z", "2026-11-30T09:00:00Z ", "+2026-11-30T09:00:00Z",
        ]
        edges.forEach { assertSame($0) }
    }
}
