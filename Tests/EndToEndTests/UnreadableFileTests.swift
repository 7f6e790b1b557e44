import Foundation
import StepwiseTestSupport
import XCTest

/// Damaged participant files: the caseload still works, says which file and field is wrong,
/// and leaves the files as they were; `stepwise check` reports them.
final class UnreadableFileTests: EndToEndTestCase {
    /// A record whose notes were damaged after the caseload was read (by hand, in place)
    /// opens for its first frame (notes are read after it), then closes with the reason on
    /// the terminal itself, without a key.
    func testADamagedNoteShowsItsReasonOnTheTerminal() throws {
        try makeDemo()
        guard let file = participantFiles().first(where: { ($0.object["name"] as? String) == "Jürgen Weiß" }),
            var notes = file.object["notes"] as? [[String: Any]], !notes.isEmpty
        else { return XCTFail("the demo data has no notes for Jürgen Weiß") }
        let run = try startTUI(width: 80, height: 24)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        var object = file.object
        notes[0]["kind"] = "gossip"
        object["notes"] = notes
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: file.url)
        tmux.send("/")
        tmux.type("jurgen")
        tmux.waitFor(oneMatch())
        tmux.send("Enter")
        let screen = tmux.waitFor("Cannot open")
        XCTAssertTrue(screen.contains("notes[0]"), "the reason names the field:\n\(screen)")
        XCTAssertFalse(screen.contains("[1 Plan]"), "the record is not shown as open:\n\(screen)")
        tmux.send("Escape")
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0, tmux.screen())
    }

    func testDamagedFilesAreShownReportedAndLeftAlone() throws {
        try makeDemo()
        let files = participantFiles()
        // Two files to damage, neither Jürgen's (opened below).
        let candidates = files.filter { ($0.object["name"] as? String) != "Jürgen Weiß" }
        guard candidates.count >= 3, files.contains(where: { ($0.object["name"] as? String) == "Jürgen Weiß" }) else {
            XCTFail("the demo data is not as expected: \(files.map { $0.object["name"] ?? "?" })")
            return
        }
        let truncated = candidates[1]
        let wrongType = candidates[2]
        let brokenNames = [truncated, wrongType].compactMap { $0.object["name"] as? String }
        let otherNames = files.compactMap { $0.object["name"] as? String }.filter { !brokenNames.contains($0) }
        let truncatedID = truncated.url.deletingPathExtension().lastPathComponent
        let wrongTypeID = wrongType.url.deletingPathExtension().lastPathComponent

        // One file cut in half, one whose name is a number.
        let whole = try Data(contentsOf: truncated.url)
        try whole.firstHalfAtACharacter().write(to: truncated.url)
        var object = wrongType.object
        object["name"] = 42
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: wrongType.url)
        for url in [truncated.url, wrongType.url] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        }
        let before = snapshot(data)

        // At the smallest supported size the row names the record and the field.
        let run = try startTUI(width: 80, height: 24)
        let tmux = run.tmux
        var screen = tmux.waitFor("cannot be read")
        // The caseload is longer than one screen: page down to its end to see every row.
        var seen = screen
        for _ in 0..<3 {
            tmux.send("PageDown")
            seen += "\n" + tmux.settle(tmux.screen())
        }
        for name in otherNames {
            XCTAssertTrue(seen.contains(name), "\(name) is still listed:\n\(seen)")
        }
        screen = seen
        for name in brokenNames { XCTAssertFalse(screen.contains(name), "\(name) is listed from a damaged file:\n\(screen)") }
        func rows(_ screen: String) -> (truncated: String?, wrongType: String?) {
            let lines = screen.components(separatedBy: "\n")
            return (
                lines.first { $0.contains("\(truncatedID) cannot be read") }, lines.first { $0.contains("\(wrongTypeID) cannot be read") }
            )
        }
        let found = rows(screen)
        XCTAssertTrue(
            found.truncated?.contains("\(truncatedID) cannot be read: is not valid JSON (truncated or damaged)") ?? false,
            "the truncated file is shown as unreadable, with the reason:\n\(screen)")
        XCTAssertTrue(
            found.wrongType?.contains("\(wrongTypeID) cannot be read: field 'name': expected text") ?? false,
            "the file with name 42 is shown as unreadable, naming the field:\n\(screen)")
        XCTAssertTrue(screen.contains(participantsLine(added: -2) + " · 2 files cannot be read"), screen)

        // Moving over a broken row and pressing Enter does no harm; the others still open.
        tmux.send("/")
        tmux.type("jurgen")
        tmux.waitFor(oneMatch(added: -2))
        tmux.send("Enter")
        screen = tmux.waitFor("[1 Plan]")
        XCTAssertTrue(screen.contains("Jürgen Weiß"), screen)
        tmux.send("Escape")
        tmux.waitFor(participantsLine(added: -2))
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)

        let after = snapshot(data)
        XCTAssertEqual(
            after["participants/\(truncatedID).json"], before["participants/\(truncatedID).json"],
            "the truncated file was changed")
        XCTAssertEqual(
            after["participants/\(wrongTypeID).json"], before["participants/\(wrongTypeID).json"],
            "the file with the wrong name was changed")

        // `stepwise list` still lists the others and reports the broken ones on stderr.
        let list = try stepwise(["list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, otherNames.count, list.stdout)
        XCTAssertTrue(list.stderr.contains(truncatedID) && list.stderr.contains(wrongTypeID), list.stderr)

        // `stepwise check` fails and names both files.
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 1, "check must fail:\n\(check.stdout)\(check.stderr)")
        let report = check.stdout + check.stderr
        XCTAssertTrue(report.contains("participants/\(truncatedID).json"), report)
        XCTAssertTrue(report.contains("participants/\(wrongTypeID).json"), report)
        XCTAssertTrue(report.contains("field 'name'"), report)
        XCTAssertEqual(snapshot(data), after, "check changed files")

        // Without the broken files, all is well.
        try FileManager.default.removeItem(at: truncated.url)
        try FileManager.default.removeItem(at: wrongType.url)
        let clean = try stepwise(["check"])
        XCTAssertEqual(clean.status, 0, "check after removing the broken files:\n\(clean.stdout)\(clean.stderr)")
        XCTAssertTrue(clean.stdout.contains("no problems"), clean.stdout)
    }
}
