import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The job board: one file per job, kept under locks, checked by `check`, and exchanged with
/// spreadsheets by the catalogue's CSV rules.
final class JobBoardTests: XCTestCase {
    let posted = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_796_029_200))

    /// Jobs whose cells a spreadsheet would change if they were written as they are.
    func hostileBoard() -> [BoardJob] {
        var formula = BoardJob(
            id: "j-formula", title: "=1+1", employer: "-Lager A/S", place: "@Aarhus", hours: "+37 timer", deadline: day("2026-12-18"),
            howToApply: "=HYPERLINK(\"http://example.com\",\"klik\")", contact: "Jörg, 004520304050", language: "da", posted: posted)
        formula.status = .filled
        let quoted = BoardJob(
            id: "j-quoted", title: "'Kaffe' og \"jobsøgning\"", employer: "Café, Nord", place: "\tKøge",
            howToApply: "Ring\nfør fredag", contact: "'", language: "sv", posted: Stamp(by: "Björn", at: posted.at.addingTimeInterval(60)))
        let plain = BoardJob(
            id: "j-plain", title: "Lagermedarbejder", employer: "Brdr. Hansen", place: "Vejle", hours: "15-20 timer",
            deadline: day("2027-01-10"), howToApply: "CV til job@hansen.dk", contact: "Lone Berg", language: "de", posted: posted)
        return [formula, quoted, plain]
    }

    func byID(_ jobs: [BoardJob]) -> [BoardJob] { jobs.sorted { $0.id < $1.id } }

    func testAJobIsOneFileThatReadsBackAndCheckFindsABadOne() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let board = JobBoard(store: temp.store, identity: anna)
        for job in hostileBoard() { try board.save(job) }
        XCTAssertEqual(byID(temp.store.loadJobs().jobs), byID(hostileBoard()))
        let file = temp.url.appendingPathComponent("jobs/j-plain.json")
        XCTAssertEqual(mode(file), 0o600)
        XCTAssertEqual(mode(temp.url.appendingPathComponent("jobs")), 0o700)
        XCTAssertEqual(DataCheck.run(temp.store), [])

        // A second save keeps who posted it first; marking it filled is a locked change too.
        var edited = hostileBoard()[2]
        edited.posted = Stamp(by: "Someone else", at: Date())
        edited.hours = "37 timer"
        try board.save(edited)
        XCTAssertEqual(try temp.store.loadJob("j-plain").posted, posted)
        XCTAssertEqual(try board.markFilled("j-plain").status, .filled)
        XCTAssertEqual(try temp.store.loadJob("j-plain").status, .filled)
        XCTAssertThrowsError(try board.markFilled("j-none")) { XCTAssertEqual($0 as? JobBoard.Failure, .unknownJob("j-none")) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: JobBoard.lockPath("j-plain", in: temp.store)), "the lock is given back")

        // A job with no title, one whose id is not its file's, a link: check names each.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Lagermedarbejder\"", with: "\"  \"")
        try Data(text.utf8).write(to: file)
        try Data((try String(contentsOf: temp.url.appendingPathComponent("jobs/j-quoted.json"), encoding: .utf8)).utf8)
            .write(to: temp.url.appendingPathComponent("jobs/j-copy.json"))
        chmod(temp.url.appendingPathComponent("jobs/j-copy.json").path, 0o600)
        try FileManager.default.createSymbolicLink(
            atPath: temp.url.appendingPathComponent("jobs/j-link.json").path, withDestinationPath: file.path)
        let problems = DataCheck.run(temp.store).map { "\($0.file) \($0.field ?? "-")" }
        XCTAssertTrue(problems.contains("jobs/j-plain.json title"), "\(problems)")
        XCTAssertTrue(problems.contains("jobs/j-copy.json id"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("jobs/j-link.json") }, "\(problems)")
    }

    func testAJobPastItsDeadlineIsExpiredAndAFilledJobStaysFilled() {
        var job = hostileBoard()[2]
        XCTAssertEqual(job.status(on: day("2027-01-10")), .open, "the deadline day itself is still open")
        XCTAssertTrue(job.isOpen(on: day("2027-01-10")))
        XCTAssertEqual(job.status(on: day("2027-01-11")), .expired)
        XCTAssertFalse(job.isOpen(on: day("2027-01-11")))
        job.status = .filled
        XCTAssertEqual(job.status(on: day("2026-12-01")), .filled)
        XCTAssertEqual(job.status(on: day("2027-02-01")), .filled)
        job.deadline = nil
        job.status = .open
        XCTAssertEqual(job.status(on: day("2099-01-01")), .open, "no deadline: open until filled")
        XCTAssertEqual(JobBoard.sorted(hostileBoard()).map(\.id), ["j-formula", "j-plain", "j-quoted"], "deadline order, none last")
    }

    func testTheBoardRoundTripsThroughCSVWithHostileCellsKeptAsData() throws {
        let board = hostileBoard()
        for separator: Character in [",", ";", "\t"] {
            let data = JobCSV.export(board, separator: separator)
            let text = String(decoding: data, as: UTF8.self)
            for cell in ["'=1+1", "'-Lager A/S", "'@Aarhus", "'+37 timer", "\"'=HYPERLINK(", "''Kaffe'", "'\tKøge"] {
                XCTAssertTrue(text.contains(cell), "\(cell) in \(text)")
            }
            let parsed = JobCSV.parse(data, posted: Stamp(by: "Importer", at: Date()))
            XCTAssertEqual(parsed.problems, [])
            XCTAssertEqual(byID(parsed.rows.map(\.job)), byID(board))
        }
        // Python's csv module reads the same cells (the leading ' is the only change).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try JobCSV.export(board).write(to: file)
        let script = """
            import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8-sig')))
            assert [r["id"] for r in rows] == ["j-formula", "j-plain", "j-quoted"], rows
            assert rows[0]["title"] == "'=1+1" and rows[0]["deadline"] == "2026-12-18", rows[0]
            assert rows[2]["howToApply"] == "Ring\\nfør fredag" and rows[2]["employer"] == "Café, Nord", rows[2]
            assert rows[2]["title"] == "''Kaffe' og \\"jobsøgning\\"", rows[2]
            print(len(rows))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    func testExportImportIntoAnotherFolderGivesBackTheSameBoard() throws {
        let (from, to) = (TempStore(), TempStore())
        defer { [from, to].forEach { $0.cleanUp() } }
        for temp in [from, to] { try temp.store.prepare() }
        for job in hostileBoard() { try JobBoard(store: from.store, identity: anna).save(job) }
        let exported = JobCSV.export(from.store.loadJobs().jobs)
        let into = JobBoard(store: to.store, identity: anna)
        let first = JobImport.run(exported, into: into)
        XCTAssertEqual(first.problems, [])
        XCTAssertEqual(first.added.sorted(), ["j-formula", "j-plain", "j-quoted"])
        XCTAssertEqual(byID(to.store.loadJobs().jobs), byID(hostileBoard()))
        let again = JobImport.run(exported, into: into)
        XCTAssertEqual(again.unchanged.sorted(), ["j-formula", "j-plain", "j-quoted"])
        XCTAssertEqual(JobCSV.export(to.store.loadJobs().jobs), exported)
    }

    func testARoundTripThroughLibreOfficeInDanishSettingsGivesBackTheBoard() throws {
        let saved = try throughLibreOffice(JobCSV.export(hostileBoard(), separator: ";"), locale: "da_DK.UTF-8", separator: ";")
        let text = String(decoding: saved, as: UTF8.self)
        XCTAssertFalse(text.contains(";2;"), "=1+1 was not computed: \(text)")
        let parsed = JobCSV.parse(saved, posted: posted)
        XCTAssertEqual(parsed.problems, [], text)
        XCTAssertEqual(byID(parsed.rows.map(\.job)), byID(hostileBoard()), text)
    }

    func testABadRowImportsNothingAndNamesItsLineAndColumn() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let csv = """
            Title;Employer;Deadline;Status;id
            Kok;Kantinen;31.12.2026;;
            ;Bageren;2026-02-30;maybe;j-one
            Chauffør;Fragt A/S;;;../x
            Pakker;Lager;;;j-dup
            Plukker;Lager;;;j-dup

            """
        let report = JobImport.run(Data(csv.utf8), into: JobBoard(store: temp.store, identity: anna))
        XCTAssertTrue(report.refused)
        XCTAssertNil(report.writeFailure)
        XCTAssertEqual(
            report.problems.map(\.description),
            [
                "line 3, column 'deadline': \"2026-02-30\" is not a date (use 2026-12-18 or 18.12.2026)",
                "line 3, column 'status': \"maybe\" is not open, filled or expired",
                "line 3, column 'title': is empty",
                "line 4, column 'id': \"../x\" is not a valid id (lowercase letters, digits and inner hyphens, at most 64); leave it empty for a new job",
                "line 6, column 'id': \"j-dup\" is already used on line 5",
            ])
        XCTAssertEqual(temp.store.jobIDs(), [], "all or nothing")

        let huge = "title,employer\r\n" + String(repeating: "x", count: RecordCodec.maxFieldBytes + 1) + ",Lager\r\n"
        let tooLarge = JobImport.run(Data(huge.utf8), into: JobBoard(store: temp.store, identity: anna))
        XCTAssertEqual(tooLarge.problems.map { "\($0.line) \($0.column ?? "")" }, ["2 title"])

        let badHeader = JobImport.run(Data("title,salary\r\nKok,100\r\n".utf8), into: JobBoard(store: temp.store, identity: anna))
        XCTAssertTrue(badHeader.fileIsBad)
        XCTAssertEqual(badHeader.problems.map { $0.column ?? "" }, ["salary", "employer"])
    }

    func testAFolderThatCannotBeWrittenIsAWriteFailureNotABadRow() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        try JobBoard(store: temp.store, identity: anna).save(hostileBoard()[2])
        // No lock can be taken where the locks folder is a file (and root cannot be kept out
        // of a read-only folder).
        let locks = temp.url.appendingPathComponent("locks")
        try FileManager.default.removeItem(at: locks)
        try Data().write(to: locks)
        let report = JobImport.run(JobCSV.export(hostileBoard()), into: JobBoard(store: temp.store, identity: anna))
        XCTAssertEqual(report.problems, [])
        XCTAssertNotNil(report.writeFailure)
        XCTAssertEqual(temp.store.jobIDs(), ["j-plain"])
    }

    func testTheBoardCountsApplicationsAndErasingAParticipantLeavesItIntact() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        try JobBoard(store: temp.store, identity: anna).save(hostileBoard()[2])
        let before = try Data(contentsOf: temp.url.appendingPathComponent("jobs/j-plain.json"))
        var people: [Participant] = []
        for (index, name) in ["Mette", "Jonas"].enumerated() {
            var person = Participant(id: "p-\(index + 2)", name: name, language: "da", courseStart: day("2026-11-02"), by: posted)
            person.jobSearch.applications.append(
                JobApplication(
                    id: "a-\(index + 2)", employer: "Brdr. Hansen", jobTitle: "Lagermedarbejder", day: day("2026-11-20"),
                    method: .advertised, stamp: posted, boardJobId: "j-plain"))
            try temp.store.save(person)
            people.append(person)
        }
        XCTAssertEqual(JobBoard.applicationCounts(in: temp.store), ["j-plain": 2])
        _ = try Erasure.erase("p-2", in: temp.store, as: anna)
        XCTAssertEqual(JobBoard.applicationCounts(in: temp.store), ["j-plain": 1])
        let after = try Data(contentsOf: temp.url.appendingPathComponent("jobs/j-plain.json"))
        XCTAssertEqual(after, before, "the board job is as it was")
        for text in ["p-2", "Mette"] { XCTAssertNil(after.range(of: Data(text.utf8)), "\(text) is in the job") }
    }
}
