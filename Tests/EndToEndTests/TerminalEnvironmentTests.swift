import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 15 (point 4): terminals as they are. A terminal that cannot address the cursor is
/// refused with a message; a locale that is not UTF-8 does not mangle names; `$ESCDELAY`
/// is honoured, so an arrow key split on a slow link stays an arrow key.
final class TerminalEnvironmentTests: EndToEndTestCase {
    func testATerminalWithoutCursorAddressingIsRefusedWithAMessage() throws {
        try makeDemo()
        for (term, message) in [("dumb", "cannot move the cursor"), ("no-such-terminal", "is not known")] {
            let run = try startTUI(environment: ["TERM": term], keepShell: true)
            XCTAssertEqual(run.waitForExit(), 2, "TERM=\(term) is refused as bad usage")
            let screen = run.tmux.waitFor(message)
            XCTAssertTrue(screen.contains("TERM=\(term)"), "the message names the terminal:\n\(screen)")
        }
    }

    /// LANG=C (after `sudo -i`, in cron), an ISO-8859-1 locale, LC_ALL=POSIX: names are shown
    /// and typed as they are, as tmux does it (a UTF-8 locale is used when one exists).
    func testANonUTF8LocaleNeverManglesNames() throws {
        try makeDemo()
        let name = "Björn Håkansson"
        XCTAssertNotNil(participantFile(named: name), "the demo data has \(name)")
        for (index, locale) in [["LANG": "C"], ["LANG": "da_DK.ISO-8859-1"], ["LANG": "C.UTF-8", "LC_ALL": "POSIX"]].enumerated() {
            // English words whatever language the locale names (da_DK.ISO-8859-1 would choose Danish).
            let run = try startTUI(["--data", data.path, "--lang", "en"], environment: locale)
            let tmux = run.tmux
            var screen = tmux.waitFor(participantsLine(added: index))
            XCTAssertTrue(screen.contains(name), "\(locale): the name is shown whole:\n\(screen)")
            let typed = "Jürgen Ærø \(index) 李小龙"
            tmux.send("a")
            tmux.waitFor("Add a participant")
            tmux.type(typed)
            tmux.waitFor(typed)
            tmux.send("Enter")
            screen = tmux.waitFor(participantsLine(added: index + 1))
            XCTAssertTrue(screen.contains(typed), "\(locale): the typed name is shown as typed:\n\(screen)")
            tmux.send("q")
            XCTAssertEqual(run.waitForExit(), 0)
            XCTAssertNotNil(participantFile(named: typed), "\(locale): the typed name is saved as typed")

            // The command line's table: the name whole, the columns after it in line.
            let list = try stepwise(["list", "--lang", "en"], environment: locale)
            XCTAssertEqual(list.status, 0, list.stderr)
            let rows = list.stdout.components(separatedBy: "\n").filter { $0.contains(name) || $0.contains("Åsa Lindqvist") }
            XCTAssertEqual(rows.count, 2, list.stdout)
            let weekColumns = Set(rows.compactMap { row in row.range(of: "week").map { row[..<$0.lowerBound].count } })
            XCTAssertEqual(weekColumns.count, 1, "\(locale): the columns line up:\n\(rows.joined(separator: "\n"))")
        }
    }

    /// An arrow key whose two halves arrive 60 ms apart (a slow link): with ESCDELAY=200 it
    /// is still ↓, not Esc (which would leave the participant) and two letters.
    func testESCDELAYKeepsASplitArrowKeyAnArrowKey() throws {
        try makeDemo()
        let run = try startTUI(environment: ["ESCDELAY": "200"])
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("Enter")
        let before = tmux.waitForSettled("[1 Plan]")
        let selected = before.components(separatedBy: "\n").firstIndex { $0.hasPrefix("›") }
        // ↓ as the terminal sends it in keypad mode (terminfo kcud1 of tmux's TERM, ESC O B), in two parts.
        Tmux.tmux(["send-keys", "-t", tmux.name, "-H", "1b"])
        usleep(60_000)
        Tmux.tmux(["send-keys", "-t", tmux.name, "-l", "OB"])
        let after = tmux.waitUntil("the selection moves down") { screen in
            screen.components(separatedBy: "\n").firstIndex { $0.hasPrefix("›") } != selected
        }
        XCTAssertTrue(after.contains("[1 Plan]"), "the participant is still open:\n\(after)")
        XCTAssertFalse(after.contains(participantsLine()), after)
        // Esc alone still goes back (after the delay).
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }
}
