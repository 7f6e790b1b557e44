import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// However Stepwise ends, the shell gets its terminal back as it was (`stty -g` before and
/// after are equal, bracketed paste off), and closing the terminal keeps what was being typed.
final class TerminalRestoreTests: EndToEndTestCase {
    /// Starts stepwise in a shell that records `stty -g` before and after, ends it with
    /// `end`, and checks the settings and the exit status.
    private func assertTerminalGivenBack(
        expectedExit: Int32, file: StaticString = #filePath, line: UInt = #line,
        end: (TUIRun, pid_t) -> Void
    ) throws {
        try makeDemo(file: file, line: line)
        let run = try startTUI(keepShell: true)
        let pid = try run.waitForPID(file: file, line: line)
        // Somewhere with more on screen than the caseload: an open participant.
        run.tmux.waitFor(participantsLine(), file: file, line: line)
        run.tmux.send("Enter")
        run.tmux.waitFor("[1 Plan]", file: file, line: line)
        end(run, pid)
        let status = run.waitForExit(timeout: 10, file: file, line: line)
        if status == nil, E2E.isRunning(pid) {
            XCTFail("stepwise is still running after it was ended; the shell never got its terminal back", file: file, line: line)
        }
        XCTAssertEqual(status, expectedExit, "exit status", file: file, line: line)
        guard status != nil else { return }
        let before = run.sttyBefore?.trimmingCharacters(in: .whitespacesAndNewlines)
        let after = run.sttyAfter?.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(before, "stty -g before was not recorded", file: file, line: line)
        XCTAssertFalse(before?.isEmpty ?? true, "stty -g before is empty", file: file, line: line)
        XCTAssertEqual(before, after, "the terminal settings differ after stepwise ended", file: file, line: line)
        assertBracketedPasteOff(run, file: file, line: line)
        // The lock of the open participant is given back (a crash may leave it; it is taken over later).
        if expectedExit != 128 + SIGSEGV {
            let locks = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("locks").path)) ?? []
            XCTAssertEqual(locks.filter { $0.hasSuffix(".lock") }, [], "a lock was left behind", file: file, line: line)
        }
    }

    func testSIGTERMGivesTheTerminalBack() throws {
        try assertTerminalGivenBack(expectedExit: 128 + SIGTERM) { _, pid in kill(pid, SIGTERM) }
    }

    func testSIGINTGivesTheTerminalBack() throws {
        try assertTerminalGivenBack(expectedExit: 128 + SIGINT) { _, pid in kill(pid, SIGINT) }
    }

    func testQuitKeyGivesTheTerminalBack() throws {
        try assertTerminalGivenBack(expectedExit: 0) { run, _ in
            run.tmux.send("Escape")
            run.tmux.waitFor(participantsLine())
            run.tmux.send("q")
        }
    }

    func testCtrlCGivesTheTerminalBack() throws {
        try assertTerminalGivenBack(expectedExit: 0) { run, _ in run.tmux.send("C-c") }
    }

    func testCrashGivesTheTerminalBack() throws {
        try assertTerminalGivenBack(expectedExit: 128 + SIGSEGV) { _, pid in kill(pid, SIGSEGV) }
    }

    /// The demo's caseload in a terminal with the form that adds a participant open and
    /// `typed` in it; the terminal and its process.
    private func typingANewParticipant(_ typed: String) throws -> (TUIRun, pid_t) {
        try makeDemo()
        let run = try startTUI()
        let pid = try run.waitForPID()
        run.tmux.waitFor(participantsLine())
        run.tmux.send("a")
        run.tmux.waitFor("Add a participant")
        run.tmux.type(typed)
        run.tmux.waitFor(typed)
        return (run, pid)
    }

    /// A terminal killed outright (SIGKILL: no handler runs) while a form is typed keeps what
    /// was typed at the last pause; a second terminal of the same coach started meanwhile
    /// does not take it while the first runs, and a form saved leaves no draft behind.
    func testKilledOutrightKeepsWhatWasTyped() throws {
        let typed = "Typed before the power cut ÆØÅ"
        let (first, pid) = try typingANewParticipant(typed)
        // A pause: the driver's idle tick keeps the draft.
        Thread.sleep(forTimeInterval: 1)

        let second = try startTUI()
        let meanwhile = second.tmux.waitFor(participantsLine())
        XCTAssertFalse(meanwhile.contains("Restored what you were typing"), "a draft still being typed is left to its terminal:\n\(meanwhile)")
        second.tmux.send("q")
        XCTAssertEqual(second.waitForExit(), 0)

        kill(pid, SIGKILL)
        XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(pid) }, "stepwise was not killed")
        XCTAssertNil(participantFile(named: typed))

        let third = try startTUI()
        let screen = third.tmux.waitFor("Restored what you were typing")
        XCTAssertTrue(screen.contains(typed), "the typed name is back:\n\(screen)")
        third.tmux.send("Enter")
        third.tmux.waitFor(participantsLine(added: 1))
        // Saved: killed now, nothing comes back.
        let thirdPID = try third.waitForPID()
        Thread.sleep(forTimeInterval: 0.6)
        kill(thirdPID, SIGKILL)
        XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(thirdPID) })
        let fourth = try startTUI()
        let last = fourth.tmux.waitFor(participantsLine(added: 1))
        XCTAssertFalse(last.contains("Restored what you were typing"), last)
        fourth.tmux.send("q")
        XCTAssertEqual(fourth.waitForExit(), 0)
    }

    /// Typing on without a pause is kept every few seconds, not only at a pause; a start right
    /// after the kill (the killed process not yet reaped) brings it back.
    func testSteadyTypingIsKeptWithoutAPause() throws {
        let (first, pid) = try typingANewParticipant("Steady")
        // One key every 0.15 s for about 4.5 s: never a pause of the idle tick's 0.2 s.
        let typed = " typing without a pause"
        for character in typed {
            first.tmux.type(String(character))
            Thread.sleep(forTimeInterval: 0.15)
        }
        kill(pid, SIGKILL)
        let second = try startTUI()
        let screen = second.tmux.waitFor("Restored what you were typing")
        XCTAssertTrue(screen.contains("Steady typing"), "the words typed before the last few seconds are back:\n\(screen)")
        second.tmux.send("Escape", "Escape")
        second.tmux.send("q")
        XCTAssertEqual(second.waitForExit(), 0)
    }

    /// Closing the terminal window (SIGHUP) while a form is open keeps what was typed.
    func testClosingTheTerminalKeepsWhatWasTyped() throws {
        let typed = "Halfway typed ÆØÅ"
        let (first, pid) = try typingANewParticipant(typed)

        first.tmux.kill()
        XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(pid) }, "stepwise did not end when its terminal was closed")
        XCTAssertNil(participantFile(named: typed), "a half-typed form must not be saved as a participant")

        let second = try startTUI()
        let screen = second.tmux.waitFor("Restored what you were typing")
        XCTAssertTrue(screen.contains("Add a participant"), "the form is open again:\n\(screen)")
        XCTAssertTrue(screen.contains(typed), "the typed name is back:\n\(screen)")

        // It can be finished and saved.
        second.tmux.send("Enter")
        second.tmux.waitFor(participantsLine(added: 1))
        second.tmux.send("q")
        XCTAssertEqual(second.waitForExit(), 0)
        XCTAssertNotNil(participantFile(named: typed))

        // Restored once only.
        let third = try startTUI()
        let last = third.tmux.waitFor(participantsLine(added: 1))
        XCTAssertFalse(last.contains("Restored what you were typing"), last)
        XCTAssertFalse(last.contains("Add a participant"), last)
        third.tmux.send("q")
        XCTAssertEqual(third.waitForExit(), 0)
    }
}
