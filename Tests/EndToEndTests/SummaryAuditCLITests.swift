import Foundation
import XCTest

/// The command line says in the audit log what was done with a summary, and lists offers in
/// time order.
final class SummaryAuditCLITests: EndToEndTestCase {
    /// The actions of the audit log's lines, oldest first.
    private func auditActions() -> [String] {
        let text = (try? String(contentsOf: data.appendingPathComponent("audit.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["action"] as? String
        }
    }

    /// Standard output is "shown", a file is "written"; neither is "printed".
    func testASummaryShownOrWrittenIsNotPrinted() throws {
        try makeDemo()
        guard let id = participantFiles().first?.object["id"] as? String else { return XCTFail("no participant") }
        XCTAssertEqual(try stepwise(["summary", id]).status, 0)
        XCTAssertEqual(auditActions().last, "summaryShown")
        let file = root.appendingPathComponent("summary.txt").path
        let written = try stepwise(["summary", id, "--output", file])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(auditActions().last, "summaryWritten")
        XCTAssertFalse(auditActions().contains("printed"), "\(auditActions())")
    }

    /// `offers list` puts offers of one day in the order of their start times, not of their
    /// titles (the demo's company visit at 09:00 and mini course at 13:00 share a day).
    func testOffersOfOneDayAreListedInTimeOrder() throws {
        try makeDemo()
        let list = try stepwise(["offers", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.components(separatedBy: "\n")
        let visit = lines.firstIndex { $0.contains("Virksomhedsbesøg: Arla") } ?? -1
        let course = lines.firstIndex { $0.contains("Minikursus: Søvn") } ?? -1
        XCTAssertTrue(visit >= 0 && course >= 0 && visit < course, list.stdout)
    }
}
