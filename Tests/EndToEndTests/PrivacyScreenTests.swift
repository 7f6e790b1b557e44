import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The privacy screen: one key hides everything about the citizen at once (someone walks in);
/// only the word "open" and Enter bring the screen back, just as it was.
final class PrivacyScreenTests: EndToEndTestCase {
    private let citizen = "Søren Ærø Kjærgaard"
    private let query = "sor"

    func testLHidesTheParticipantAndOnlyTheWordOpenBringsItBack() throws {
        try makeDemo()
        let names = participantFiles().compactMap { $0.object["name"] as? String }
        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        openParticipant(in: tmux)
        // The screen once it has settled (two captures alike).
        var visible = tmux.screen()
        tmux.waitUntil("the screen settles") { screen in
            defer { visible = screen }
            return screen == visible
        }
        var screen = visible

        // L: hidden at once.
        tmux.send("L")
        screen = tmux.waitForSettled("The screen is hidden", wrapped: true)
        XCTAssertTrue(Tmux.flat(screen).contains("type the word “open” and press Enter"), "how to come back:\n\(screen)")
        assertHidden(screen, names: names)

        // Typed letters show as dots, not as themselves.
        tmux.type("hej")
        screen = tmux.waitForSettled("•••")
        XCTAssertFalse(screen.contains("hej"), "what is typed is not echoed:\n\(screen)")
        assertHidden(screen, names: names)

        // Random keys and Enter leave it hidden; so do the keys that act elsewhere.
        tmux.send("Enter")
        screen = tmux.settle(tmux.waitForGone("•••"))
        assertHidden(screen, names: names)
        for keys in [["q"], ["Escape"], ["1", "2", "Enter"], ["Tab", "Enter"], ["C-l"], ["C-c"], ["L"], ["Up", "Down", "Enter"]] {
            tmux.send(keys[0])
            for key in keys.dropFirst() { tmux.send(key) }
            usleep(100_000)
            screen = tmux.screen()
            assertHidden(screen, names: names, after: keys.joined(separator: " "))
        }
        XCTAssertTrue(run.isRunning, "no key but the word quits or shows the screen")
        // A near miss, and the word with other letters around it, do not open it either.
        for attempt in ["opne", "xopen", "open open"] {
            tmux.type(attempt)
            tmux.waitFor("••••")
            tmux.send("Enter")
            screen = tmux.settle(tmux.waitForGone("••••"))
            assertHidden(screen, names: names, after: attempt)
        }

        // The word and Enter: back as it was, with the name.
        tmux.type("open")
        tmux.waitFor("••••")
        tmux.send("Enter")
        screen = tmux.waitForSettled("[1 Plan]")
        XCTAssertTrue((screen.components(separatedBy: "\n").first ?? "").contains(citizen), "the name is back:\n\(screen)")
        XCTAssertFalse(screen.contains("The screen is hidden"), screen)
        screen = tmux.settle(tmux.waitUntil("the screen is as it was before hiding:\n\(Tmux.frame(visible))", timeout: 3) { $0 == visible })

        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    func testCtrlXHidesAFormBeingTypedAndItComesBackAsItWas() throws {
        try makeDemo()
        let names = participantFiles().compactMap { $0.object["name"] as? String }
        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        openParticipant(in: tmux)

        // While typing a goal, L is a letter; Ctrl-X hides.
        let words = "Lære at køre Lastbil"
        tmux.send("g")
        tmux.waitFor("A new goal")
        tmux.type(words)
        var screen = tmux.waitForSettled(words)
        tmux.send("C-x")
        screen = tmux.waitForSettled("The screen is hidden", wrapped: true)
        assertHidden(screen, names: names)
        XCTAssertFalse(screen.contains(words), "the words being typed are hidden too:\n\(screen)")
        tmux.type("OPEN")
        tmux.waitFor("••••")
        tmux.send("Enter")
        screen = tmux.waitForSettled("A new goal")
        XCTAssertTrue(screen.contains(words), "the form is back with what was typed:\n\(screen)")
        XCTAssertTrue((screen.components(separatedBy: "\n").first ?? "").contains(citizen), screen)

        // Nothing was saved by hiding; Esc asks, and a second Esc cancels the form.
        tmux.send("Escape")
        tmux.waitFor("Leave without saving?", wrapped: true)
        tmux.send("Escape")
        tmux.waitFor("Cancelled; nothing was saved.")
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
        let plan = participantFile(named: citizen)?.object["plan"] as? [String: Any]
        XCTAssertEqual(plan?["version"] as? Int, 1, "no goal was saved")
    }

    // MARK: - Helpers

    @discardableResult
    private func openParticipant(in tmux: Tmux, file: StaticString = #filePath, line: UInt = #line) -> String {
        tmux.send("/")
        tmux.waitFor("Search:", file: file, line: line)
        tmux.type(query)
        tmux.waitFor(oneMatch(), file: file, line: line)
        tmux.send("Enter")
        let opened = tmux.waitUntil("\(citizen) is open", file: file, line: line) {
            $0.contains("[1 Plan]") && ($0.components(separatedBy: "\n").first ?? "").contains(citizen) && $0.contains("Writing:")
        }
        return tmux.settle(opened)
    }

    /// The screen shows the privacy text and nothing of any participant or of the record.
    private func assertHidden(
        _ screen: String, names: [String], after keys: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let context = keys.isEmpty ? "" : " after \(keys)"
        XCTAssertTrue(Tmux.flat(screen).contains("The screen is hidden"), "hidden\(context):\n\(screen)", file: file, line: line)
        for name in names {
            for part in name.split(separator: " ") where part.count > 3 {
                XCTAssertFalse(screen.contains(part), "\(part) is on the hidden screen\(context):\n\(screen)", file: file, line: line)
            }
        }
        for text in ["Plan", "Offers", "week", "Course", "Conversation", "Writing", "Anna"] {
            XCTAssertFalse(screen.contains(text), "\(text) is on the hidden screen\(context):\n\(screen)", file: file, line: line)
        }
    }
}
