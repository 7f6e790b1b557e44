import Foundation
import StepwiseCore
import StepwiseUI

/// `stepwise offers list [--json]`, `offers import FILE.csv [--skip-bad]` and
/// `offers export [--output FILE] [--separator ;]`: the catalogue for scripts and spreadsheets.
extension Commands {
    func offers() -> Int32 {
        let sub = options.positional[0]
        let allowed: (flags: Set<String>, values: Set<String>, arguments: Int)
        switch sub {
        case "list": allowed = (["--json"], [], 1)
        case "import": allowed = (["--skip-bad"], [], 2)
        case "export": allowed = ([], ["--output", "--separator"], 1)
        default: return offersUsage("unknown offers command '\(sub)'; use list, import FILE.csv or export")
        }
        if let flag = options.flags.subtracting(allowed.flags).subtracting(["--help", "--version"]).sorted().first {
            return offersUsage("\(flag) does not go with 'offers \(sub)'")
        }
        if let value = Set(options.values.keys).subtracting(allowed.values).subtracting(CommandSpec.globalValued).sorted().first {
            return offersUsage("\(value) does not go with 'offers \(sub)'")
        }
        if options.positional.count < allowed.arguments { return offersUsage("'offers \(sub)' needs a file name") }
        if options.positional.count > allowed.arguments {
            return offersUsage("unexpected argument '\(options.positional[allowed.arguments])'")
        }
        switch sub {
        case "list": return listOffers()
        case "import": return importOffers(options.positional[1])
        default: return exportOffers()
        }
    }

    private func offersUsage(_ message: String) -> Int32 {
        printError(message + "\nTry 'stepwise offers --help'.")
        return 2
    }

    private func listOffers() -> Int32 {
        guard requireDataFolder() else { return 1 }
        let (offers, problems) = store.loadOffers()
        for problem in problems { printError("unreadable: \(problem)") }
        let sorted = offers.sorted {
            ($0.firstDay ?? Day(ordinal: Int.max), $0.title, $0.id) < ($1.firstDay ?? Day(ordinal: Int.max), $1.title, $1.id)
        }
        if options.flags.contains("--json") {
            let objects = sorted.map(OfferJSON.object)
            guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else {
                return 1
            }
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            for offer in sorted { print(OfferJSON.line(offer)) }
        }
        return 0
    }

    private func exportOffers() -> Int32 {
        let separator: Character
        switch options.values["--separator"]?.lowercased() ?? "," {
        case ",", "comma": separator = ","
        case ";", "semicolon": separator = ";"
        case "\t", "tab": separator = "\t"
        case let other: return offersUsage("--separator must be , ; or tab, not '\(other)'")
        }
        guard requireDataFolder() else { return 1 }
        let (offers, problems) = store.loadOffers()
        if !problems.isEmpty {
            for problem in problems { printError("unreadable: \(problem)") }
            printError("nothing exported: \(problems.count) offer file\(problems.count == 1 ? "" : "s") cannot be read "
                       + "(see 'stepwise check'); an export without them would not be the whole catalogue")
            return 1
        }
        let data = OfferCSV.export(offers, separator: separator)
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
        print("exported \(offers.count) offer\(offers.count == 1 ? "" : "s") to \(output)")
        return 0
    }

    private func importOffers(_ path: String) -> Int32 {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            printError("cannot read \(path): \(exists ? "permission denied or not a file" : "no such file")")
            return 1
        }
        let skipBad = options.flags.contains("--skip-bad")
        let bookings = BookingStore(store: store, identity: Identity.current(environment: environment))
        let report = OfferImport.run(data, into: bookings, skipBad: skipBad)
        for problem in report.problems { printError("\(path): \(problem)") }
        if report.refused {
            let rows = Set(report.problems.map(\.line)).count
            printError(report.fileIsBad ? "nothing imported"
                       : "nothing imported: \(rows) line\(rows == 1 ? "" : "s") with problems; fix them, "
                           + "or use --skip-bad to import the good rows")
            return 1
        }
        for problem in report.journalProblems {
            printError("warning: an import change stands, but a journal entry could not be written: \(problem)")
        }
        let total = report.added.count + report.changed.count + report.unchanged.count
        var line = "imported \(total) offer\(total == 1 ? "" : "s") from \(path): \(report.added.count) added, "
            + "\(report.changed.count) changed, \(report.unchanged.count) unchanged"
        if !report.problems.isEmpty {
            let lines = Array(Set(report.problems.map(\.line))).sorted()
            line += "; skipped \(lines.count) bad row\(lines.count == 1 ? "" : "s") (line\(lines.count == 1 ? "" : "s") "
                + lines.map(String.init).joined(separator: ", ") + ")"
        }
        print(line)
        return report.problems.isEmpty || (skipBad && total > 0) ? 0 : 1
    }
}

/// The catalogue as `stepwise offers list` prints it.
enum OfferJSON {
    static func object(_ offer: Offer) -> [String: Any] {
        [
            "id": offer.id, "title": offer.title, "kind": offer.kind, "status": offer.status.rawValue,
            "capacity": offer.capacity, "booked": offer.booked.count, "waiting": offer.waiting.count,
            "free": Booking.freeSeats(offer), "waitlistLimit": offer.waitlistLimit.map { $0 as Any } ?? NSNull(),
            "place": offer.place, "language": offer.language, "suits": offer.suits,
            "facilitators": offer.facilitators.map { ["name": $0.name, "role": $0.role.rawValue] },
            "sessions": offer.sessions.map { ["day": $0.day.iso, "start": $0.start, "end": $0.end] },
        ]
    }

    /// `o-abc  2026-12-03  workshop         9/12 booked, 2 waiting  CV-værksted`
    static func line(_ offer: Offer) -> String {
        let counts = "\(offer.booked.count)/\(offer.capacity) booked" + (offer.waiting.isEmpty ? "" : ", \(offer.waiting.count) waiting")
        return [offer.id, offer.firstDay?.iso ?? "no date   ", DisplayWidth.pad(offer.kind, to: 15),
                DisplayWidth.pad(counts, to: 22), offer.title + (offer.status == .cancelled ? "  (cancelled)" : "")]
            .joined(separator: "  ")
    }
}
