import Foundation
import XCTest

/// The command line, as a script or a person at a shell uses it.
final class CLITests: EndToEndTestCase {
    func testVersion() throws {
        let result = try stepwise(["--version"], data: false)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "stepwise 0.1.0")
        XCTAssertEqual(result.stderr, "")
    }

    /// Every command of the table (as `help --table` lists it) has a help of its own that starts
    /// with its usage and names each of its options; the overview lists every command.
    func testHelpOfEveryCommand() throws {
        let table = try stepwise(["help", "--table"], data: false)
        XCTAssertEqual(table.status, 0, table.stderr)
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertTrue(rows.allSatisfy { $0.count == 7 }, "seven fields a line:\n\(table.stdout)")
        let commands = rows.filter { $0[1].isEmpty && $0[2] == "command" }.map { $0[0] }
        XCTAssertEqual(
            Set(commands),
            [
                "tui", "init", "demo", "list", "check", "offers", "jobs", "book", "unbook", "summary", "calendar", "report",
                "export", "erase", "config", "help",
            ])
        let overview = try stepwise(["--help"], data: false)
        XCTAssertEqual(try stepwise(["-h"], data: false).stdout, overview.stdout)
        XCTAssertTrue(overview.stdout.hasPrefix("Usage: stepwise [COMMAND]"), overview.stdout)
        for command in commands {
            let result = try stepwise([command, "--help"], data: false)
            XCTAssertEqual(result.status, 0, "stepwise \(command) --help")
            XCTAssertEqual(result.stderr, "", "stepwise \(command) --help")
            XCTAssertTrue(result.stdout.hasPrefix("Usage: stepwise \(command)"), "stepwise \(command) --help printed:\n\(result.stdout)")
            XCTAssertNotEqual(result.stdout, overview.stdout, "\(command) falls back to the overview")
            XCTAssertEqual(try stepwise(["help", command], data: false).stdout, result.stdout, "stepwise help \(command)")
            for option in rows where option[0] == command && ["flag", "option"].contains(option[2]) {
                XCTAssertTrue(result.stdout.contains(option[3]), "stepwise \(command) --help does not name \(option[3])")
            }
            if command != "tui" {
                XCTAssertTrue(overview.stdout.contains("\n  \(command) "), "the overview does not list \(command)")
            }
        }
        let list = try stepwise(["list", "--help"], data: false)
        XCTAssertTrue(list.stdout.contains("--json"), list.stdout)
    }

    /// The manual page is made from the same table and renders without a warning.
    func testManualPage() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { throw XCTSkip("groff is not installed") }
        let page = try stepwise(["help", "--man"], data: false)
        XCTAssertEqual(page.status, 0, page.stderr)
        let file = root.appendingPathComponent("stepwise.1")
        try page.stdoutData.write(to: file)
        let lint = try CLI.run(["-ww", "-z", "-man", file.path], executable: "/usr/bin/groff")
        XCTAssertEqual(lint.status, 0, lint.stderr)
        XCTAssertEqual(lint.stderr, "", "groff warns")
        let text = try CLI.run(["-man", "-Tascii", "-P-cbou", file.path], executable: "/usr/bin/groff")
        for command in ["init", "list", "offers", "summary", "erase"] {
            XCTAssertTrue(text.stdout.contains("Usage: stepwise \(command)"), "the manual page lacks \(command)")
        }
        for option in ["--output FILE", "--retention DAYS", "--skip-bad", "--data DIR"] {
            XCTAssertTrue(text.stdout.contains(option), "the manual page lacks \(option)")
        }
    }

    func testBadUsageExitsTwoWithAMessageOnStderr() throws {
        for arguments in [["--bogus"], ["list", "--frobnicate"], ["check", "--json"], ["nonsense"], ["list", "extra"], ["--data"]] {
            let result = try stepwise(arguments, data: false)
            let shown = "stepwise \(arguments.joined(separator: " "))"
            XCTAssertEqual(result.status, 2, shown)
            XCTAssertFalse(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(shown) says nothing on stderr")
            XCTAssertEqual(result.stdout, "", "\(shown) prints on stdout")
        }
        let bogus = try stepwise(["--bogus"], data: false)
        XCTAssertTrue(bogus.stderr.contains("--bogus"), "the message names the option: \(bogus.stderr)")
        // An unknown command is an error, never the caseload screen.
        let nonsense = try stepwise(["nonsense"], data: false)
        XCTAssertEqual(nonsense.stderr, "stepwise: unknown command 'nonsense'\nTry 'stepwise --help'.\n")
    }

    /// `list` sorts names as the coach's language does: Å after Z in Danish and Swedish, with
    /// A in German and English.
    func testListSortsNamesInTheAlphabetOfTheLanguage() throws {
        try makeDemo()
        func names(_ language: String) throws -> [String] {
            let result = try stepwise(["list", "--json"], environment: ["STEPWISE_LANG": language])
            XCTAssertEqual(result.status, 0, result.stderr)
            let array = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
            return array.compactMap { $0["name"] as? String }
        }
        XCTAssertEqual(try names("da").last, "Åsa Lindqvist")
        XCTAssertEqual(try names("sv").last, "Åsa Lindqvist")
        XCTAssertEqual(try names("de").first, "Åsa Lindqvist")
        XCTAssertEqual(try names("en").first, "Åsa Lindqvist")
    }

    func testListJSON() throws {
        try makeDemo()
        let result = try stepwise(["list", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        guard let array = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] else {
            XCTFail("list --json is not an array of objects:\n\(result.stdout)")
            return
        }
        XCTAssertEqual(array.count, participantFiles().count)
        for object in array {
            for key in ["id", "name", "courseWeek", "nextAppointment"] {
                XCTAssertNotNil(object[key], "\(key) is missing in \(object)")
            }
            XCTAssertNotNil(object["id"] as? String)
            XCTAssertNotNil(object["name"] as? String)
            XCTAssertTrue(object["courseWeek"] is NSNull || object["courseWeek"] is Int, "courseWeek: \(object["courseWeek"] ?? "?")")
            if let next = object["nextAppointment"] as? [String: Any] {
                XCTAssertNotNil(next["date"] as? String, "\(next)")
            } else {
                XCTAssertTrue(object["nextAppointment"] is NSNull, "nextAppointment: \(object["nextAppointment"] ?? "?")")
            }
        }
        let names = Set(array.compactMap { $0["name"] as? String })
        XCTAssertTrue(names.contains("Søren Ærø Kjærgaard"), "\(names)")
        let soren = array.first { ($0["name"] as? String) == "Søren Ærø Kjærgaard" }
        XCTAssertEqual(soren?["courseWeek"] as? Int, 7)
        let grace = array.first { ($0["name"] as? String) == "Grace O'Neill" }
        XCTAssertTrue(grace?["courseWeek"] is NSNull, "a course not started has no week")
        let mette = array.first { ($0["name"] as? String) == "Mette Brøndum" }
        XCTAssertTrue(mette?["nextAppointment"] is NSNull, "all conversations held: no next appointment")

        // An empty data folder lists as an empty array.
        let emptyFolder = root.appendingPathComponent("empty").path
        XCTAssertEqual(try stepwise(["init", "--data", emptyFolder], data: false).status, 0)
        let empty = try stepwise(["list", "--json", "--data", emptyFolder], data: false)
        XCTAssertEqual(empty.status, 0, empty.stderr)
        let emptyArray = (try? JSONSerialization.jsonObject(with: empty.stdoutData)) as? [Any]
        XCTAssertEqual(emptyArray?.count, 0, empty.stdout)
    }

    func testDemoRefusesAFolderWithAParticipantAddedInTheTerminal() throws {
        // A participant added by hand in the caseload screen of an empty folder.
        let run = try startTUI()
        run.tmux.waitFor("No participants yet")
        run.tmux.send("a")
        run.tmux.waitFor("Add a participant")
        run.tmux.type("Ole Ørnfeldt")
        run.tmux.waitFor("Ole Ørnfeldt")
        run.tmux.send("Enter")
        run.tmux.waitFor("Added Ole Ørnfeldt.")
        run.tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
        let before = snapshot(data)
        XCTAssertEqual(before.keys.filter { $0.hasPrefix("participants/") }.count, 1)

        let demo = try stepwise(["demo"])
        XCTAssertEqual(demo.status, 1, "demo must refuse:\n\(demo.stdout)\(demo.stderr)")
        XCTAssertTrue(demo.stderr.contains("not demo data"), demo.stderr)
        XCTAssertEqual(snapshot(data), before, "demo changed a folder it refused")
    }

    func testDemoRefusesAFolderWithAHandMadeParticipant() throws {
        let participants = data.appendingPathComponent("participants")
        try FileManager.default.createDirectory(
            at: participants, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data.path)
        let start = E2E.isoDay(addingDays: -7)
        let json = """
            {
              "conversations" : [ { "number" : 1, "planned" : "\(start)", "status" : "planned" } ],
              "courseStart" : "\(start)",
              "created" : { "at" : "2026-01-05T09:00:00Z", "by" : "Hand" },
              "id" : "p-handmade",
              "language" : "da",
              "name" : "Håndlavet Hansen",
              "schemaVersion" : 1,
              "updated" : { "at" : "2026-01-05T09:00:00Z", "by" : "Hand" }
            }

            """
        let file = participants.appendingPathComponent("p-handmade.json")
        try Data(json.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let list = try stepwise(["list", "--json"])
        XCTAssertTrue(list.stdout.contains("Håndlavet Hansen"), "the hand-made file is valid: \(list.stdout)\(list.stderr)")
        let before = snapshot(data)

        let demo = try stepwise(["demo"])
        XCTAssertEqual(demo.status, 1, "demo must refuse:\n\(demo.stdout)\(demo.stderr)")
        XCTAssertFalse(demo.stderr.isEmpty)
        XCTAssertEqual(snapshot(data), before, "demo changed a folder it refused")
        XCTAssertFalse(FileManager.default.fileExists(atPath: data.appendingPathComponent(".stepwise-demo").path))
    }

    func testDemoTwiceRefusesTheSecondTime() throws {
        try makeDemo()
        let before = snapshot(data)
        let again = try stepwise(["demo"])
        XCTAssertEqual(again.status, 1, again.stdout + again.stderr)
        XCTAssertEqual(snapshot(data), before)
    }

    func testCaseloadScreenWithoutATerminalExitsTwo() throws {
        try makeDemo()
        let result = try stepwise([])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("terminal"), "stderr: \(result.stderr)")
        XCTAssertEqual(result.stdout, "")
    }
}
