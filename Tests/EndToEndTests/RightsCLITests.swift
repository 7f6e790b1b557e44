import Foundation
import StepwiseCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The citizen's rights from the command line, run as a coach would: a copy of everything
/// held (`export`), erasure (`erase`), records past their time (`check --retention`), and
/// the audit log that notes each of them.
final class RightsCLITests: EndToEndTestCase {
    private let marker = "Mk" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()

    /// The demo data plus one citizen with a unique name, a note edited once, two saved plan
    /// versions, a seat in a one-seat offer (another citizen waits behind), and a place on a
    /// waitlist. Returns their id, the one waiting behind them, and the offers.
    private func citizenEverywhere() throws -> (id: String, next: String, seat: String, waiting: String) {
        try makeDemo()
        let store = DataStore(root: data)
        let now = Date()
        var citizen = Participant(
            id: "p-rights" + String(marker.suffix(4)), name: "Rita \(marker)", language: "da",
            courseStart: Day.today.adding(days: -30), by: Stamp(by: "Anna", at: now))
        var note = ProgressNote(
            id: "n-1", kind: .note, sessionId: nil, tags: ["health"],
            text: Words("note one \(marker)", author: .coach, by: "Anna", at: now))
        _ = note.edit(Words("note two \(marker)", author: .coach, by: "Anna", at: now), tags: ["health"])
        citizen.notes = [note]
        try store.save(citizen)
        let editor = PlanEditor(author: .citizen, name: "Rita", now: now, today: .today)
        var plan = Plan()
        for version in 1...2 {
            let change = editor.addGoal(kind: .job, text: "goal \(version) \(marker)", in: &plan)
            plan.version = version
            try store.appendHistory(
                PlanVersion(
                    version: version, stamp: Stamp(by: "Anna", at: now), author: .citizen,
                    change: change, plan: plan), participant: citizen.id)
        }
        let others = participantFiles().compactMap { $0.object["id"] as? String }.filter { $0 != citizen.id }
        let csv = root.appendingPathComponent("rights.csv")
        try "id,title,kind,capacity,waitlist\r\no-oneseat,One seat,workshop,1,\r\no-full,Full,workshop,1,\r\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        XCTAssertEqual(try stepwise(["offers", "import", csv.path]).status, 0)
        XCTAssertEqual(try stepwise(["book", citizen.id, "o-oneseat"]).status, 0)
        XCTAssertEqual(try stepwise(["book", others[0], "o-oneseat"]).stdout.hasPrefix("waitlisted"), true)
        XCTAssertEqual(try stepwise(["book", others[1], "o-full"]).status, 0)
        XCTAssertEqual(try stepwise(["book", citizen.id, "o-full"]).stdout.hasPrefix("waitlisted"), true)
        return (citizen.id, others[0], "o-oneseat", "o-full")
    }

    func testExportGivesTheCitizenEverythingHeldAsJSONAndText() throws {
        let (id, next, _, _) = try citizenEverywhere()
        let jsonFile = root.appendingPathComponent("copy.json")
        let json = try stepwise(["export", id, "--output", jsonFile.path])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.hasPrefix("exported everything held about \(id) to \(jsonFile.path)"), json.stdout)
        XCTAssertNil(json.stdout.range(of: marker), "the summary line names no content")
        XCTAssertEqual(try mode(of: jsonFile), 0o600, "the copy is readable only by its owner")

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [String: Any])
        let record = try XCTUnwrap(object["record"] as? [String: Any])
        XCTAssertEqual(record["name"] as? String, "Rita \(marker)")
        let notes = try XCTUnwrap(record["notes"] as? [[String: Any]])
        XCTAssertEqual((notes.first?["versions"] as? [Any])?.count, 2, "the note with its earlier version")
        XCTAssertEqual((object["planHistory"] as? [Any])?.count, 2)
        let bookings = try XCTUnwrap(object["bookings"] as? [[String: Any]])
        XCTAssertEqual(
            bookings.map { "\($0["offerId"] ?? "") \($0["place"] ?? "") \($0["position"] ?? "")" },
            ["o-full waiting 1", "o-oneseat seat 1"])
        let audit = try XCTUnwrap(object["auditLog"] as? [[String: Any]])
        XCTAssertEqual(
            audit.compactMap { $0["action"] as? String }, ["booked", "booked", "exported"],
            "the citizen sees who booked for them, and this export")
        XCTAssertEqual(Set(audit.compactMap { $0["coach"] as? String }), ["Anna"])
        let whole = try String(contentsOf: jsonFile, encoding: .utf8)
        XCTAssertNil(whole.range(of: next), "the copy names no other citizen")

        // The same as text, on standard output.
        let text = try stepwise(["export", id, "--format", "text"])
        XCTAssertEqual(text.status, 0, text.stderr)
        for expected in [
            "Everything Stepwise holds about you", "Name: Rita \(marker)", "note one \(marker)", "note two \(marker)",
            "goal 2 \(marker)", "Every saved version of your plan", "Offer title: One seat", "Place: waiting",
            "Action: exported",
        ] {
            XCTAssertTrue(text.stdout.contains(expected), "the text has \(expected):\n\(text.stdout)")
        }

        // Each export is in the audit log, by id only.
        let log = try String(contentsOf: data.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertEqual(log.components(separatedBy: "\n").filter { $0.contains("\"exported\"") && $0.contains(id) }.count, 2)
        XCTAssertNil(log.range(of: marker), "the audit log holds no content")

        // Mistakes.
        let unknown = try stepwise(["export", "p-nobody"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("unknown participant 'p-nobody'"), unknown.stderr)
        XCTAssertEqual(try stepwise(["export", id, "--format", "pdf"]).status, 2)
        XCTAssertEqual(try stepwise(["export", "../etc"]).status, 2)
        XCTAssertEqual(try stepwise(["export"]).status, 2)
        XCTAssertEqual(try stepwise(["export", id, "--output", "/nonexistent/dir/x.json"]).status, 1)
    }

    func testEraseAsksFirstThenRemovesEverythingPromotesTheNextAndLeavesAnAnonymousTrace() throws {
        let (id, next, seat, waiting) = try citizenEverywhere()
        // A form about them left half-typed when a colleague's terminal closed.
        let store = DataStore(root: data)
        try store.saveDraft(
            Data(#"{"participantId":"\#(id)","form":{"typed":"half \#(marker)"}}"#.utf8),
            for: Identity(coach: "Bo", user: "bo", host: "h", pid: 1))
        // The caseload index, which holds names, is built by listing.
        XCTAssertTrue(try stepwise(["list"]).stdout.contains(marker))
        let before = snapshot(data)

        let ask = try stepwise(["erase", id])
        XCTAssertEqual(ask.status, 1, "without --yes nothing is erased")
        XCTAssertEqual(
            ask.stdout,
            "This would erase everything held about \(id): the record (plan, notes with earlier versions, sessions, "
                + "ratings, contacts, journal, job search, follow-along support), 2 saved plan versions, 1 seat, 1 place on a waitlist, 1 half-typed form, "
                + "2 audit log entries (kept, made anonymous).\n")
        XCTAssertTrue(ask.stderr.contains("--yes"), ask.stderr)
        XCTAssertNil((ask.stdout + ask.stderr).range(of: marker), "counts only")
        XCTAssertEqual(snapshot(data), before, "nothing changed")

        let erase = try stepwise(["erase", id, "--yes"])
        XCTAssertEqual(erase.status, 0, erase.stderr)
        XCTAssertTrue(erase.stdout.hasPrefix("erased \(id): "), erase.stdout)
        XCTAssertTrue(erase.stdout.contains("promoted from the waitlist: \(next) now holds a seat in \(seat)"), erase.stdout)
        XCTAssertTrue(erase.stdout.contains("erased-1"), erase.stdout)

        // Nothing anywhere names them or holds what was written about them.
        for (path, bytes) in snapshot(data) {
            XCTAssertNil(bytes.range(of: Data(id.utf8)), "\(path) still names the erased participant")
            XCTAssertNil(bytes.range(of: Data(marker.utf8)), "\(path) still holds their data")
        }
        XCTAssertEqual(try store.loadOffer(seat).booked.map(\.participantId), [next])
        XCTAssertEqual(try store.loadOffer(waiting).waiting, [])
        XCTAssertEqual(try store.loadParticipant(next).journal.last?.kind, .promoted, "the promoted citizen's record says so")
        let log = AuditLog(store: store)
        XCTAssertEqual(log.entries(for: "erased-1").map(\.action), [.booked, .booked, .erased])
        XCTAssertEqual(log.entries(for: "erased-1").last?.coach, "Anna", "who erased stays on record")
        XCTAssertEqual(log.entries(for: next).map(\.action), [.booked], "others' entries stay")

        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        try assertAuditLogMatchesItsSchema()
        let again = try stepwise(["erase", id, "--yes"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("nothing is held about \(id)"), again.stderr)
        XCTAssertEqual(try stepwise(["export", id]).status, 1)
        XCTAssertEqual(try stepwise(["erase", "NotAnId", "--yes"]).status, 2)
    }

    func testRetentionListsRecordsWhoseCourseEndedLongAgoAndIsNotAnError() throws {
        try makeDemo()
        let store = DataStore(root: data)
        let old = Participant(
            id: "p-oldcourse", name: "Old \(marker)", language: "da",
            courseStart: Day.today.adding(days: -600), by: Stamp(by: "Anna", at: Date()))
        let recent = Participant(
            id: "p-recentend", name: "Recent \(marker)", language: "da",
            courseStart: Day.today.adding(days: -300), by: Stamp(by: "Anna", at: Date()))
        try store.save(old)
        try store.save(recent)
        let oldEnd = old.courseEnd
        let recentEnd = recent.courseEnd

        let year = try stepwise(["check", "--retention", "365"])
        XCTAssertEqual(year.status, 0, "listing is not an error: \(year.stderr)")
        // The demo's own finished courses are listed too; these two are the test's.
        let ours = { (line: String) in line.hasPrefix("p-oldcourse") || line.hasPrefix("p-recentend") }
        XCTAssertEqual(
            year.stdout.components(separatedBy: "\n").filter(ours),
            ["p-oldcourse  \(oldEnd.iso)  \(oldEnd.days(to: .today)) days"])
        XCTAssertTrue(year.stdout.contains("1 of \(demoCount + 2) records: course ended more than 365 days ago"), year.stdout)
        XCTAssertNil(year.stdout.range(of: marker), "no names")

        let months = try stepwise(["check", "--retention=60"])
        XCTAssertEqual(months.status, 0)
        XCTAssertEqual(
            months.stdout.components(separatedBy: "\n").filter(ours),
            [
                "p-oldcourse  \(oldEnd.iso)  \(oldEnd.days(to: .today)) days",
                "p-recentend  \(recentEnd.iso)  \(recentEnd.days(to: .today)) days",
            ])

        XCTAssertEqual(try stepwise(["check", "--retention", "soon"]).status, 2)
        XCTAssertEqual(try stepwise(["check", "--retention", "-5"]).status, 2)
        XCTAssertEqual(try stepwise(["check", "--retention"]).status, 2)
        let plain = try stepwise(["check"])
        XCTAssertEqual(plain.status, 0, "check without --retention is as before: \(plain.stdout)")
        XCTAssertTrue(plain.stdout.contains("no problems"), plain.stdout)

        // A damaged record cannot be judged: reported, and the exit status says the list may be short.
        let file = try store.participantFile("p-recentend")
        try Data("{".utf8).write(to: file)
        let damaged = try stepwise(["check", "--retention", "60"])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertTrue(damaged.stderr.contains("participants/p-recentend.json"), damaged.stderr)
        XCTAssertTrue(damaged.stdout.contains("p-oldcourse"), damaged.stdout)
    }

    /// Many processes booking at once each note their booking in the audit log: every line
    /// whole, none lost.
    func testAuditLinesFromProcessesRacingNeverMixNorGetLost() throws {
        try makeDemo()
        let people = participantFiles().compactMap { $0.object["id"] as? String }
        XCTAssertGreaterThanOrEqual(people.count, 8)
        let csv = root.appendingPathComponent("race.csv")
        try "id,title,kind,capacity\r\no-audit-a,A,workshop,3\r\no-audit-b,B,workshop,2\r\n".write(
            to: csv, atomically: true, encoding: .utf8)
        XCTAssertEqual(try stepwise(["offers", "import", csv.path]).status, 0)
        var succeeded = 0
        for round in 0..<6 {
            let offer = round % 2 == 0 ? "o-audit-a" : "o-audit-b"
            let verb = round % 4 < 2 ? "book" : "unbook"
            let results = try runTogether(people.prefix(8).map { [verb, $0, offer, "--data", data.path] })
            succeeded += results.filter { $0 == 0 }.count
        }
        let bytes = try Data(contentsOf: data.appendingPathComponent("audit.log"))
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(bytes.last, 0x0A)
        XCTAssertEqual(lines.count, succeeded, "one line per booking or cancellation that was made")
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            XCTAssertNotNil(object, "a whole line: \(String(decoding: line, as: UTF8.self))")
        }
        XCTAssertEqual(AuditLog(store: DataStore(root: data)).entries().count, succeeded)
        XCTAssertEqual(try mode(of: data.appendingPathComponent("audit.log")), 0o600)
    }

    /// Every line of the audit log matches the published schema (Resources/schema/audit-entry.schema.json).
    private func assertAuditLogMatchesItsSchema(file: StaticString = #filePath, line: UInt = #line) throws {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[2], encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            errors, count = [], 0
            for number, text in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
                count += 1
                for error in validator.iter_errors(json.loads(text)):
                    errors.append(f"line {number}: {error.message}")
            print("\\n".join(errors) if errors else f"{count} lines valid")
            sys.exit(1 if errors or count == 0 else 0)
            """
        let path = root.appendingPathComponent("validate-audit.py")
        try script.write(to: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            [
                "python3", path.path, data.appendingPathComponent("audit.log").path,
                E2E.schemas.appendingPathComponent("audit-entry.schema.json").path,
            ],
            executable: "/usr/bin/env", timeout: 60)
        XCTAssertEqual(
            result.status, 0, "the audit log does not match its schema:\n\(result.stdout)\(result.stderr)", file: file, line: line)
    }

    /// Starts every command at once and returns their exit statuses.
    private func runTogether(_ commands: [[String]]) throws -> [Int32] {
        var pids: [pid_t] = []
        for arguments in commands {
            pids.append(try Spawn.start(arguments))
        }
        return pids.map { Spawn.wait($0) }
    }

    private func mode(of url: URL) throws -> mode_t {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw E2EError("no \(url.path)") }
        return info.st_mode & 0o777
    }
}

/// Starting the program without waiting for it, for races and for killing it mid-work.
enum Spawn {
    /// Starts the program with `arguments`; its output goes to /dev/null.
    static func start(_ arguments: [String], executable: String = E2E.binary) throws -> pid_t {
        let argv = [executable] + arguments
        var inherited = ProcessInfo.processInfo.environment
        for name in E2E.cleared { inherited[name] = nil }
        let environment = inherited.merging(E2E.environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnv)
        guard result == 0 else { throw E2EError("cannot start \(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    /// Waits for the process; returns its exit status, or 128 + the signal that ended it.
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// True once the process has ended (and reaps it); its status goes to `status`.
    static func hasEnded(_ pid: pid_t, status: inout Int32) -> Bool {
        var raw: Int32 = 0
        let done = waitpid(pid, &raw, WNOHANG)
        guard done == pid else { return false }
        status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        return true
    }
}
