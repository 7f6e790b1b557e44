import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// `export --format text` of a large record is written as it is made: pieces of about 64 KB,
/// never the whole text, and the same text as `text()` gives.
final class ExportStreamingTests: XCTestCase {
    func testTheTextComesInBoundedPiecesAndIsTheSameText() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        let store = temp.store
        try store.prepare()
        let now = Date(timeIntervalSince1970: 1_796_029_200)
        var participant = Participant(
            id: "p-large", name: "Large Record", language: "en", courseStart: Day(now, timeZone: .gmt), by: Stamp(by: "Anna", at: now))
        let words = Words(String(repeating: "A note a coach writes. ", count: 8), author: .coach, by: "Anna", at: now)
        participant.notes = (0..<20_000).map { ProgressNote(id: "n-\($0)", kind: .note, sessionId: nil, tags: [], text: words) }
        try store.save(participant)
        let english = try Localizer.load(language: "en", resources: resourcesURL)
        let export = try CitizenExport.collect(store.loadParticipant("p-large"), from: store, by: Identity(coach: "Anna", user: "anna", host: "h", pid: 1), at: now)
        var pieces: [Int] = []
        var streamed = ""
        try export.writeText(english, indicators: try IndicatorSet.load(resources: resourcesURL)) { piece in
            pieces.append(piece.utf8.count)
            streamed += piece
        }
        let whole = streamed.utf8.count
        XCTAssertGreaterThan(whole, 5_000_000, "a large record")
        XCTAssertLessThan(pieces.max() ?? 0, 70_000, "no piece much above 64 KB (the whole text is \(whole) bytes)")
        XCTAssertEqual(streamed, try export.text(english, indicators: try IndicatorSet.load(resources: resourcesURL)))
        XCTAssertTrue(streamed.contains("20000.\n"), "every note is written")
    }

    func testAStagedFileWrittenInPiecesIsWholeOrNotThere() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try FileManager.default.createDirectory(at: temp.url, withIntermediateDirectories: true)
        let target = temp.url.appendingPathComponent("copy.txt")
        try AtomicFile.Staged(for: target) { write in
            for n in 0..<3 { try write(Data("piece \(n)\n".utf8)) }
        }.commit()
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "piece 0\npiece 1\npiece 2\n")
        struct Stop: Error {}
        XCTAssertThrowsError(
            try AtomicFile.Staged(for: target) { write in
                try write(Data("half".utf8))
                throw Stop()
            })
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "piece 0\npiece 1\npiece 2\n", "the old file stays")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.url.path), ["copy.txt"], "no temp file is left")
    }
}
