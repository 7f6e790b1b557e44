import Foundation
import StepwiseCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Citizen data stays in the data folder: not in messages of commands that fail, not in
/// process arguments, not in temporary files elsewhere, not in crash output, not in the
/// audit log; and `stepwise check` reports files and folders others could read.
final class LeakTests: EndToEndTestCase {
    /// A unique string in the citizen's name, and another in what is written about them.
    private let nameMarker = "Nm" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
    private let textMarker = "Tx" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
    private let id = "p-leaktest"

    /// The demo data plus a citizen whose name and note carry the markers, booked into an offer.
    /// The name sorts first, so that the caseload selects it.
    private func citizen() throws -> (offer: String, other: String) {
        try makeDemo()
        let store = DataStore(root: data)
        var person = Participant(
            id: id, name: "Aaron \(nameMarker)", language: "da", courseStart: Day.today.adding(days: -20),
            by: Stamp(by: "Anna", at: Date()))
        person.notes = [
            ProgressNote(
                id: "n-leak", kind: .note, sessionId: nil, tags: ["health"],
                text: Words("diagnosis \(textMarker)", author: .coach, by: "Anna", at: Date()))
        ]
        try store.save(person)
        let offers = store.offerIDs()
        XCTAssertEqual(try stepwise(["book", id, offers[0]]).status, 0)
        return (offers[0], offers[1])
    }

    private func assertNoMarker(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(text.range(of: nameMarker), "\(what) shows the citizen's name:\n\(text)", file: file, line: line)
        XCTAssertNil(text.range(of: textMarker), "\(what) shows what is written about the citizen:\n\(text)", file: file, line: line)
    }

    func testCommandsThatFailSayNothingAboutTheCitizen() throws {
        let (booked, other) = try citizen()
        // A second copy of the record, damaged so that it cannot be read (the name is still in it).
        let store = DataStore(root: data)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: try store.participantFile(id))) as? [String: Any])
        object["id"] = "p-leakcopy"
        object["conversations"] = "none"
        try JSONSerialization.data(withJSONObject: object).write(to: try store.participantFile("p-leakcopy"))
        chmod(try store.participantFile("p-leakcopy").path, 0o600)

        let failing: [[String]] = [
            ["book", id, "o-nosuchoffer"], ["book", id, booked], ["unbook", id, other], ["book", "p-nobody", other],
            ["book", "p-leakcopy", other], ["unbook", "p-leakcopy", booked], ["export", "p-leakcopy"], ["export", id, "--format", "pdf"],
            ["export", id, "--output", "/nonexistent/folder/copy.json"], ["erase", id], ["erase", "p-leakcopy"], ["check"],
            ["check", "--retention", "0"], ["offers", "import", "/nonexistent.csv"], ["book", id], ["list", "--bogus"],
            ["summary", "p-leakcopy"], ["calendar", "p-leakcopy"], ["summary", id, "--format", "docx"],
            ["summary", id, "--output", "/nonexistent/folder/summary.txt"],
        ]
        for arguments in failing {
            let result = try stepwise(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments) was meant to fail: \(result.stdout)")
            assertNoMarker(result.stdout + result.stderr, "stepwise \(arguments.joined(separator: " "))")
        }
        // Listing names people (that is its job); its complaint about the damaged copy does not.
        let list = try stepwise(["list"])
        XCTAssertTrue(list.stdout.contains(nameMarker))
        XCTAssertTrue(list.stderr.contains("p-leakcopy"), list.stderr)
        assertNoMarker(list.stderr, "the complaint of stepwise list")
        // Without a data folder.
        let missing = try stepwise(["list", "--data", root.appendingPathComponent("none").path], data: false)
        assertNoMarker(missing.stdout + missing.stderr, "stepwise list without data")
    }

    func testNoCitizenDataInTemporaryFilesProcessArgumentsOrTheAuditLog() throws {
        let (booked, _) = try citizen()
        let started = Date().addingTimeInterval(-1)
        let goal = "goal \(textMarker)"

        // A session in the terminal: open the citizen, write a goal, look at the audit view.
        let run = try startTUI()
        let pid = try run.waitForPID()
        run.tmux.waitFor(nameMarker)
        run.tmux.send("Enter")
        run.tmux.waitFor("[1 Plan]")
        let arguments = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        XCTAssertFalse(arguments.isEmpty, "the process's arguments can be read")
        assertNoMarker(String(decoding: arguments, as: UTF8.self), "the process arguments")
        let environment = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))) ?? Data()
        assertNoMarker(String(decoding: environment, as: UTF8.self), "the process environment")
        run.tmux.send("g")
        run.tmux.waitFor("A new goal")
        run.tmux.type(goal)
        run.tmux.waitFor(goal)
        run.tmux.send("Enter")
        run.tmux.waitForGone("A new goal")
        run.tmux.send("Escape")
        run.tmux.waitFor(participantsLine(added: 1))
        run.tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
        XCTAssertTrue(
            String(decoding: try Data(contentsOf: try DataStore(root: data).participantFile(id)), as: UTF8.self).contains(goal),
            "the goal was saved (so the session wrote citizen data)")

        // Commands whose job is to show the data, and commands that change it.
        for arguments in [
            ["list"], ["list", "--json"], ["export", id], ["export", id, "--format", "text"], ["unbook", id, booked],
            ["book", id, booked], ["check"], ["check", "--retention", "0"], ["offers", "export"],
            ["summary", id], ["summary", id, "--format", "html"], ["calendar", id],
        ] {
            let result = try stepwise(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            assertNoMarker(result.stderr, "the warnings of stepwise \(arguments.joined(separator: " "))")
        }

        // No new file outside the data folder holds the citizen's data.
        let folders = Set(
            [
                "/tmp", NSTemporaryDirectory(), ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp",
                FileManager.default.temporaryDirectory.path,
            ].map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        // The scan finds what it looks for: a file written now, beside the test's folder.
        let canary = root.deletingLastPathComponent().appendingPathComponent("stepwise-canary-" + UUID().uuidString).standardizedFileURL
        try Data("canary".utf8).write(to: canary)
        let seen = folders.flatMap { newFiles(under: $0, since: started) }
        try FileManager.default.removeItem(at: canary)
        XCTAssertTrue(seen.contains(canary.path), "the scan of \(folders) would find a new file")
        var scanned = 0
        for folder in folders.sorted() {
            for file in newFiles(under: folder, since: started) {
                scanned += 1
                guard let bytes = FileManager.default.contents(atPath: file) else { continue }
                XCTAssertNil(bytes.range(of: Data(nameMarker.utf8)), "\(file) holds the citizen's name")
                XCTAssertNil(bytes.range(of: Data(textMarker.utf8)), "\(file) holds what is written about the citizen")
            }
        }
        print("leaks: \(scanned) new files outside the data folder scanned in \(folders.sorted().joined(separator: ", "))")

        // The audit log names the record by id only.
        let log = try String(contentsOf: data.appendingPathComponent("audit.log"), encoding: .utf8)
        assertNoMarker(log, "the audit log")
        XCTAssertTrue(log.contains(id), "the audit log names the record by id")
        let actions = AuditLog(store: DataStore(root: data)).entries(for: id).map(\.action)
        for expected in [AuditAction.booked, .unbooked, .exported] {
            XCTAssertTrue(actions.contains(expected), "the audit log notes \(expected): \(actions)")
        }
        // Nothing else in the data folder is a log of what happened on screen.
        let logs = snapshot(data).keys.filter { $0.hasSuffix(".log") && $0 != "audit.log" }
        XCTAssertEqual(logs, [], "no other log files")
    }

    func testACrashWithTheCitizenOnScreenPrintsNothingAboutThem() throws {
        _ = try citizen()
        let run = try startTUI(keepShell: true)
        let pid = try run.waitForPID()
        run.tmux.waitFor(nameMarker)
        run.tmux.send("Enter")
        run.tmux.waitFor("[1 Plan]")
        run.tmux.send("3")
        run.tmux.waitFor(textMarker)
        kill(pid, SIGSEGV)
        XCTAssertEqual(run.waitForExit(timeout: 20), 128 + SIGSEGV)
        // All the terminal shows and has scrolled past: the crash report of the Swift runtime.
        let output = Tmux.tmux(["capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", run.tmux.name]).stdout
        XCTAssertTrue(
            output.contains("crashed") || output.contains("Backtrace") || output.contains("Fatal"),
            "a crash report is shown (so this test sees it):\n\(output)")
        assertNoMarker(output, "the crash report")
        // No core file in the working folder or the data folder.
        let cores =
            (((try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)) ?? [])
            + ((try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? [])).filter { $0 == "core" || $0.hasPrefix("core.") }
        XCTAssertEqual(cores, [], "a crash leaves no memory dump behind")
    }

    func testCheckReportsEveryFileAndFolderOthersCouldRead() throws {
        _ = try citizen()
        let store = DataStore(root: data)
        try store.appendHistory(
            PlanVersion(
                version: 1, stamp: Stamp(by: "Anna", at: Date()), author: .citizen,
                change: PlanChange(.addGoal, "x"), plan: Plan()), participant: id)
        let coach = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
        try store.saveDraft(Data("{}".utf8), for: coach)
        XCTAssertEqual(try stepwise(["check"]).status, 0)
        let draft = "drafts/" + store.draftFile(for: coach).lastPathComponent
        let loosened = ["audit.log": 0o644, "history/\(id).jsonl": 0o640, draft: 0o604, "history": 0o755, "drafts": 0o750]
        for (path, mode) in loosened { chmod(data.appendingPathComponent(path).path, mode_t(mode)) }
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 1)
        for (path, mode) in loosened {
            XCTAssertTrue(
                check.stdout.contains("\(path): \(path.contains(".") ? "file" : "folder") mode is \(String(mode, radix: 8))"),
                "check reports \(path):\n\(check.stdout)")
        }
        assertNoMarker(check.stdout + check.stderr, "stepwise check")
    }

    /// Regular files under `folder` changed since `date`, skipping this test's own folder, big
    /// files and build folders.
    private func newFiles(under folder: String, since date: Date) -> [String] {
        var found: [String] = []
        let own = root.standardizedFileURL.path
        var stack = [folder]
        var visited = 0
        while let directory = stack.popLast(), visited < 200_000 {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names {
                visited += 1
                let path = directory + "/" + name
                if path == own || name == ".build" || name == ".git" { continue }
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: stack.append(path)
                case S_IFREG:
                    let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
                    if modified >= date && info.st_size < 50_000_000 { found.append(path) }
                default: break
                }
            }
        }
        return found
    }
}
