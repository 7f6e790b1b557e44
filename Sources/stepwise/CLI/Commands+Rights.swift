import Foundation
import StepwiseCore

/// The citizen's rights from the command line: `stepwise export ID` (a copy of everything
/// held), `stepwise erase ID --yes` (erasure), and `stepwise check --retention DAYS` (records
/// kept past their time). Messages name ids, files and fields, never what a record says.
extension Commands {
    func export() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else {
            printError("'\(id)' is not a valid participant id (see 'stepwise list')")
            return 2
        }
        let format = options.values["--format"] ?? "json"
        guard format == "json" || format == "text" else {
            printError("--format must be json or text, not '\(format)'\nTry 'stepwise export --help'.")
            return 2
        }
        guard requireDataFolder() else { return 1 }
        do {
            _ = try store.loadParticipant(id)
        } catch let problem as RecordProblem where problem.reason == "does not exist" {
            printError("unknown participant '\(id)'; nothing exported")
            return 1
        } catch {
            printError("nothing exported: \(error)")
            return 1
        }
        let identity = Identity.current(environment: environment)
        // The copy is only made once the log says so.
        do {
            try AuditLog(store: store).record(.exported, participant: id, by: identity)
        } catch {
            printError("nothing exported: the audit log cannot be written (\(error))")
            return 1
        }
        let data: Data
        let export: CitizenExport
        do {
            export = try CitizenExport.collect(id, from: store, by: identity)
            data = format == "json" ? try export.json() : Data(try export.text().utf8)
        } catch {
            printError("nothing exported: \(error)")
            return 1
        }
        for problem in export.unreadableOffers {
            printError("warning: \(problem); a seat in it cannot be listed")
        }
        guard let output = options.values["--output"] else {
            FileHandle.standardOutput.write(data)
            return 0
        }
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: output))
        } catch {
            printError("could not write \(output): \(error)")
            return 1
        }
        let notes = export.participant.notes.count
        print("exported everything held about \(id) to \(output) (\(format), readable only by you): the record with "
              + "\(notes) note\(notes == 1 ? "" : "s"), \(count(export.planHistory.count, "plan version")), "
              + "\(count(export.bookings.count, "booking")), \(count(export.audit.count, "audit entry", "audit entries"))")
        return 0
    }

    func erase() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else {
            printError("'\(id)' is not a valid participant id (see 'stepwise list')")
            return 2
        }
        guard requireDataFolder() else { return 1 }
        let inventory: Erasure.Inventory
        do {
            inventory = try Erasure.inventory(of: id, in: store)
        } catch {
            printError("\(error)")
            return 1
        }
        guard !inventory.isEmpty else {
            printError("nothing is held about \(id); nothing to erase")
            return 1
        }
        guard options.flags.contains("--yes") else {
            print("would erase everything held about \(id): \(inventory.summary)")
            printError("not erased: this cannot be undone. Give the citizen a copy first ('stepwise export \(id)'), "
                       + "then run 'stepwise erase \(id) --yes'")
            return 1
        }
        let report: Erasure.Report
        do {
            report = try Erasure.erase(id, in: store, as: Identity.current(environment: environment))
        } catch {
            printError("\(error)")
            return 1
        }
        print("erased \(id): \(report.inventory.summary)")
        for (offer, participant) in report.promoted {
            print("promoted from the waitlist: \(participant) now holds a seat in \(offer)")
        }
        if !report.marker.isEmpty { print("the audit log now names the erased participant \(report.marker)") }
        for problem in report.problems { printError("not finished: \(problem)") }
        if !report.problems.isEmpty {
            printError("run 'stepwise erase \(id) --yes' again once the problems are fixed; it finishes what is left")
            return 1
        }
        return 0
    }

    /// `check --retention DAYS`: lists, does not judge; listing records is not an error.
    func retention(_ text: String) -> Int32 {
        guard let days = Int(text), days >= 0 else {
            printError("--retention needs a number of days (0 or more), not '\(text)'\nTry 'stepwise check --help'.")
            return 2
        }
        guard FileManager.default.fileExists(atPath: store.root.path) else {
            printError("\(store.root.path) does not exist")
            return 1
        }
        let (expired, problems) = Retention.expired(in: store, olderThan: days, today: .today)
        for problem in problems { printError("cannot tell when the course ended: \(problem)") }
        for record in expired {
            print("\(record.id)  \(record.courseEnd.iso)  \(record.daysSince) days")
        }
        let total = store.participantIDs().count
        print("\(expired.count) of \(total) record\(total == 1 ? "" : "s"): course ended more than \(days) day\(days == 1 ? "" : "s") ago"
              + (expired.isEmpty ? "" : " (erase with 'stepwise erase ID --yes' when no longer needed)"))
        return problems.isEmpty ? 0 : 1
    }

    /// Notes an action in the audit log; a failure is a warning (the action itself stands).
    func audit(_ action: AuditAction, participant: String) {
        do {
            try AuditLog(store: store).record(action, participant: participant, by: Identity.current(environment: environment))
        } catch {
            printError("warning: the \(action.rawValue) stands, but the audit log could not be written: \(error)")
        }
    }

    private func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : many ?? one + "s")
    }
}
