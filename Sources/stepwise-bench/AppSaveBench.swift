import Foundation
import StepwiseCore

#if canImport(Glibc)
    import Glibc
#endif

/// The moments, on the monotonic clock, at which the steps of one save reached the disk
/// (as `AtomicFile.tracer` tells them), from any thread.
private final class StepClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moments: [(AtomicFile.Step, Double)] = []

    func note(_ step: AtomicFile.Step) {
        let now = Clock.now()
        lock.withLock { moments.append((step, now)) }
    }

    /// Milliseconds from `start` to the first step `matches` accepts; nil when none did.
    func ms(since start: Double, _ matches: (AtomicFile.Step) -> Bool) -> Double? {
        lock.withLock { moments.first { matches($0.0) }.map { ($0.1 - start) * 1000 } }
    }
}

extension InProcess {
    /// The app's whole save of one change, as a person waits for it after Enter
    /// (`ChangeSave.save`: the record through `ParticipantJournal.save`, its audit line and, for
    /// a plan change, the plan version in its history, written side by side), for a typical
    /// record and the largest, each round beside the same change saved step after step as
    /// before (journal save, then audit line, then history line, each timed) and the durable
    /// write alone of a file of the record's size (`AtomicFile.write`: temp file, fsync,
    /// rename, fsync of the folder: what a save cannot go below on this disk), interleaved so
    /// that a busy moment of the machine falls on all three alike. Also: the whole save's CPU
    /// time (every thread, and the saving thread alone), and when each step reached the disk,
    /// counted from the start of the save (`steps`), and the first save after opening, apart
    /// (`first`). Milliseconds. 200 rounds of the typical record and 100 of the largest, so
    /// that the nearest-rank p99 is the third and the second slowest save, not the slowest.
    func appSaves() throws -> [String: Any] {
        var result: [String: Any] = [:]
        if let typical = typicalRecord() { result["typical"] = try appSaves(of: typical.id, rounds: 200) }
        result["largest"] = try appSaves(of: largestId, rounds: 100)
        return result
    }

    private func appSaves(of id: String, rounds: Int) throws -> [String: Any] {
        let identity = Identity(coach: "Bench", user: "bench", host: ProcessInfo.processInfo.hostName, pid: getpid())
        let wait = 0.03  // as a screen waits for a short lock (PendingSaves)
        var participant = try ParticipantJournal.read(id, in: store)
        // A person opens a record and then types: its check in the background has ended by
        // the first save (timing it would count a whole encoding of the record in one save).
        SplicedRecordEncoder.waitForChecks()
        let file = try store.participantFile(id)
        let audit = AuditLog(store: store).url.path
        let history = store.root.appendingPathComponent("history/\(id).jsonl").path
        var whole = Samples()
        var cpu = Samples()
        var threadCPU = Samples()
        var serial = Samples()
        var phases = (journal: Samples(), audit: Samples(), history: Samples())
        var floor = Samples()
        var steps = (temp: Samples(), audit: Samples(), rename: Samples(), folder: Samples(), history: Samples())
        // The data set is left as found: the history and the audit log are cut back to their
        // lengths before (a longer history would slow every later run's open of the record).
        let lengths = [audit, history].map { path in (path, (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil) }
        defer {
            for (path, length) in lengths {
                if let length { truncate(path, off_t(length)) } else { unlink(path) }
            }
        }
        let floorFolder = store.root.appendingPathComponent(".bench-fsync")
        try AtomicFile.makeDirectory(floorFolder)
        defer { try? FileManager.default.removeItem(at: floorFolder) }
        let floorFile = floorFolder.appendingPathComponent("record.json")
        func version(_ round: Int) -> PlanVersion {
            let editor = PlanEditor(author: .coach, name: "Bench", now: Date(), today: .today)
            var plan = participant.plan
            let change = editor.addGoal(kind: .job, text: "Bench goal \(round)", in: &plan)
            return PlanVersion(version: plan.version, stamp: Stamp(by: "Bench", at: Date()), author: .coach, change: change, plan: plan)
        }
        // The first save after opening is timed apart: it also starts the threads the saves
        // after it reuse (the figures from its second save on are what a person waits for).
        participant.updated = Stamp(by: "Bench first", at: Date())
        let first = try Clock.ms {
            participant = try ChangeSave.save(participant, version: version(-1), audit: .changed, in: store, as: identity, at: Date(), lockTimeout: wait)
                .participant
        }
        for round in 0..<rounds {
            participant.updated = Stamp(by: "Bench \(round)", at: Date())
            let clock = StepClock()
            let changed = version(round)
            var start = 0.0
            var saved = participant
            cpu.add(
                try Clock.ms(on: CLOCK_PROCESS_CPUTIME_ID) {
                    start = Clock.now()
                    try Clock.ms(&whole, cpu: &threadCPU) {
                        saved = try AtomicFile.tracing({ clock.note($0) }) {
                            try ChangeSave.save(participant, version: changed, audit: .changed, in: store, as: identity, at: Date(), lockTimeout: wait)
                        }.participant
                    }
                })
            participant = saved
            func step(_ samples: inout Samples, _ wanted: AtomicFile.Step) {
                if let ms = clock.ms(since: start, { $0 == wanted }) { samples.add(ms) }
            }
            step(&steps.temp, .tempFile(file.path))
            step(&steps.audit, .appended(audit))
            step(&steps.rename, .renaming(file.path))
            step(&steps.folder, .folder(file.deletingLastPathComponent().path))
            step(&steps.history, .appended(history))

            // The same change saved one file after the other, as before.
            participant.updated = Stamp(by: "Bench serial \(round)", at: Date())
            let serialVersion = version(round)
            serial.add(
                try Clock.ms {
                    phases.journal.add(try Clock.ms { participant = try ParticipantJournal.save(participant, in: store, as: identity, lockTimeout: wait) })
                    phases.audit.add(
                        try Clock.ms {
                            try AuditLog(store: store, lockTimeout: wait).record(.changed, participant: id, by: identity, at: Date())
                        })
                    phases.history.add(try Clock.ms { try store.appendHistory(serialVersion, participant: id) })
                })
            let blank = Data(repeating: 0x20, count: try Data(contentsOf: file).count)
            floor.add(try Clock.ms { try AtomicFile.write(blank, to: floorFile, folderMayBeLink: false) })
        }
        return [
            "bytes": try Data(contentsOf: file).count, "first": first, "whole": whole.orderedJSON, "cpu": cpu.orderedJSON, "threadCPU": threadCPU.orderedJSON,
            "serial": serial.json,
            "serialPhases": ["journalSave": phases.journal.json, "audit": phases.audit.json, "history": phases.history.json],
            "durableWriteFloor": floor.json,
            "steps": [
                "recordTempFileSynced": steps.temp.json, "auditLineSynced": steps.audit.json, "renaming": steps.rename.json,
                "folderSynced": steps.folder.json, "historyLineSynced": steps.history.json,
            ],
        ]
    }
}
