import Foundation
import StepwiseCore
import XCTest

/// What a person waits for after Enter on a plan change: the record, its audit line and its
/// history line made durable with one fsync each and one of the record's folder, the audit
/// line on disk before the record is renamed into place.
final class SaveFsyncTests: XCTestCase {
    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private var noted: [AtomicFile.Step] = []
        func note(_ step: AtomicFile.Step) { lock.withLock { noted.append(step) } }
        var all: [AtomicFile.Step] { lock.withLock { noted } }
    }

    func testAPlanChangeSavedFromTheScreenMakesFourFsyncsWithItsAuditLineFirst() throws {
        let h = try AppHarness()
        guard let id = h.id(of: "Lena Groß") else { return XCTFail("the demo data has no Lena Groß") }
        h.open("lena")
        h.press(.char("g"))
        h.type("Arbejde i en børnehave")
        let steps = Steps()
        try AtomicFile.tracing({ steps.note($0) }) { h.press(.enter) }
        XCTAssertNil(h.state.form, "the form is closed:\n\(h.screen)")
        XCTAssertTrue(h.screen.contains("version 2"), h.screen)

        let root = h.store.root.path
        let record = root + "/participants/\(id).json"
        let audit = root + "/audit.log"
        let history = root + "/history/\(id).jsonl"
        let all = steps.all
        let fsyncs = all.filter { if case .renaming = $0 { false } else { true } }
        XCTAssertEqual(
            fsyncs.sorted { "\($0)" < "\($1)" },
            [.appended(audit), .appended(history), .folder(root + "/participants"), .tempFile(record)].sorted { "\($0)" < "\($1)" },
            "one fsync each, nothing more:\n\(all)")
        guard let rename = all.firstIndex(of: .renaming(record)), let audited = all.firstIndex(of: .appended(audit)) else {
            return XCTFail("\(all)")
        }
        XCTAssertLessThan(audited, rename, "the audit line is durable before the record is in place:\n\(all)")
        XCTAssertEqual(h.historyLines(id).count, 2)
        XCTAssertEqual(AuditLog(store: h.store).entries(for: id).filter { $0.action == .changed }.count, 1)
    }
}
