import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class DataStoreTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    func participant(_ name: String = "Søren Ærø", id: String = "p-abc123") -> Participant {
        Participant(
            id: id, name: name, language: "da", courseStart: day("2026-10-05"),
            by: Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000)))
    }

    func testSaveAndLoadRoundTripWithPrivateModes() throws {
        try temp.store.prepare()
        try temp.store.save(participant())
        XCTAssertEqual(try temp.store.loadParticipant("p-abc123"), participant())
        XCTAssertEqual(mode(temp.url), 0o700)
        XCTAssertEqual(mode(temp.url.appendingPathComponent("participants")), 0o700)
        XCTAssertEqual(mode(temp.url.appendingPathComponent("participants/p-abc123.json")), 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.url.appendingPathComponent("participants").path)
        XCTAssertEqual(leftovers, ["p-abc123.json"], "no temp files are left behind")
    }

    func testWrittenFileCarriesTheSchemaVersionAndReadableText() throws {
        try temp.store.prepare()
        try temp.store.save(participant())
        let text = try String(contentsOf: temp.url.appendingPathComponent("participants/p-abc123.json"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"schemaVersion\" : 1"))
        XCTAssertTrue(text.contains("Søren Ærø"), "text is stored as UTF-8, not escaped")
    }

    func testAnOverwriteKeepsTheModeAndReplacesTheContent() throws {
        try temp.store.prepare()
        try temp.store.save(participant())
        var changed = participant()
        changed.name = "Søren"
        try temp.store.save(changed)
        XCTAssertEqual(try temp.store.loadParticipant("p-abc123").name, "Søren")
        XCTAssertEqual(mode(temp.url.appendingPathComponent("participants/p-abc123.json")), 0o600)
    }

    func testIdsThatCouldBePathsAreRejected() {
        for bad in ["../etc/passwd", "a/b", "", ".hidden", "P-ABC", "p abc", "-p", String(repeating: "a", count: 65), "p-å"] {
            XCTAssertFalse(RecordID.isValid(bad), bad)
            XCTAssertThrowsError(try temp.store.participantFile(bad), bad)
        }
        XCTAssertTrue(RecordID.isValid(RecordID.generate(prefix: "p")))
    }

    func testProblemsNameTheFileAndTheField() throws {
        try temp.store.prepare()
        let dir = temp.url.appendingPathComponent("participants")
        let cases: [(String, String, String?)] = [
            ("p-trunc", "{\"schemaVersion\": 1, \"id\": \"p-tr", nil),
            ("p-empty", "", nil),
            ("p-type", #"{"schemaVersion":1,"id":"p-type","name":42}"#, "name"),
            (
                "p-missing",
                #"{"schemaVersion":1,"id":"p-missing","name":"A","language":"da","courseStart":"2026-10-05","conversations":[]}"#, "created"
            ),
            (
                "p-date", #"{"schemaVersion":1,"id":"p-date","name":"A","language":"da","courseStart":"5/10/2026","conversations":[]}"#,
                "courseStart"
            ),
            ("p-newer", #"{"schemaVersion":99,"id":"p-newer"}"#, "schemaVersion"),
            ("p-array", "[1,2]", nil),
        ]
        for (id, text, field) in cases {
            let url = dir.appendingPathComponent(id + ".json")
            try Data(text.utf8).write(to: url)
            XCTAssertThrowsError(try temp.store.loadParticipant(id)) { error in
                guard let problem = error as? RecordProblem else { return XCTFail("\(error)") }
                XCTAssertEqual(problem.file, "participants/\(id).json")
                XCTAssertEqual(problem.field, field, "\(id): \(problem)")
            }
            XCTAssertEqual(try Data(contentsOf: url), Data(text.utf8), "the bad file is left untouched")
        }
        try Data([0xFF, 0xFE, 0x7B]).write(to: dir.appendingPathComponent("p-utf.json"))
        XCTAssertThrowsError(try temp.store.loadParticipant("p-utf")) { error in
            XCTAssertEqual((error as? RecordProblem)?.reason, "is not valid UTF-8 text")
        }
    }

    func testCaseloadListsUnreadableFilesWithoutBlockingTheOthers() throws {
        try temp.store.prepare()
        try temp.store.save(participant("Åsa", id: "p-one"))
        try temp.store.save(participant("Björn", id: "p-two"))
        try Data("{".utf8).write(to: temp.url.appendingPathComponent("participants/p-bad.json"))
        let rows = temp.store.loadCaseload()
        XCTAssertEqual(rows.map(\.id), ["p-one", "p-two", "p-bad"])
        guard case .unreadable(_, let problem) = rows[2] else { return XCTFail("expected an unreadable row") }
        XCTAssertEqual(problem.description, "participants/p-bad.json: is not valid JSON (truncated or damaged)")
    }

    func testVersionZeroFilesAreMigrated() throws {
        try temp.store.prepare()
        let old =
            #"{"id":"p-old","name":"Jürgen Weiß","startDate":"2026-10-05","created":{"by":"x","at":"2026-10-01T10:00:00Z"},"updated":{"by":"x","at":"2026-10-01T10:00:00Z"}}"#
        try Data(old.utf8).write(to: temp.url.appendingPathComponent("participants/p-old.json"))
        let migrated = try temp.store.loadParticipant("p-old")
        XCTAssertEqual(migrated.schemaVersion, 1)
        XCTAssertEqual(migrated.courseStart.iso, "2026-10-05")
        XCTAssertEqual(migrated.language, "en")
        XCTAssertEqual(migrated.conversations, CourseFrame.defaultConversations(start: day("2026-10-05")))
    }

    func testCheckFindsWidePermissions() throws {
        try temp.store.prepare()
        try temp.store.save(participant())
        XCTAssertEqual(DataCheck.run(temp.store), [])
        chmod(temp.url.appendingPathComponent("participants/p-abc123.json").path, 0o644)
        let problems = DataCheck.run(temp.store)
        XCTAssertEqual(problems.map(\.file), ["participants/p-abc123.json"])
        XCTAssertTrue(problems[0].reason.contains("644"))
    }
}
