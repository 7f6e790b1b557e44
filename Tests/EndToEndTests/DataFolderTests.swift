import Foundation
import XCTest

/// A data folder that does not exist (a mistyped `--data`, an unmounted network share) is never
/// created silently: commands fail naming it, the screen asks first, `init` and `demo` create it.
final class DataFolderTests: EndToEndTestCase {
    func testEveryCommandRefusesAMissingDataFolder() throws {
        let missing = root.appendingPathComponent("not-mounted/stepwise")
        let csv = root.appendingPathComponent("offers.csv")
        try Data("title,kind,capacity\nCV-værksted,workshop,12\n".utf8).write(to: csv)
        let commands = [
            ["list"], ["list", "--json"], ["check"], ["check", "--retention", "30"], ["offers", "list"],
            ["offers", "import", csv.path], ["offers", "export"], ["book", "p-abc", "o-abc"], ["unbook", "p-abc", "o-abc"],
            ["summary", "p-abc"], ["calendar", "p-abc"], ["export", "p-abc"], ["erase", "p-abc", "--yes"],
        ]
        for arguments in commands {
            let result = try CLI.run(arguments + ["--data", missing.path])
            let shown = "stepwise " + arguments.joined(separator: " ")
            XCTAssertEqual(result.status, 1, "\(shown): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", shown)
            XCTAssertTrue(result.stderr.hasPrefix("stepwise: no data folder at \(missing.path) "), "\(shown): \(result.stderr)")
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: root.appendingPathComponent("not-mounted").path),
                "\(shown) created the folder")
        }
    }

    func testInitAndDemoCreatePrivateFolders() throws {
        let made = root.appendingPathComponent("new/data")
        let first = try CLI.run(["init", "--data", made.path], umask: "000")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "created the data folder \(made.path) (mode 0700)\n")
        for folder in ["", "/participants", "/offers", "/locks"] {
            XCTAssertEqual(mode(made.path + folder), 0o700, "\(folder) under umask 000")
        }
        let again = try CLI.run(["init", "--data", made.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "the data folder \(made.path) is there\n")
        let list = try CLI.run(["list", "--data", made.path])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(try CLI.run(["check", "--data", made.path]).status, 0)

        let demo = root.appendingPathComponent("demo/data")
        XCTAssertEqual(try CLI.run(["demo", "--data", demo.path], umask: "000").status, 0)
        XCTAssertEqual(mode(demo.path), 0o700)
        XCTAssertEqual(mode(demo.path + "/participants"), 0o700)
    }

    func testTheScreenAsksBeforeCreatingTheDataFolder() throws {
        let missing = root.appendingPathComponent("typo")
        var run = try startTUI(["--data", missing.path], keepShell: true)
        run.tmux.waitFor("There is no data folder at \(missing.path).")
        run.tmux.waitFor("Create it here? (yes/no)")
        run.tmux.type("n")
        run.tmux.send("Enter")
        run.tmux.waitFor("Nothing was created.")
        XCTAssertEqual(run.waitForExit(), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))

        // Enter alone is no.
        run = try startTUI(["--data", missing.path], keepShell: true)
        run.tmux.waitFor("Create it here? (yes/no)")
        run.tmux.send("Enter")
        run.tmux.waitFor("Nothing was created.")
        XCTAssertEqual(run.waitForExit(), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))

        // In the screen's language; yes creates it, 0700, and the caseload opens.
        run = try startTUI(["--data", missing.path, "--lang", "da"])
        run.tmux.waitFor("Der er ingen datamappe i \(missing.path).")
        run.tmux.waitFor("Skal den oprettes her? (ja/nej)")
        run.tmux.type("j")
        run.tmux.send("Enter")
        run.tmux.waitFor("Ingen deltagere endnu")
        XCTAssertEqual(mode(missing.path), 0o700)
        run.tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}
