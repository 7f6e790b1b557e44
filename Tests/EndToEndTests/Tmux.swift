import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A detached tmux session that a test types into and reads, as a person would.
/// Every session of a test process lives on its own tmux server (socket), so nothing
/// else running tmux on the machine is touched.
final class Tmux {
    static let socket = "stepwise-e2e-\(getpid())"
    let name: String
    private(set) var started = false

    init() {
        name = "e2e-" + UUID().uuidString.prefix(12).lowercased()
    }

    /// Runs tmux with `arguments` on the test server.
    @discardableResult
    static func tmux(_ arguments: [String]) -> CLIResult {
        let result = try? CLI.run(
            ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, executable: "/usr/bin/env",
            environment: [:], timeout: 10)
        return result ?? CLIResult(status: -1, stdoutData: Data(), stderr: "tmux could not be run")
    }

    /// Starts the session running `command` in a `width`×`height` window.
    func start(width: Int, height: Int, command: String) throws {
        var result = Tmux.tmux(["-u", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
        // A server whose last session just ended is still exiting: the next session starts a
        // new server once the old one is gone.
        for _ in 0..<5 where result.status != 0 && result.stderr.contains("server exited unexpectedly") {
            usleep(200_000)
            result = Tmux.tmux(["-u", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
        }
        guard result.status == 0 else { throw E2EError("tmux new-session failed: \(result.stderr)") }
        started = true
    }

    /// Sends named keys, e.g. "Enter", "Escape", "Tab", "BTab", "Up", "C-c", or single characters.
    func send(_ keys: String...) {
        for key in keys { Tmux.tmux(["send-keys", "-t", name, key]) }
    }

    /// Types text literally, a few characters at a time so that none are dropped.
    func type(_ text: String) {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let group = String(characters[index..<min(characters.count, index + 3)])
            Tmux.tmux(["send-keys", "-t", name, "-l", "--", group])
            index += 3
            if index < characters.count { usleep(15_000) }
        }
    }

    /// The screen as text; with `escapes`, with the colour and attribute sequences.
    func screen(escapes: Bool = false) -> String {
        Tmux.tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : [])).stdout
    }

    /// The screen on one line: lines trimmed and joined by single spaces, so that text the
    /// program wrapped can be found.
    static func flat(_ screen: String) -> String {
        screen.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Waits until the screen shows `text` (on one line, or with `wrapped` anywhere across
    /// lines); fails printing the last screen.
    @discardableResult
    func waitFor(
        _ text: String, timeout: TimeInterval = 10, wrapped: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        waitUntil("the screen shows \"\(text)\"", timeout: timeout, file: file, line: line) { screen in
            wrapped ? Tmux.flat(screen).contains(Tmux.flat(text)) : screen.contains(text)
        }
    }

    /// Waits for `text`, then until the screen stops changing, so that a frame is read whole.
    @discardableResult
    func waitForSettled(_ text: String, wrapped: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> String {
        settle(waitFor(text, wrapped: wrapped, file: file, line: line))
    }

    /// `screen`, or the screen once two captures in a row are alike.
    func settle(_ screen: String) -> String {
        var last = screen
        for _ in 0..<40 {
            usleep(40_000)
            let now = self.screen()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// Waits until the add-participant form's course-start preview ("→ Mon 14 Dec 2026") is
    /// shown (`shown`) or gone; the choice hint's "← →" does not count.
    @discardableResult
    func waitForDatePreview(shown: Bool, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitUntil("the date preview is \(shown ? "shown" : "gone")", timeout: 10, file: file, line: line) {
            ($0.range(of: "→ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) ", options: .regularExpression) != nil) == shown
        }
    }

    /// Waits until `text` is no longer on the screen.
    @discardableResult
    func waitForGone(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitUntil("\"\(text)\" leaves the screen", timeout: timeout, file: file, line: line) { !$0.contains(text) }
    }

    /// Waits until `condition` holds for the screen; returns the last screen.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
        _ condition: (String) -> Bool
    ) -> String {
        var last = ""
        if E2E.poll(
            timeout: timeout,
            {
                last = screen()
                return condition(last)
            })
        {
            return last
        }
        XCTFail("timed out after \(timeout) s waiting until \(what); the screen was:\n\(Tmux.frame(last))", file: file, line: line)
        return last
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) {
        Tmux.tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// True while the session exists.
    var exists: Bool { Tmux.tmux(["has-session", "-t", name]).status == 0 }

    /// Ends the session (its processes get SIGHUP, as when a terminal window is closed).
    func kill() {
        guard started else { return }
        Tmux.tmux(["kill-session", "-t", name])
        started = false
    }

    /// A screen with a frame around it, for failure messages.
    static func frame(_ screen: String) -> String {
        let lines = screen.components(separatedBy: "\n")
        return (["┌" + String(repeating: "─", count: 40)] + lines.map { "│" + $0 } + ["└" + String(repeating: "─", count: 40)])
            .joined(separator: "\n")
    }
}
