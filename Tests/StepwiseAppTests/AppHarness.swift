import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// Drives the real `App` in process, with keys, against a temporary data folder: the same
/// update, effects, files and screens as the program in a terminal, in milliseconds and
/// exactly. The clock is fixed (it moves one second per read, so stamps keep their order), ids
/// are counted, and the time zone is UTC, so every run gives the same state and screens. A
/// terminal (tmux) is still needed for what only a terminal shows: signals, resize, `stty`,
/// colour, paste.
final class AppHarness {
    /// The moment the harness's clock starts from: Monday 30 November 2026, 09:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_796_029_200)

    private let temp = TempStore()
    let folder: URL
    let store: DataStore
    private(set) var identity: Identity
    let language: String
    let width: Int
    let height: Int
    private let clock: SteppingClock
    private let ids: CountingIDs
    private(set) var app: App

    /// A data folder of its own (with the demo data when `demo`), and the app started on it.
    init(demo: Bool = true, width: Int = 100, height: Int = 60, language: String = "en", coach: String = "Anna") throws {
        folder = temp.url
        store = temp.store
        identity = Identity(coach: coach, user: "anna", host: "harness", pid: getpid())
        self.language = language
        self.width = width
        self.height = height
        clock = SteppingClock(from: AppHarness.start)
        ids = CountingIDs()
        try store.prepare()
        if demo {
            try DemoData.create(
                in: store, resources: resourcesURL, today: Day(AppHarness.start, timeZone: .gmt), by: identity,
                now: AppHarness.start)
        }
        app = try AppHarness.makeApp(
            store: store, identity: identity, language: language, width: width, height: height,
            clock: clock, ids: ids)
    }

    deinit { temp.cleanUp() }

    private static func makeApp(
        store: DataStore, identity: Identity, language: String, width: Int, height: Int,
        clock: SteppingClock, ids: CountingIDs
    ) throws -> App {
        let env = try UIEnvironment.load(
            resources: resourcesURL, language: language,
            alsoLoading: Localizer.available(resources: resourcesURL),
            makeID: { ids.next($0) }, timeZone: .gmt, home: "/home/anna")
        return App(store: store, identity: identity, env: env, width: width, height: height, clock: { clock.read() })
    }

    /// Ends this run of the program (as `q` would, keeping a draft and giving back locks) and
    /// starts a new one on the same folder, with the clock and ids going on.
    /// With `coach`, the new run is that coach's, on the same login (a shared service account).
    /// `meanwhile` runs between the two (another terminal acting while none runs here).
    func restart(coach: String? = nil, meanwhile: () throws -> Void = {}) throws {
        app.shutdown()
        try meanwhile()
        if let coach { identity.coach = coach }
        app = try AppHarness.makeApp(
            store: store, identity: identity, language: language, width: width, height: height,
            clock: clock, ids: ids)
        // A draft restored on a tab that lists the catalogue shows it when it comes.
        app.takeCatalogue(wait: true)
    }

    /// Another terminal on the same data folder, for `coach` on the same login: it sees the
    /// first terminal's records read only while the first holds them.
    func otherTerminal(coach: String) throws -> App {
        var other = identity
        other.coach = coach
        return try AppHarness.makeApp(
            store: store, identity: other, language: language, width: width, height: height, clock: clock, ids: ids)
    }

    /// Another terminal for `coach` (`otherTerminal`) with the record `query` finds open on it.
    func otherTerminal(coach: String, opening query: String) throws -> App {
        let other = try otherTerminal(coach: coach)
        other.handle(.char("/"))
        query.forEach { other.handle(.char($0)) }
        other.handle(.enter)
        other.completeRecord()
        return other
    }

    // MARK: - Keys

    /// Presses keys in order; a string is typed character by character. After each key the
    /// record just opened is read whole, as the terminal driver does once it drew the frame,
    /// and the catalogue read on another thread for it is shown (the driver shows it when
    /// it comes), as are the rows of the whole caseload that a key waits for.
    func press(_ keys: Key...) { keys.forEach(handle) }

    /// Types `text` as single key presses.
    func type(_ text: String) { text.forEach { handle(.char($0)) } }

    private func handle(_ key: Key) {
        app.handle(key)
        // Keys kept for the whole caseload act when its rows come (the driver draws then).
        if app.keysWaitForCaseload { app.takeWholeCaseload(wait: true) }
        app.completeRecord()
        app.takeCatalogue(wait: true)
    }

    /// Searches the caseload for `query` and opens the one match.
    func open(_ query: String, file: StaticString = #filePath, line: UInt = #line) {
        press(.char("/"))
        type(query)
        XCTAssertEqual(state.visibleRows.count, 1, "one match for \(query)", file: file, line: line)
        press(.enter)
        XCTAssertNotNil(state.open, "a participant is open:\n\(screen)", file: file, line: line)
    }

    // MARK: - What it shows

    var state: AppState { app.state }

    /// The screen as text, one line per row.
    var screen: String { app.render().text }

    /// The first row of the screen that contains `text`, or "".
    func row(containing text: String) -> String {
        screen.components(separatedBy: "\n").first { $0.contains(text) } ?? ""
    }

    /// The screen's rows joined with single spaces between words (a line wrapped on screen
    /// reads as one).
    var flatScreen: String {
        screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    // MARK: - Files

    /// The id of the demo participant called `name`.
    func id(of name: String) -> String? {
        store.participantIDs().first { (try? store.loadParticipant($0))?.name == name }
    }

    /// The participant's file as JSON.
    func participantJSON(_ id: String) -> [String: Any] {
        let url = store.root.appendingPathComponent("participants/\(id).json")
        guard let data = try? Data(contentsOf: url) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// The plan history's lines as JSON objects (a line that does not parse fails the test).
    func historyLines(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        let url = store.root.appendingPathComponent("history/\(id).jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { row in
            guard let object = (try? JSONSerialization.jsonObject(with: Data(row.utf8))) as? [String: Any] else {
                XCTFail("a history line is not JSON: \(row.prefix(200))", file: file, line: line)
                return nil
            }
            return object
        }
    }

    /// Runs `script` with python3, the real peer of a file's readers (jsonschema, icalendar),
    /// given `arguments`; gives its exit status and its standard output, trimmed.
    func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The day `days` after the harness's start, as the screen writes it ("Mon 14 Dec 2026").
    func dayWithWeekday(addingDays days: Int) -> String {
        app.env.strings.dayWithWeekday(Day(AppHarness.start, timeZone: .gmt).adding(days: days))
    }
}

/// A clock that starts at a given moment and moves one second each time it is read.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(from start: Date) { now = start }

    func read() -> Date {
        lock.lock()
        defer { lock.unlock() }
        now = now.addingTimeInterval(1)
        return now
    }
}

/// Record ids counted per prefix: `g-1`, `g-2`, `s-1`, ….
final class CountingIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func next(_ prefix: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        counts[prefix, default: 0] += 1
        return "\(prefix)-\(counts[prefix] ?? 0)"
    }
}
