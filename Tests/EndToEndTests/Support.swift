import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Where things are, and the environment every run of the program gets.
enum E2E {
    /// The repository: three levels up from this file (Tests/EndToEndTests/Support.swift).
    static let repo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$STEPWISE_BIN`, else `<repo>/.build/debug/stepwise`.
    static var binary: String {
        if let bin = ProcessInfo.processInfo.environment["STEPWISE_BIN"], !bin.isEmpty { return bin }
        return repo.appendingPathComponent(".build/debug/stepwise").path
    }

    static let schemas = repo.appendingPathComponent("Resources/schema")

    /// What the program is given besides what the test adds.
    static let environment = ["STEPWISE_COACH": "Anna", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no"]

    /// Inherited variables that would change what the program does; removed unless a test
    /// sets them (`swift test` itself sets NO_COLOR=1).
    static let cleared = ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "STEPWISE_DATA", "STEPWISE_RESOURCES", "XDG_DATA_HOME"]

    /// `text` quoted for /bin/sh.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Today plus `days` as YYYY-MM-DD in the local time zone.
    static func isoDay(addingDays days: Int, to date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let day = calendar.date(byAdding: .day, value: days, to: date)!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = .current
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: day)
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes.
    @discardableResult
    static func poll(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition() { return true }
            if Date() >= deadline { return false }
            usleep(50_000)
        }
    }

    /// True while a process runs (a zombie counts as ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return kill(pid, 0) == 0
        }
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }
}

/// A test failure raised outside an assertion.
struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One start of the caseload screen inside tmux, run by a small shell script that records
/// the process id, the terminal settings before and after, and the exit status.
final class TUIRun {
    let tmux: Tmux
    let pidFile: URL
    let statusFile: URL
    let beforeFile: URL
    let afterFile: URL

    init(tmux: Tmux, files prefix: URL) {
        self.tmux = tmux
        pidFile = prefix.appendingPathExtension("pid")
        statusFile = prefix.appendingPathExtension("status")
        beforeFile = prefix.appendingPathExtension("before")
        afterFile = prefix.appendingPathExtension("after")
    }

    /// The program's process id, once the script has written it.
    var pid: pid_t? {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the process id.
    func waitForPID(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> pid_t {
        var found: pid_t?
        E2E.poll(timeout: timeout) {
            found = pid
            return found != nil
        }
        guard let found else {
            XCTFail("stepwise did not start; screen:\n\(tmux.screen())", file: file, line: line)
            throw E2EError("no pid")
        }
        return found
    }

    /// The exit status, once the program has ended.
    var exitStatus: Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8),
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "=").last
        else { return nil }
        return Int32(value)
    }

    /// Waits until the program has ended and returns its exit status.
    func waitForExit(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> Int32? {
        var status: Int32?
        if E2E.poll(
            timeout: timeout,
            {
                status = exitStatus
                return status != nil
            })
        {
            return status
        }
        XCTFail("stepwise did not end within \(timeout) s; screen:\n\(tmux.screen())", file: file, line: line)
        return nil
    }

    /// Waits until the process is gone (for ends that also take the shell, like closing the terminal).
    @discardableResult
    func waitForProcessGone(timeout: TimeInterval = 10) -> Bool {
        guard let pid else { return true }
        return E2E.poll(timeout: timeout) { !E2E.isRunning(pid) }
    }

    /// True while the program runs.
    var isRunning: Bool { pid.map(E2E.isRunning) ?? false }

    var sttyBefore: String? { try? String(contentsOf: beforeFile, encoding: .utf8) }
    var sttyAfter: String? { try? String(contentsOf: afterFile, encoding: .utf8) }
}

/// A test with its own data folder under the temporary directory and its own tmux
/// sessions; everything is removed in tearDown, also when the test failed.
class EndToEndTestCase: XCTestCase {
    /// The test's temporary folder; `data` is the data folder inside it.
    private(set) var root: URL!
    private(set) var data: URL!
    private var runFolder: URL!
    private var runs: [TUIRun] = []
    private var sessionCount = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        let binary = E2E.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw E2EError("the stepwise binary is missing at \(binary): run `swift build` first or set STEPWISE_BIN")
        }
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("stepwise-e2e-" + UUID().uuidString.prefix(8).lowercased(), isDirectory: true)
        data = root.appendingPathComponent("data", isDirectory: true)
        runFolder = root.appendingPathComponent("run", isDirectory: true)
        try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for run in runs { run.tmux.kill() }
        for run in runs {
            guard let pid = run.pid, E2E.isRunning(pid) else { continue }
            if !E2E.poll(timeout: 3, { !E2E.isRunning(pid) }) {
                kill(pid, SIGKILL)
                E2E.poll(timeout: 2) { !E2E.isRunning(pid) }
            }
        }
        runs = []
        if let root { try? FileManager.default.removeItem(at: root) }
        try super.tearDownWithError()
    }

    /// Runs the command-line program with `arguments` (and `--data` unless told otherwise).
    func stepwise(
        _ arguments: [String], data withData: Bool = true, environment: [String: String] = [:],
        umask mask: String? = nil
    ) throws -> CLIResult {
        try CLI.run(
            withData ? arguments + ["--data", data.path] : arguments,
            environment: E2E.environment.merging(environment) { $1 }, umask: mask)
    }

    /// How many participants the demo data has (set by `makeDemo`).
    private(set) var demoCount = 0

    /// Creates the demo data and fails unless it worked; returns the number of participants.
    @discardableResult
    func makeDemo(umask mask: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let result = try stepwise(["demo"], umask: mask)
        XCTAssertEqual(result.status, 0, "stepwise demo failed: \(result.stderr)", file: file, line: line)
        guard result.status == 0 else { throw E2EError("no demo data") }
        demoCount = participantFiles().count
        XCTAssertGreaterThan(demoCount, 2, "the demo data has too few participants", file: file, line: line)
        return demoCount
    }

    /// The caseload's count line with `added` participants more than the demo data.
    func participantsLine(added: Int = 0) -> String { "\(demoCount + added) participants" }

    /// The search's count line for one match, with `added` participants more than the demo data.
    func oneMatch(added: Int = 0) -> String { "1 of \(demoCount + added) match" }

    /// Starts the caseload screen in a new tmux session of `width`×`height`.
    /// - keepShell: the shell stays 60 s after the program ends (so a test can look at the terminal).
    func startTUI(
        _ arguments: [String]? = nil, width: Int = 80, height: Int = 24,
        environment extra: [String: String] = [:], keepShell: Bool = false,
        umask mask: String? = nil
    ) throws -> TUIRun {
        sessionCount += 1
        let tag = "tui\(sessionCount)"
        let prefix = runFolder.appendingPathComponent(tag)
        let run = TUIRun(tmux: Tmux(), files: prefix)
        if arguments == nil && !FileManager.default.fileExists(atPath: data.path) {
            // The screen asks before it creates a data folder; the test's folder is made as `stepwise init` would.
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let args = [E2E.binary] + (arguments ?? ["--data", data.path])
        var lines = ["#!/bin/sh", "unset " + E2E.cleared.joined(separator: " ")]
        for (key, value) in E2E.environment.merging(extra, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            lines.append("export \(key)=\(E2E.quote(value))")
        }
        if let mask { lines.append("umask \(mask)") }
        lines += [
            "stty -g > \(E2E.quote(run.beforeFile.path)) 2>/dev/null",
            "sh -c 'echo $$ > \"$0\"; exec \"$@\"' \(E2E.quote(run.pidFile.path)) " + args.map(E2E.quote).joined(separator: " "),
            "rc=$?",
            "stty -g > \(E2E.quote(run.afterFile.path)) 2>/dev/null",
            "echo \"EXIT=$rc\" > \(E2E.quote(run.statusFile.path)).tmp",
            "mv \(E2E.quote(run.statusFile.path)).tmp \(E2E.quote(run.statusFile.path))",
        ]
        if keepShell { lines.append("sleep 60") }
        let script = prefix.appendingPathExtension("sh")
        try (lines.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        runs.append(run)
        try run.tmux.start(width: width, height: height, command: "sh " + E2E.quote(script.path))
        return run
    }

    /// Every regular file under `folder` with its bytes, by path relative to it.
    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = walker.nextObject() as? String {
            let path = base + "/" + relative
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// The participant files, as JSON objects with their file URL.
    func participantFiles() -> [(url: URL, object: [String: Any])] {
        let folder = data.appendingPathComponent("participants")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: url.path),
                let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
            else { return nil }
            return (url, object)
        }
    }

    /// The first participant file whose name is `name`.
    func participantFile(named name: String) -> (url: URL, object: [String: Any])? {
        participantFiles().first { ($0.object["name"] as? String) == name }
    }
}
