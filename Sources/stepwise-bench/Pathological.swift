import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI

#if canImport(Glibc)
    import Glibc
#endif

/// Pathological records (`stepwise-bench pathological --data DIR --resources DIR`): a record
/// with a megabyte of note text (half of it one word with no space to break at), one with
/// 10,000 goals, and the text export of a 16 MB record by the real binary. Prints a table with
/// each goal met or missed, then the figures as JSON.
struct Pathological {
    let root: URL
    let resources: URL
    /// The `stepwise` binary beside this one.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepwise")

    /// What each figure must stay under: open and render a megabyte of text (ms, median), a
    /// key on a plan of 10,000 goals (ms, p99), and the export's peak memory (MB).
    static let goals: [(key: String, label: String, limit: Double, unit: String)] = [
        ("openLongText", "Open + draw 1 MB of note text (median)", 1_000, "ms"),
        ("keyLongText", "Key on the notes of 1 MB text (p99)", 100, "ms"),
        ("keyManyGoals", "Key on a plan of 10,000 goals (p99)", 100, "ms"),
        ("exportTextPeakMB", "export --format text of 16 MB: peak memory", 200, "MB"),
    ]

    func run() throws -> [String: Any] {
        try? FileManager.default.removeItem(at: root)
        let store = DataStore(root: root)
        try store.prepare()
        let now = Date()
        let by = Stamp(by: "Bench", at: now)
        func participant(_ id: String, _ name: String) -> Participant {
            Participant(id: id, name: name, language: "en", courseStart: Day(now, timeZone: .current), by: by)
        }
        func note(_ id: String, _ text: String) -> ProgressNote {
            ProgressNote(id: id, kind: .note, sessionId: nil, tags: [], text: Words(text, author: .coach, by: "Bench", at: now))
        }
        // A megabyte of text in two notes (each within the field limit): words, and one long word.
        var text = participant("p-longtext", "Long Text")
        text.notes = [
            note("n-words", String(repeating: "lorem ipsum dolor sit amet ", count: 480_000 / 27)),
            note("n-word", String(repeating: "x", count: 480_000)),
        ]
        try store.save(text)
        var goals = participant("p-manygoals", "Many Goals")
        goals.plan.goals = (0..<10_000).map { Goal(id: "g-\($0)", kind: .job, text: Words("Goal number \($0)", author: .citizen, by: "Bench", at: now)) }
        try store.save(goals)
        var large = participant("p-sixteenmb", "Sixteen Megabytes")
        // Many short notes, as years of sessions make them (each a few JSON values).
        let paragraph = String(repeating: "A note of the kind a coach writes after a session. ", count: 4)
        large.notes = (0..<40_000).map { note("n-\($0)", paragraph) }
        try store.save(large)

        var result: [String: Any] = [:]
        let env = try UIEnvironment.load(resources: resources, language: "en")
        let identity = Identity(coach: "Bench", user: "bench", host: ProcessInfo.processInfo.hostName, pid: getpid())
        let app = App(store: store, identity: identity, env: env, width: 80, height: 24)
        let screen = try BenchScreen()
        defer { screen.close() }
        var open = Samples()
        var textKeys = Samples()
        for _ in 0..<5 {
            open.add(Clock.ms {
                app.handle(.char("/"))
                "Long Text".forEach { app.handle(.char($0)) }
                app.handle(.enter)
                app.handle(.char("3"))
                screen.draw(app.render())
            })
            for key in [Key.down, .up, .end, .home] { textKeys.add(Clock.ms { app.handle(key); screen.draw(app.render()) }) }
            app.handle(.escape)
            app.handle(.escape)
        }
        result["openLongText"] = open.json
        result["keyLongText"] = textKeys.json
        "/Many Goals".forEach { app.handle(.char($0)) }
        app.handle(.enter)
        var goalKeys = Samples()
        for round in 0..<40 { goalKeys.add(Clock.ms { app.handle(round % 2 == 0 ? .down : .up); screen.draw(app.render()) }) }
        result["keyManyGoals"] = goalKeys.json
        app.shutdown()

        let bytes = (try? FileManager.default.attributesOfItem(atPath: store.participantFile(large.id).path)[.size] as? Int) ?? 0
        result["exportRecordBytes"] = bytes
        result["exportTextPeakMB"] = try exportPeak(large.id)
        return result
    }

    /// Runs `stepwise export ID --format text` and gives the child's peak resident memory in MB.
    private func exportPeak(_ id: String) throws -> Double {
        let process = Process()
        process.executableURL = binary
        let output = root.appendingPathComponent("export.txt").path
        process.arguments = ["export", id, "--format", "text", "--output", output, "--data", root.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("stepwise export ended with \(process.terminationStatus)") }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        // Linux gives the peak in kilobytes.
        return Double(usage.ru_maxrss) / 1024
    }

    /// The figures as a table, each with its goal met or missed.
    static func table(_ result: [String: Any]) -> String {
        var lines = ["Pathological records", ""]
        for goal in goals {
            let figure = (result[goal.key] as? [String: Any]).flatMap { $0[goal.label.contains("p99") ? "p99" : "median"] as? Double }
                ?? result[goal.key] as? Double ?? .nan
            let verdict = figure <= goal.limit ? "met" : "MISSED"
            lines.append(
                goal.label.padding(toLength: 48, withPad: " ", startingAt: 0)
                    + String(format: "%10.1f %@  goal ≤ %.0f %@  %@", figure, goal.unit, goal.limit, goal.unit, verdict))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `stepwise-bench pathological`: the table on standard error, the figures as JSON.
func pathological(root: URL, resources: URL) throws {
    let result = try Pathological(root: root, resources: resources).run()
    FileHandle.standardError.write(Data(Pathological.table(result).utf8))
    emit(result)
}
