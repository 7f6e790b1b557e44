import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Erasure leaves no gap: temp files that hold the participant go, a caseload index written
/// from a reading made before the erasure cannot bring the name back, and an offer file that
/// cannot be read stops the erasure instead of keeping a seat unnoticed.
final class ErasureGapsTests: XCTestCase {
    private var temp: TempStore!
    private var store: DataStore { temp.store }
    private let erased = "Erna Eriksen"

    override func setUpWithError() throws {
        temp = TempStore()
        try store.prepare()
        for (id, name) in [("p-aaa", erased), ("p-bbb", "Bodil Berg")] {
            try store.save(
                Participant(
                    id: id, name: name, language: "da", courseStart: day("2026-01-05"),
                    by: Stamp(by: "Anna", at: Date())))
        }
        try store.save(
            Offer(
                id: "o-one", title: "Værksted", kind: "workshop", description: "", sessions: [], place: "her",
                capacity: 3, language: "da"))
        _ = try BookingStore(store: store, identity: anna).book("p-aaa", into: "o-one")
        XCTAssertEqual(store.loadCaseload().count, 2)
    }

    override func tearDown() { temp.cleanUp() }

    private func plant(_ relative: String, _ text: String) throws -> URL {
        let url = store.root.appendingPathComponent(relative)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testTempFilesLeftByInterruptedWritesThatHoldTheParticipantAreRemoved() throws {
        let index = try plant(".caseload-index.jsonl.99.t-crash.tmp", #"["p","p-aaa",1,2,3,4,"\#(erased)"]"# + "\n" + #"["p","p-bbb"]"#)
        let audit = try plant(".audit.log.99.t-crash.tmp", #"{"action":"opened","participant":"p-aaa"}"#)
        let offer = try plant("offers/.o-one.json.99.t-crash.tmp", #"{"booked":[{"participantId":"p-aaa"}]}"#)
        let other = try plant("offers/.o-two.json.99.t-crash.tmp", #"{"booked":[{"participantId":"p-bbb"}]}"#)
        XCTAssertEqual(try Erasure.inventory(of: "p-aaa", in: store).temporaryFiles, 3)

        let report = try Erasure.erase("p-aaa", in: store, as: anna)
        XCTAssertTrue(report.isFinished, "\(report.problems)")
        for url in [index, audit, offer] { XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), url.lastPathComponent) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.path), "a temp file naming only others stays")
    }

    func testAnIndexWrittenFromAReadingMadeBeforeTheErasureDoesNotBringTheNameBack() throws {
        // A `list` read the folder and the index before the erasure, and writes after it.
        let url = CaseloadIndex(store: store).url
        let lines = try ["p-aaa", "p-bbb"].map { id in
            IndexFile.line(
                IndexRecord(
                    id: id, stamp: FileStamp(size: 1, modified: 2, changed: 3, inode: 4),
                    value: .entry(CaseloadEntry(try store.loadParticipant(id)))))
        }

        XCTAssertTrue(try Erasure.erase("p-aaa", in: store, as: anna).isFinished)
        XCTAssertTrue(IndexFile.write(lines, locale: store.nameOrder.locale.identifier, to: url))
        XCTAssertFalse(CaseloadIndex(store: store).names("p-aaa"), "the rewrite left the erased participant out")
        XCTAssertTrue(IndexFile.append(lines, to: url.path))
        XCTAssertFalse(CaseloadIndex(store: store).names("p-aaa"), "an append leaves them out too")
        XCTAssertNil(try Data(contentsOf: url).range(of: Data(erased.utf8)))
        XCTAssertEqual(store.loadCaseload().count, 1)
    }

    func testAnOfferFileThatCannotBeReadStopsTheErasure() throws {
        // Something that is not a file stands where an offer file belongs: whether it names
        // the participant cannot be told.
        try FileManager.default.createDirectory(
            at: store.offersDir.appendingPathComponent("o-two.json"), withIntermediateDirectories: false)
        XCTAssertThrowsError(try Erasure.erase("p-aaa", in: store, as: anna)) { error in
            guard case .unreadableOffers(let problems)? = error as? Erasure.Failure else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map(\.file), ["offers/o-two.json"])
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: try store.participantFile("p-aaa").path), "nothing was erased")
    }
}
