import Foundation
import StepwiseCore

/// The citizen's rights from the command line: `stepwise export ID` (a copy of everything
/// held), `stepwise erase ID --yes` (erasure), and `stepwise check --retention DAYS` (records
/// kept past their time). Messages name ids, files and fields, never what a record says.
extension Command {
    static let export = Command(
        "export", summary: "a copy of everything held about one citizen (JSON or text)",
        options: [
            Option("--format", value: "json|text", completes: .words, "json (the default) or readable text"),
            Option("--output", value: "FILE", completes: .file, "write to FILE (mode 0600) instead of standard output"),
        ],
        arguments: [.participant], action: .run { $0.export() })

    static let erase = Command(
        "erase", summary: "erase everything held about one citizen (--yes)",
        options: [Option("--yes", "erase; without it, only say what would be erased")],
        arguments: [.participant], action: .run { $0.erase() })
}

extension Command.Argument {
    /// A participant's id, as `stepwise list` shows it.
    static let participant = Command.Argument(name: "PARTICIPANT", noun: "a participant id", completes: .participantID)
}

extension Commands {
    func export() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else {
            printError(invalidParticipantID(id))
            return 2
        }
        let format = options.values["--format"] ?? "json"
        guard format == "json" || format == "text" else {
            return usage(text("export.formatValues", ["format": format]))
        }
        guard requireDataFolder() else { return 1 }
        // The record is read once, for the copy.
        let participant: Participant
        do {
            participant = try store.loadParticipant(id)
        } catch {
            printError(text("export.nothingExportedBecause", ["reason": participantProblem(id, error)]))
            return 1
        }
        // The text names scores by the indicators' statements; the JSON gives the scores by
        // the indicators' ids and needs no statements.
        let indicators = format == "text" ? loadIndicators() : nil
        if format == "text" && indicators == nil { return 1 }
        let identity = Identity.current(environment: environment)
        // The copy is only made once the log says so.
        do {
            try AuditLog(store: store).record(.exported, participant: id, by: identity)
        } catch {
            printError(text("export.auditFailed", ["reason": "\(error)"]))
            return 1
        }
        var data: Data?
        let export = CitizenExport.collect(participant, from: store, by: identity)
        do {
            // The text is written as it is made (a large record is never held as text whole).
            if format == "json" { data = try export.json() }
        } catch {
            printError(text("export.failed", ["reason": "\(error)"]))
            return 1
        }
        for problem in export.unreadableOffers {
            warn(text("export.offerUnreadable", ["problem": strings.problemText(problem)]))
        }
        let written = data.map { emit($0, .json) } ?? indicators.flatMap { indicators in
            emitStreaming(.text()) { try export.writeText(strings, indicators: indicators, timeZone: timeZone, $0) }
        }
        guard let destination = written else { return 1 }
        guard case .file(let output) = destination else { return 0 }
        say(
            text(
                "export.done",
                [
                    "id": id, "path": output, "format": format, "notes": count(export.participant.notes.count, "note"),
                    "versions": count(export.planHistory.count, "planVersion"), "bookings": count(export.bookings.count, "booking"),
                    "entries": count(export.audit.count, "auditEntry"),
                ]))
        return 0
    }

    func erase() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else {
            printError(invalidParticipantID(id))
            return 2
        }
        guard requireDataFolder() else { return 1 }
        let inventory: Erasure.Inventory
        do {
            inventory = try Erasure.inventory(of: id, in: store)
        } catch {
            printError(strings.problemText(error))
            return 1
        }
        guard !inventory.isEmpty else {
            printError(text("erase.nothingHeld", ["id": id]))
            return 1
        }
        guard options.flags.contains("--yes") else {
            say(text("erase.wouldErase", ["id": id, "held": held(inventory)]))
            printError(text("erase.notWithoutYes", ["id": id]))
            return 1
        }
        let report: Erasure.Report
        do {
            report = try Erasure.erase(id, in: store, as: Identity.current(environment: environment))
        } catch {
            printError(strings.problemText(error))
            return 1
        }
        say(text("erase.erased", ["id": id, "held": held(report.inventory)]))
        for (offer, participant) in report.promoted { say(promoted(participant, into: offer)) }
        if !report.marker.isEmpty { say(text("erase.marker", ["marker": report.marker])) }
        for warning in report.warnings { warn(warning) }
        for problem in report.problems { printError(text("erase.notFinished", ["problem": problem])) }
        if !report.isFinished {
            let left = held(report.left) + (report.indexStillNames ? text("erase.indexLine") : "")
            printError(text("erase.stillHeld", ["id": id, "held": left]))
            printError(text("erase.runAgain", ["id": id]))
            return 1
        }
        return 0
    }

    /// What is held about a participant, as counts in words (`cli.held.*`), e.g. "the record,
    /// 4 saved plan versions, 2 seats, 12 audit log entries (kept, made anonymous)".
    func held(_ inventory: Erasure.Inventory) -> String {
        var parts: [String] = []
        if inventory.participantFile { parts.append(text("held.record")) }
        if inventory.historyVersions > 0 { parts.append(count(inventory.historyVersions, "savedPlanVersion")) }
        if inventory.historyFile && inventory.historyVersions == 0 { parts.append(text("held.historyFile")) }
        let counted: [(Int, String)] = [
            (inventory.seats, "seat"), (inventory.waitlistPlaces, "waitlistPlace"), (inventory.drafts, "draft"),
            (inventory.temporaryFiles, "temporaryFile"), (inventory.lockFiles, "lockFile"), (inventory.auditEntries, "keptAuditEntry"),
        ]
        parts += counted.filter { $0.0 > 0 }.map { count($0.0, $0.1) }
        return parts.isEmpty ? text("held.nothing") : parts.joined(separator: ", ")
    }

    /// `check --retention DAYS`: lists, does not judge; listing records is not an error.
    func retention(_ text: String) -> Int32 {
        guard let days = Int(text), days >= 0 else {
            return usage(self.text("retention.daysValues", ["value": text]))
        }
        guard requireDataFolder() else { return 1 }
        let (expired, problems) = Retention.expired(in: store, olderThan: days, today: .today)
        for problem in problems { printError(self.text("retention.unknownEnd", ["problem": strings.problemText(problem)])) }
        for record in expired {
            say("\(record.id)  \(record.courseEnd.iso)  \(count(record.daysSince, "day"))")
        }
        let listed = ["expired": String(expired.count), "records": count(store.participantIDs().count, "record")]
        say(strings(expired.isEmpty ? "cli.retention.none" : "cli.retention.listed", count: days, listed))
        return problems.isEmpty ? 0 : 1
    }

    /// Notes an action in the audit log; a failure is a warning (the action itself stands).
    func audit(_ action: AuditAction, participant: String) {
        do {
            try AuditLog(store: store).record(action, participant: participant, by: Identity.current(environment: environment))
        } catch {
            warn(text("auditFailed", ["action": action.rawValue, "reason": "\(error)"]))
        }
    }

}
