import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The demo data fills the job board: open jobs around the demo's Danish towns, one filled
/// and one past its deadline, and a demo application linked to its board job, so that the
/// board shows every status and a count of applications.
final class DemoBoardTests: XCTestCase {
    func testTheDemoBoardHasOpenFilledAndExpiredJobsAndCountsALinkedApplication() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        let today = day("2026-11-22")
        try DemoData.create(in: temp.store, resources: resourcesURL, today: today, by: anna)
        let (jobs, problems) = temp.store.loadJobs()
        XCTAssertEqual(problems, [])
        XCTAssertEqual(jobs.count, 8)
        let statuses = jobs.map { $0.status(on: today) }
        XCTAssertEqual(statuses.filter { $0 == .open }.count, 6)
        XCTAssertEqual(statuses.filter { $0 == .filled }.count, 1)
        XCTAssertEqual(statuses.filter { $0 == .expired }.count, 1)
        XCTAssertTrue(jobs.allSatisfy { $0.posted.by == "Anna" && $0.posted.at < today.atHour(12) }, "posted before today")
        XCTAssertGreaterThanOrEqual(jobs.filter { $0.language == "da" }.count, 6, "a Danish board")

        let netto = try XCTUnwrap(jobs.first { $0.employer == "Netto Ringsted" })
        XCTAssertEqual(JobBoard.applicationCounts(in: temp.store), [netto.id: 1], "Søren's application is linked to its board job")
        XCTAssertEqual(DataCheck.run(temp.store), [])
    }
}
