import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The audit log: who did what to which record, never what the record says; lines whole
/// even when many write at once; a line cut off by a crash does no harm.
final class AuditLogTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    private var log: AuditLog { AuditLog(store: temp.store) }
    private let noon = Date(timeIntervalSince1970: 1_790_000_000)

    func testEveryActionIsOneLineNamingWhoWhatWhichAndWhenButNoContent() throws {
        try temp.store.prepare()
        let marker = "Zq" + UUID().uuidString.prefix(8)
        var participant = Participant(
            id: "p-abc", name: "Name \(marker)", language: "da", courseStart: day("2026-01-05"),
            by: Stamp(by: "Anna", at: noon))
        participant.notes = [
            ProgressNote(
                id: "n-1", kind: .note, sessionId: nil, tags: [],
                text: Words("note \(marker)", author: .coach, by: "Anna", at: noon))
        ]
        try temp.store.save(participant)
        for (index, action) in AuditAction.allCases.enumerated() {
            try log.record(action, participant: "p-abc", by: anna, at: noon.addingTimeInterval(Double(index)))
        }
        try log.record(.opened, participant: "p-other", by: anna, at: noon)

        let bytes = try Data(contentsOf: log.url)
        XCTAssertEqual(mode(log.url), 0o600)
        XCTAssertNil(String(decoding: bytes, as: UTF8.self).range(of: marker), "no content in the log")
        let lines = bytes.split(separator: 0x0A)
        XCTAssertEqual(lines.count, AuditAction.allCases.count + 1)
        for line in lines {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            XCTAssertEqual(Set(object.keys), ["at", "action", "participant", "coach", "user", "host"], "\(object)")
            XCTAssertLessThan(line.count, 400, "lines stay short")
        }
        let mine = log.entries(for: "p-abc")
        XCTAssertEqual(mine.map(\.action), AuditAction.allCases)
        XCTAssertEqual(mine.first, AuditEntry(at: noon, action: .opened, participant: "p-abc", coach: "Anna", user: "anna", host: "desk-1"))
        XCTAssertEqual(log.entries(for: "p-other").count, 1)
        XCTAssertEqual(log.entries().count, lines.count)
    }

    func testAnActionOnNoOneRecordAndBadIdsAndLongNames() throws {
        try log.record(.calendar, participant: nil, by: anna, at: noon)
        XCTAssertEqual(log.entries().first?.participant, nil)
        XCTAssertThrowsError(try log.record(.opened, participant: "../etc/passwd", by: anna, at: noon))
        XCTAssertThrowsError(try log.record(.opened, participant: "Name With Spaces", by: anna, at: noon))
        let long = Identity(coach: String(repeating: "Å", count: 5_000), user: "u\nx", host: "h", pid: getpid())
        try log.record(.changed, participant: "p-abc", by: long, at: noon)
        let lines = try Data(contentsOf: log.url).split(separator: 0x0A)
        XCTAssertEqual(lines.count, 2, "a line break in a name stays inside its line")
        XCTAssertEqual(log.entries(for: "p-abc").first?.coach.count, AuditLog.maxNameLength)
        XCTAssertEqual(log.entries(for: "p-abc").first?.user, "u\nx")
    }

    func testALineCutOffByACrashIsSkippedAndTheNextStartsOnItsOwnLine() throws {
        try log.record(.opened, participant: "p-abc", by: anna, at: noon)
        // A crash in the middle of a line (as a power cut could leave it).
        let handle = try FileHandle(forWritingTo: log.url)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"action":"changed","at":"2026-"#.utf8))
        try handle.close()
        XCTAssertEqual(log.entries().count, 1, "the cut-off line is skipped")
        try log.record(.printed, participant: "p-abc", by: anna, at: noon)
        XCTAssertEqual(log.entries(for: "p-abc").map(\.action), [.opened, .printed], "the next line is whole")
        // Garbage, empty lines and NUL bytes (a file system after a power cut) are skipped too.
        let handle2 = try FileHandle(forWritingTo: log.url)
        handle2.seekToEndOfFile()
        handle2.write(Data([0, 0, 0, 0x0A, 0x0A, 0xFF, 0xFE, 0x0A]))
        try handle2.close()
        try log.record(.exported, participant: "p-abc", by: anna, at: noon)
        XCTAssertEqual(log.entries(for: "p-abc").map(\.action), [.opened, .printed, .exported])
    }

    func testLinesFromManyWritersAtOnceNeverMix() throws {
        try temp.store.prepare()
        let writers = 8
        let each = 40
        let log = self.log
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let who = Identity(coach: "Coach \(writer)", user: "u\(writer)", host: anna.host, pid: getpid())
            for index in 0..<each {
                try? log.record(index % 2 == 0 ? .opened : .changed, participant: "p-w\(writer)", by: who)
            }
        }
        let lines = try Data(contentsOf: log.url).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, writers * each)
        XCTAssertEqual(log.entries().count, writers * each, "every line is whole")
        for writer in 0..<writers {
            let entries = log.entries(for: "p-w\(writer)")
            XCTAssertEqual(entries.count, each)
            XCTAssertTrue(entries.allSatisfy { $0.coach == "Coach \(writer)" })
        }
        let locks = try FileManager.default.contentsOfDirectory(atPath: temp.store.locksDir.path)
        XCTAssertEqual(locks, [], "the append lock is given back")
    }

    func testAnonymizingReplacesTheIdEverywhereAndAddsOneErasedEntry() throws {
        try log.record(.opened, participant: "p-abc", by: anna, at: noon)
        try log.record(.opened, participant: "p-abcd", by: anna, at: noon)
        try log.record(.changed, participant: "p-abc", by: anna, at: noon)
        // A damaged line that still names the participant.
        let handle = try FileHandle(forWritingTo: log.url)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"action":"printed","participant":"p-abc","#.utf8) + Data([0x0A]))
        try handle.close()

        let first = try log.anonymize("p-abc", erasedBy: anna, at: noon)
        XCTAssertEqual(first.marker, "erased-1")
        XCTAssertEqual(first.lines, 3)
        let text = try String(contentsOf: log.url, encoding: .utf8)
        XCTAssertNil(text.range(of: "\"p-abc\""), text)
        XCTAssertEqual(log.entries(for: "p-abcd").count, 1, "a longer id that starts the same is kept")
        XCTAssertEqual(log.entries(for: "erased-1").map(\.action), [.opened, .changed, .erased])
        XCTAssertEqual(mode(log.url), 0o600)

        try log.record(.opened, participant: "p-xyz", by: anna, at: noon)
        let second = try log.anonymize("p-xyz", erasedBy: anna, at: noon)
        XCTAssertEqual(second.marker, "erased-2")
        XCTAssertEqual(log.entries(for: "erased-2").map(\.action), [.opened, .erased])
        XCTAssertEqual(log.entries(for: "erased-1").count, 3)
        XCTAssertEqual(log.count(naming: "p-xyz"), 0)
        XCTAssertEqual(log.entries(for: "erased-2").last?.coach, "Anna", "who erased is kept")
        let strays = try FileManager.default.contentsOfDirectory(atPath: temp.store.root.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(strays, [], "no temporary file left")
    }

    func testMarkers() {
        XCTAssertTrue(AuditLog.isMarker("erased-12"))
        XCTAssertFalse(AuditLog.isMarker("erased-"))
        XCTAssertFalse(AuditLog.isMarker("erased-1a"))
        XCTAssertFalse(AuditLog.isMarker("p-erased"))
        XCTAssertEqual(AuditLog.nextMarker(after: []), "erased-1")
    }
}
