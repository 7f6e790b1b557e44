import Foundation
import XCTest

/// The add-participant form with bad input: the messages say what is wrong, what was typed
/// stays, and Esc leaves nothing behind.
final class FormTests: EndToEndTestCase {
    func testBadInputShowsMessagesKeepsTypingAndEscSavesNothing() throws {
        try makeDemo()
        let before = snapshot(data)
        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())

        tmux.send("a")
        tmux.waitFor("Add a participant")

        // An empty name.
        tmux.send("Enter")
        var screen = tmux.waitFor("Please write a name.")
        XCTAssertTrue(screen.contains("Add a participant"), "the form stays open:\n\(screen)")

        // A day that does not exist.
        tmux.send("Tab")
        tmux.send("C-u")
        tmux.waitForDatePreview(shown: false)
        tmux.type("31/2")
        tmux.waitFor("31/2")
        tmux.send("Enter")
        screen = tmux.waitFor("Not a date.")
        XCTAssertTrue(screen.contains("Please write a name."), "both problems are shown:\n\(screen)")
        XCTAssertTrue(screen.contains("31/2"), "the typed date stays on screen:\n\(screen)")
        XCTAssertTrue(screen.contains("› Name"), "the focus goes to the first bad field:\n\(screen)")

        // Typing a name clears its message; the bad date still holds the form back.
        tmux.type("Ingrid Ødegård")
        tmux.waitForGone("Please write a name.")
        tmux.send("Enter")
        screen = tmux.waitFor("› Course start")
        XCTAssertTrue(screen.contains("Ingrid Ødegård"), "the typed name stays on screen:\n\(screen)")
        XCTAssertTrue(screen.contains("31/2"), screen)
        XCTAssertTrue(screen.contains("Not a date."), screen)
        XCTAssertTrue(screen.contains("Add a participant"), screen)

        // Esc first asks, as something was typed; the second Esc cancels and nothing is saved.
        tmux.send("Escape")
        screen = tmux.waitFor("Leave without saving?", wrapped: true)
        XCTAssertTrue(screen.contains("Ingrid Ødegård"), "one Esc keeps what was typed:\n\(screen)")
        tmux.send("Escape")
        screen = tmux.waitFor("Cancelled; nothing was saved.")
        XCTAssertFalse(screen.contains("Add a participant"), screen)
        XCTAssertTrue(screen.contains(participantsLine()), screen)
        XCTAssertFalse(screen.contains("Ingrid"), screen)
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)

        XCTAssertNil(participantFile(named: "Ingrid Ødegård"), "the cancelled participant was saved")
        // The caseload index is a cache the program keeps beside the records; the records are what count.
        let after = snapshot(data).filter { $0.key != "caseload-index.jsonl" && $0.key != "placement-migration.stamp" }
        XCTAssertEqual(Set(after.keys), Set(before.keys), "files were added or removed by a cancelled form")
        for (path, bytes) in before { XCTAssertEqual(after[path], bytes, "\(path) changed") }

        // The next start shows the caseload as it was, with no form brought back.
        let again = try startTUI()
        screen = again.tmux.waitFor(participantsLine())
        XCTAssertFalse(screen.contains("Restored what you were typing"), screen)
        XCTAssertFalse(screen.contains("Add a participant"), screen)
        again.tmux.send("q")
        XCTAssertEqual(again.waitForExit(), 0)
    }

    /// `?` is typed as text in a form, so F1 (sent by the real terminal as its escape
    /// sequence) opens the help over the form; Esc goes back to the form with what was typed.
    func testF1OpensTheHelpInAFormAndEscKeepsWhatWasTyped() throws {
        try makeDemo()
        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("a")
        tmux.waitFor("F1 Help")
        tmux.type("Åse? Ødegård 😀")
        tmux.waitFor("Åse? Ødegård")
        tmux.send("F1")
        var screen = tmux.waitFor("Keys")
        XCTAssertTrue(screen.contains("Go to the next field"), "the help lists the form's keys:\n\(screen)")
        tmux.send("Escape")
        screen = tmux.waitFor("Add a participant")
        XCTAssertTrue(screen.contains("Åse? Ødegård 😀"), "the typed text is kept:\n\(screen)")
        tmux.send("Escape")
        tmux.waitFor("Leave without saving?", wrapped: true)
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    /// Under a TERM whose Home and End are not the ones the terminal sends (xterm-256color
    /// inside tmux, which sends `ESC [1~` and `ESC [4~`), Home and End still move in the field,
    /// and a sequence no terminal description knows is one key that does nothing: the form
    /// stays open and nothing of the sequence is typed.
    func testHomeEndAndUnknownSequencesUnderAnotherTerm() throws {
        try makeDemo()
        let run = try startTUI(environment: ["TERM": "xterm-256color"])
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("a")
        tmux.waitFor("F1 Help")
        tmux.type("bc")
        tmux.waitFor("bc")
        tmux.send("Home")
        tmux.type("a")
        tmux.send("End")
        tmux.type("d")
        for sequence in ["\u{1B}[99~", "\u{1B}[1;5P"] { Tmux.tmux(["send-keys", "-t", tmux.name, "-l", "--", sequence]) }
        tmux.type("e")
        let screen = tmux.waitFor("abcde")
        XCTAssertTrue(screen.contains("Add a participant"), "the form is still open:\n\(screen)")
        XCTAssertFalse(screen.contains("99~") || screen.contains("1;5P"), "a sequence was typed as text:\n\(screen)")
        tmux.send("Escape")
        tmux.waitFor("Leave without saving?", wrapped: true)
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }
}
