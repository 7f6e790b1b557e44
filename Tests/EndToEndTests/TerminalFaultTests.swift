import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal misbehaving: a storm of sizes from 10x3 to 300x100 with keys in between,
/// also inside a form; ends by SIGHUP, SIGABRT and a trap; and the terminal closed in the
/// middle of writing a goal. (SIGTERM, SIGINT, SIGSEGV and closing the terminal in the add
/// form are in TerminalRestoreTests.)
final class TerminalFaultTests: EndToEndTestCase {
    func testAStormOfSizesWithKeysInBetweenAlsoInsideAFormCrashesNothing() throws {
        try makeDemo()
        let run = try startTUI(width: 80, height: 24)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        var generator = SystemRandomNumberGenerator()
        var sizes: [String] = []
        func storm(_ count: Int, keys: [String]) {
            // The extremes first, then random sizes.
            let fixed = [(10, 3), (300, 100), (11, 4), (299, 99)]
            for index in 0..<count {
                let size =
                    index < fixed.count
                    ? fixed[index]
                    : (Int.random(in: 10...300, using: &generator), Int.random(in: 3...100, using: &generator))
                sizes.append("\(size.0)x\(size.1)")
                tmux.resize(width: size.0, height: size.1)
                tmux.send(keys[index % keys.count])
                if index % 10 == 9 {
                    _ = tmux.screen()
                    XCTAssertTrue(run.isRunning, "stepwise ended during the storm \(sizes.joined(separator: " "))")
                }
            }
        }

        // Back at 80×24 once the program has drawn that size: its footer is on the last row.
        // (Keys typed while "the terminal is too small" is shown do nothing, so the next key
        // must not arrive before the program has seen the new size.)
        func resizeBack(footer: String) {
            tmux.resize(width: 80, height: 24)
            _ = tmux.waitUntil("the footer \"\(footer)\" is drawn on the last row at 80×24") { screen in
                screen.components(separatedBy: "\n").dropFirst(23).first?.contains(footer) ?? false
            }
        }

        // On the caseload, moving up and down.
        storm(30, keys: ["Down", "j", "Up", "k"])
        resizeBack(footer: "q Quit")
        tmux.waitFor(participantsLine())
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")

        // In a participant, switching tabs.
        storm(30, keys: ["2", "3", "4", "1", "Tab", "BTab"])
        resizeBack(footer: "Esc Back")
        tmux.send("1")
        tmux.waitFor("[1 Plan]")

        // Inside the goal form, moving the cursor in what was typed.
        tmux.send("g")
        tmux.waitFor("A new goal")
        let typed = "Storm goal ÆØÅ"
        tmux.type(typed)
        tmux.waitFor(typed)
        storm(40, keys: ["Left", "Right"])
        XCTAssertEqual(sizes.count, 100)

        resizeBack(footer: "Esc Cancel")
        var screen = tmux.waitFor(typed)
        XCTAssertTrue(screen.contains("A new goal"), "the form is still open after the storm:\n\(screen)")
        XCTAssertTrue(run.isRunning, "after the storm \(sizes.joined(separator: " "))")

        // The form still works: the goal is saved.
        tmux.send("Enter")
        screen = tmux.waitForGone("A new goal")
        tmux.waitFor(typed)
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0, "after the storm \(sizes.joined(separator: " "))")
        let saved = participantFiles().contains { file in
            ((file.object["plan"] as? [String: Any])?["goals"] as? [[String: Any]])?.contains {
                (($0["text"] as? [String: Any])?["text"] as? String) == typed
            } ?? false
        }
        XCTAssertTrue(saved, "the goal typed during the storm was saved")
    }

    /// Starts stepwise with a participant open, ends it with `signal`, and checks that the
    /// shell gets its terminal back as it was.
    private func assertTerminalGivenBack(after signal: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        try makeDemo(file: file, line: line)
        let run = try startTUI(keepShell: true)
        let pid = try run.waitForPID(file: file, line: line)
        run.tmux.waitFor(participantsLine(), file: file, line: line)
        run.tmux.send("Enter")
        run.tmux.waitFor("[1 Plan]", file: file, line: line)
        kill(pid, signal)
        let status = run.waitForExit(timeout: 15, file: file, line: line)
        XCTAssertEqual(status, 128 + signal, "ended by signal \(signal)", file: file, line: line)
        let before = run.sttyBefore?.trimmingCharacters(in: .whitespacesAndNewlines)
        let after = run.sttyAfter?.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(before?.isEmpty ?? true, "stty -g before was recorded", file: file, line: line)
        XCTAssertEqual(before, after, "the terminal settings differ after signal \(signal)", file: file, line: line)
        assertBracketedPasteOff(run, file: file, line: line)
        // The terminal echoes what is typed again (the shell's `sleep` reads it, in cooked mode).
        run.tmux.type("typed after the end")
        run.tmux.waitFor("typed after the end", file: file, line: line)
    }

    func testSIGHUPGivesTheTerminalBackAndTheLock() throws {
        try assertTerminalGivenBack(after: SIGHUP)
        let locks = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("locks").path)) ?? []
        XCTAssertEqual(locks.filter { $0.hasSuffix(".lock") }, [], "SIGHUP (a closed terminal) gives the edit lock back")
    }

    func testAnAbortGivesTheTerminalBack() throws {
        try assertTerminalGivenBack(after: SIGABRT)
    }

    func testATrapGivesTheTerminalBack() throws {
        // What a Swift runtime error (a failed precondition, an overflow) raises on x86-64.
        try assertTerminalGivenBack(after: SIGILL)
    }

    /// Closing the terminal while a goal is half-written: the next start opens the same
    /// participant with the goal form and what was typed.
    func testClosingTheTerminalInTheGoalFormKeepsWhatWasTyped() throws {
        try makeDemo()
        let typed = "Ringe til Netto om praktik ÆØÅ"
        let first = try startTUI()
        let pid = try first.waitForPID()
        first.tmux.waitFor(participantsLine())
        first.tmux.send("Enter")
        var screen = first.tmux.waitFor("[1 Plan]")
        let name = try XCTUnwrap(
            participantFiles().compactMap { $0.object["name"] as? String }.first { screen.contains($0) },
            "the open participant's name is on screen:\n\(screen)")
        first.tmux.send("g")
        first.tmux.waitFor("A new goal")
        first.tmux.type(typed)
        first.tmux.waitFor(typed)

        first.tmux.kill()
        XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(pid) }, "stepwise did not end when its terminal was closed")
        let file = try XCTUnwrap(participantFile(named: name))
        XCTAssertFalse(
            String(decoding: try Data(contentsOf: file.url), as: UTF8.self).contains(typed),
            "a half-written goal is not saved into the plan")

        let second = try startTUI()
        screen = second.tmux.waitFor("Restored what you were typing")
        XCTAssertTrue(screen.contains("A new goal"), "the goal form is open again:\n\(screen)")
        XCTAssertTrue(screen.contains(typed), "what was typed is back:\n\(screen)")
        XCTAssertTrue(screen.contains(name), "in the same participant:\n\(screen)")

        // It can be finished and saved.
        second.tmux.send("Enter")
        second.tmux.waitForGone("A new goal")
        second.tmux.send("Escape")
        second.tmux.waitFor(participantsLine())
        second.tmux.send("q")
        XCTAssertEqual(second.waitForExit(), 0)
        XCTAssertTrue(String(decoding: try Data(contentsOf: file.url), as: UTF8.self).contains(typed), "the goal was saved")
        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("drafts").path)) ?? []
        XCTAssertEqual(drafts, [], "the draft is used once")
    }
}
