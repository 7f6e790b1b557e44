import Foundation
import XCTest

/// Two terminals on one data folder: only one edits a record at a time.
final class LockTests: EndToEndTestCase {
    private func open(_ search: String, in run: TUIRun, file: StaticString = #filePath, line: UInt = #line) -> String {
        let tmux = run.tmux
        tmux.waitFor(participantsLine(), file: file, line: line)
        tmux.send("/")
        tmux.waitFor("Search:", file: file, line: line)
        tmux.type(search)
        tmux.waitFor(oneMatch(), file: file, line: line)
        tmux.send("Enter")
        return tmux.waitFor("[1 Plan]", file: file, line: line)
    }

    func testSecondTerminalIsReadOnlyUntilTheFirstGoesBack() throws {
        try makeDemo()
        let first = try startTUI()
        var screen = open("sor", in: first)
        XCTAssertTrue(screen.contains("Søren Ærø Kjærgaard"), screen)
        XCTAssertFalse(screen.contains("Read only"), "the first terminal edits:\n\(screen)")

        // The lock file names who has the record open.
        let locks = data.appendingPathComponent("locks")
        let lockNames = ((try? FileManager.default.contentsOfDirectory(atPath: locks.path)) ?? []).filter { $0.hasSuffix(".lock") }
        XCTAssertEqual(lockNames.count, 1, "one lock is taken: \(lockNames)")
        var expectedSince: String?
        if let name = lockNames.first, let bytes = FileManager.default.contents(atPath: locks.appendingPathComponent(name).path),
            let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
            let since = object["since"] as? String, let date = ISO8601DateFormatter().date(from: since)
        {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = .current
            formatter.dateFormat = "HH:mm"
            expectedSince = formatter.string(from: date)
            XCTAssertLessThan(abs(date.timeIntervalSinceNow), 120, "the lock's time is now: \(since)")
        } else {
            XCTFail("the lock file cannot be read")
        }

        let second = try startTUI()
        screen = open("sor", in: second)
        let pattern = #"Read only: Anna \(user [^)]+\) has this record open since (\d{2}:\d{2})"#
        guard let range = screen.range(of: pattern, options: .regularExpression) else {
            XCTFail("the second terminal is not told the record is read-only:\n\(screen)")
            return
        }
        let message = String(screen[range])
        if let expectedSince { XCTAssertTrue(message.hasSuffix("since " + expectedSince), "\(message), expected since \(expectedSince)") }

        // The first terminal goes back; the record is free again.
        first.tmux.send("Escape")
        first.tmux.waitFor(participantsLine())
        XCTAssertTrue(
            E2E.poll(timeout: 5) {
                ((try? FileManager.default.contentsOfDirectory(atPath: locks.path)) ?? []).filter { $0.hasSuffix(".lock") }.isEmpty
            }, "the lock is given back when the first terminal goes back")

        // The second terminal goes back and opens it again: now it may edit.
        second.tmux.send("Escape")
        second.tmux.waitFor(participantsLine())
        second.tmux.send("Enter")
        screen = second.tmux.waitFor("[1 Plan]")
        XCTAssertTrue(screen.contains("Søren Ærø Kjærgaard"), screen)
        XCTAssertFalse(screen.contains("Read only"), "the third opening is not read-only:\n\(screen)")

        // Now the first terminal is the one that reads only.
        first.tmux.send("Enter")
        screen = first.tmux.waitFor("[1 Plan]")
        XCTAssertTrue(screen.contains("Read only: Anna"), "the lock moved to the second terminal:\n\(screen)")

        for run in [first, second] {
            run.tmux.send("Escape")
            run.tmux.waitFor(participantsLine())
            run.tmux.send("q")
            XCTAssertEqual(run.waitForExit(), 0)
        }
    }
}
