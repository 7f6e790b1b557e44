import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// The job board from the coach's keys to the citizen's applications: a job added on the
/// board, suggested on a participant's jobs tab, taken by the citizen's own yes, and counted
/// on the board without a name; an expired or filled job is never suggested.
final class BoardJourneyTests: XCTestCase {
    private let citizen = "Lena Groß"

    /// The demo data without the demo's job board, so that the board holds only this test's jobs.
    private func harnessWithEmptyBoard() throws -> AppHarness {
        let h = try AppHarness(width: 80, height: 24)
        try FileManager.default.removeItem(at: h.store.root.appendingPathComponent("jobs"))
        return h
    }

    func testAJobAddedOnTheBoardIsSuggestedTakenAndCountedWithoutAName() throws {
        let h = try harnessWithEmptyBoard()
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        let board = JobBoard(store: h.store, identity: h.identity)
        try board.save(
            BoardJob(
                id: "j-expired", title: "Køkkenmedhjælper", employer: "Kantinen Nord", deadline: Day(iso: "2026-11-27"),
                posted: Stamp(by: "Bo", at: AppHarness.start)))
        var filled = BoardJob(id: "j-filled", title: "Pakker", employer: "Lager GmbH", posted: Stamp(by: "Bo", at: AppHarness.start))
        filled.status = .filled
        try board.save(filled)

        // The coach adds a job on the board, field by field.
        h.press(.char("b"))
        XCTAssertEqual(h.state.context, .board)
        XCTAssertTrue(h.screen.contains("Job board"), h.screen)
        h.press(.char("a"))
        h.type("Lagermedarbejder")
        h.press(.tab)
        h.type("Brdr. Hansen")
        h.press(.tab)
        h.type("Vejle")
        h.press(.tab)
        h.type("15-20 timer")
        h.press(.tab)
        h.type("+2w")
        h.press(.enter)
        guard let job = h.store.loadJobs().jobs.first(where: { $0.title == "Lagermedarbejder" }) else {
            return XCTFail("the job was not saved:\n\(h.screen)")
        }
        XCTAssertEqual(job.deadline, Day(iso: "2026-12-14"))
        XCTAssertEqual(job.posted.by, "Anna")
        XCTAssertTrue(h.screen.contains("“Lagermedarbejder” is added to the job board."), h.screen)
        XCTAssertTrue(h.row(containing: "Lagermedarbejder").trimmingCharacters(in: .whitespaces).hasSuffix("open     0 applications"), h.screen)
        h.press(.escape)

        // On the citizen's jobs tab the coach suggests it: only the open job is offered.
        h.open("lena")
        h.press(.char("6"), .char("b"))
        guard let form = h.state.form, form.purpose == .suggestJob else { return XCTFail("no suggestion form:\n\(h.screen)") }
        XCTAssertEqual(form.fields.first?.choices, [job.id], "expired and filled jobs are not suggested")
        XCTAssertTrue(h.flatScreen.contains("Lagermedarbejder · Brdr. Hansen · apply by 14/12/2026"), h.screen)
        h.press(.enter)
        XCTAssertEqual(
            h.state.confirm?.question, "\(citizen), do you want to take “Lagermedarbejder” at Brdr. Hansen into your applications?")
        h.press(.char("y"))
        let applications = try h.store.loadParticipant(id).jobSearch.applications.filter { $0.boardJobId == job.id }
        XCTAssertEqual(applications.count, 1)
        XCTAssertEqual(applications.first?.employer, "Brdr. Hansen")
        XCTAssertEqual(applications.first?.history.first?.stamp.by, citizen, "taking it is the citizen's own act")

        // Suggested again: the job the citizen already took is not offered twice.
        h.press(.char("b"))
        XCTAssertNil(h.state.form)
        XCTAssertTrue(h.screen.contains("There is no open job on the board to suggest."), h.screen)
        h.press(.escape)

        // The board counts the application and names no one.
        h.press(.char("b"))
        XCTAssertTrue(h.row(containing: "Lagermedarbejder").trimmingCharacters(in: .whitespaces).hasSuffix("open     1 application"), h.screen)
        XCTAssertFalse(h.screen.contains("Lena"), h.screen)
        XCTAssertFalse(h.screen.contains("Køkkenmedhjælper") && h.row(containing: "Køkkenmedhjælper").contains("open"), h.screen)

        // Marking it filled is saved and shown.
        h.press(.down, .down, .down)
        while h.state.board.map({ $0.list(h.state.jobs, today: h.state.today) })?[h.state.board?.selection ?? 0].id != job.id {
            h.press(.up)
        }
        h.press(.char("m"))
        XCTAssertEqual(try h.store.loadJob(job.id).status, .filled)
        XCTAssertTrue(h.row(containing: "Lagermedarbejder").trimmingCharacters(in: .whitespaces).hasSuffix("filled   1 application"), h.screen)

        // The audit log names each board action; the suggestion names the participant by id only.
        let entries = AuditLog(store: h.store).entries()
        XCTAssertEqual(entries.filter { $0.action == .jobPosted }.count, 1)
        XCTAssertEqual(entries.filter { $0.action == .jobChanged }.count, 1)
        XCTAssertEqual(entries.filter { $0.action == .jobSuggested }.map(\.participant), [id])
        let log = try String(contentsOf: h.store.root.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertFalse(log.contains("Lena") || log.contains("Lagermedarbejder"), log)
    }

    func testAJobThatExpiredMeanwhileIsNotTaken() throws {
        let h = try harnessWithEmptyBoard()
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        let board = JobBoard(store: h.store, identity: h.identity)
        let job = BoardJob(
            id: "j-soon", title: "Chauffør", employer: "Fragt A/S", deadline: Day(iso: "2026-11-30"),
            posted: Stamp(by: "Bo", at: AppHarness.start))
        try board.save(job)
        h.open("lena")
        h.press(.char("6"), .char("b"))
        XCTAssertEqual(h.state.form?.fields.first?.choices, ["j-soon"], "open on its deadline day")
        h.press(.enter)
        // Filled by another coach before the citizen answers.
        try board.markFilled("j-soon")
        h.press(.char("y"))
        XCTAssertTrue(h.screen.contains("The job is no longer open; nothing was added."), h.screen)
        XCTAssertTrue(try h.store.loadParticipant(id).jobSearch.applications.allSatisfy { $0.boardJobId == nil })
        h.press(.char("b"))
        XCTAssertNil(h.state.form)
        XCTAssertTrue(h.screen.contains("There is no open job on the board to suggest."), h.screen)
    }
}
