import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Citizen data is private: files 0600 and folders 0700, even under a permissive umask.
final class PermissionTests: EndToEndTestCase {
    func testEveryFileIs0600AndEveryFolder0700() throws {
        try makeDemo(umask: "000")

        // Use the caseload screen: add a participant, open one (a lock), and close the terminal
        // while a form is open (a draft).
        let run = try startTUI(umask: "000")
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("a")
        tmux.waitFor("Add a participant")
        tmux.type("Privat Person")
        tmux.send("Enter")
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("/")
        tmux.type("sor")
        tmux.waitFor(oneMatch(added: 1))
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")
        XCTAssertEqual(modes().filter { $0.path.hasPrefix("locks/") }.count, 1, "a lock file while the participant is open")
        assertPrivate("while a participant is open")
        tmux.send("Escape")
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("a")
        tmux.waitFor("Add a participant")
        tmux.type("Draft")
        tmux.waitFor("Draft")
        let pid = try run.waitForPID()
        tmux.kill()
        XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(pid) })
        XCTAssertTrue(modes().contains { $0.path.hasPrefix("drafts/") }, "a draft is kept: \(modes().map(\.path))")
        assertPrivate("after the terminal was closed")

        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 0, "check:\n\(check.stdout)\(check.stderr)")
    }

    /// Every file and folder under the data folder with its mode, the folder itself as ".".
    private func modes() -> [(path: String, mode: mode_t, isDirectory: Bool)] {
        var result: [(String, mode_t, Bool)] = []
        var info = stat()
        if lstat(data.path, &info) == 0 { result.append((".", info.st_mode & 0o7777, true)) }
        guard let walker = FileManager.default.enumerator(atPath: data.path) else { return result }
        while let relative = walker.nextObject() as? String {
            if lstat(data.path + "/" + relative, &info) == 0 {
                result.append((relative, info.st_mode & 0o7777, (info.st_mode & S_IFMT) == S_IFDIR))
            }
        }
        return result
    }

    private func assertPrivate(_ when: String, file: StaticString = #filePath, line: UInt = #line) {
        let all = modes()
        XCTAssertGreaterThan(all.count, 30, "the data folder is nearly empty", file: file, line: line)
        for entry in all {
            let expected: mode_t = entry.isDirectory ? 0o700 : 0o600
            XCTAssertEqual(
                entry.mode, expected,
                "\(entry.path) has mode \(String(entry.mode, radix: 8)), expected \(String(expected, radix: 8)) (\(when))",
                file: file, line: line)
        }
    }
}
