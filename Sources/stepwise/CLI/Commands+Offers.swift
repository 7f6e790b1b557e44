import Foundation
import StepwiseCore
import StepwiseUI

/// `stepwise offers list [--json]`, `offers import FILE.csv [--skip-bad]` and
/// `offers export [--output FILE] [--separator ;]`: the catalogue for scripts and spreadsheets
/// (semicolons for da, sv and de, commas for en, unless `--separator` says otherwise).
extension Command {
    static let offers = Command(
        "offers", summary: "list, import or export the offer catalogue (CSV)",
        action: .subcommands([
            Command(
                "list", summary: "print the catalogue (--json for scripts)",
                options: [Option("--json", "an array of JSON objects instead of lines"), Option("--ids", "only the ids, one a line")],
                action: .run { $0.listOffers() }),
            Command(
                "import", summary: "import a catalogue spreadsheet saved as CSV",
                options: [Option("--skip-bad", "import the good rows and report the bad ones")],
                arguments: [Argument(name: "FILE.csv", noun: "a file name", completes: .file)], action: .run { $0.importOffers() }),
            Command(
                "export", summary: "write the catalogue as CSV",
                options: [
                    Option("--output", value: "FILE", completes: .file, "write to FILE (mode 0600) instead of standard output"),
                    Option(
                        "--separator", value: ",|;|tab", completes: .words, "the separator: , ; or tab (default ; for da, sv, de, else ,)"),
                ],
                action: .run { $0.exportOffers() }),
            Command(
                "forget-adjustments", summary: "remove adjustments an older offer file keeps for the whole offer",
                arguments: [Argument(name: "OFFER", noun: "an offer id", completes: .offerID)],
                action: .run { $0.forgetAdjustments() }),
        ]))
}

extension Commands {
    func listOffers() -> Int32 {
        guard requireDataFolder() else { return 1 }
        let (offers, problems) = store.loadOffers()
        for problem in problems { printError(text("unreadable", ["problem": strings.problemText(problem)])) }
        // By first date and start time, then by title in the alphabet of the coach's language, then by id.
        let sorted = Offer.sortedInDateOrder(offers, titles: store.nameOrder)
        if options.flags.contains("--ids") {
            for offer in sorted { say(offer.id) }
        } else if options.flags.contains("--json") {
            let objects = sorted.map(OfferJSON.object)
            guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else {
                return 1
            }
            CLIOutput.document(data + Data("\n".utf8), .json)
        } else {
            CLIText.columns(sorted.map { OfferJSON.cells($0, strings: strings) }).forEach(say)
        }
        return 0
    }

    func forgetAdjustments() -> Int32 {
        let id = options.positional[0]
        guard requireDataFolder() else { return 1 }
        do {
            let had = try PlacementMigration.forget(offer: id, in: store, as: Identity.current(environment: environment))
            say(text(had ? "offers.forgotten" : "offers.nothingToForget", ["id": id]))
            return 0
        } catch {
            printError(strings.problemText(error))
            return 1
        }
    }

    func exportOffers() -> Int32 {
        guard let separator = chosenSeparator() else {
            return usage(text("separatorValues", ["value": options.values["--separator"] ?? ""]))
        }
        guard requireDataFolder() else { return 1 }
        let (offers, problems) = store.loadOffers()
        if !problems.isEmpty {
            for problem in problems { printError(text("unreadable", ["problem": strings.problemText(problem)])) }
            printError(text("offers.exportIncomplete", ["files": count(problems.count, "offerFile")]))
            return 1
        }
        // CSV is data: cells keep what was typed (its own rules keep it data, see OfferCSV).
        guard let destination = emit(OfferCSV.export(offers, separator: separator), .data) else { return 1 }
        if case .file(let output) = destination { say(text("exported", ["records": count(offers.count, "offer"), "path": output])) }
        return 0
    }

    func importOffers() -> Int32 {
        let path = options.positional[0]
        guard requireDataFolder(), let data = readInputFile(path) else { return 1 }
        let skipBad = options.flags.contains("--skip-bad")
        let bookings = BookingStore(store: store, identity: Identity.current(environment: environment))
        let report = OfferImport.run(data, into: bookings, skipBad: skipBad)
        return tell(report, of: "offer", from: path, skipBad: skipBad) {
            for problem in report.journalProblems {
                warn(text("offers.journalFailed", ["problem": problem]))
            }
        }
    }
}

/// What an import from a CSV file did, as the command line tells it (offers, board jobs).
protocol ImportReport {
    /// Bad rows, or what is wrong with the file as a whole.
    var problems: [CSVSheet.Problem] { get }
    /// True when the file as a whole could not be used.
    var fileIsBad: Bool { get }
    /// Why the data folder could not be written; then nothing was imported.
    var writeFailure: String? { get }
    /// True when nothing was written.
    var refused: Bool { get }
    /// Ids of records added, changed, and already as in the file.
    var added: [String] { get }
    var changed: [String] { get }
    var unchanged: [String] { get }
}

extension OfferImport.Report: ImportReport {}

extension JobImport.Report: ImportReport {}

extension Commands {
    /// Tells what an import of `noun`s (a `cli.count.*` key) from `path` did: each problem on standard error, then
    /// why nothing was imported (exit status 1), or `stands` (the warnings and the audit entry
    /// of an import that stands) and how many records were added, changed and unchanged, with
    /// the bad rows skipped. `skipBad` is nil for an import that has no `--skip-bad`; with it,
    /// bad rows fail the command (1) unless some row was imported.
    func tell(_ report: some ImportReport, of noun: String, from path: String, skipBad: Bool?, stands: () -> Void) -> Int32 {
        for problem in report.problems {
            let at = ["path": path, "line": String(problem.line), "column": problem.column ?? "", "reason": problem.reason]
            printError(text(problem.column == nil ? "import.problemAtLine" : "import.problemAtColumn", at))
        }
        if let failure = report.writeFailure {
            printError(text("import.writeFailed", ["reason": failure]))
            return 1
        }
        if report.refused {
            let rows = Set(report.problems.map(\.line)).count
            let fix = skipBad == nil ? "import.refused" : "import.refusedSkipBad"
            printError(report.fileIsBad ? text("import.nothing") : text(fix, ["lines": count(rows, "lineWithProblems")]))
            return 1
        }
        stands()
        let total = report.added.count + report.changed.count + report.unchanged.count
        var line = text(
            "import.done",
            [
                "records": count(total, noun), "path": path, "added": String(report.added.count),
                "changed": String(report.changed.count), "unchanged": String(report.unchanged.count),
            ])
        if !report.problems.isEmpty {
            let lines = Array(Set(report.problems.map(\.line))).sorted()
            line += strings("cli.import.skipped", count: lines.count, ["lines": lines.map(String.init).joined(separator: ", ")])
        }
        say(line)
        return report.problems.isEmpty || (skipBad == true && total > 0) ? 0 : 1
    }
}

extension Commands {
    /// The separator `--separator` names (`,`, `;`, `tab`), else the one a spreadsheet in the
    /// user's language expects (--lang, then the locale); nil for anything else.
    func chosenSeparator() -> Character? {
        let language = Localizer.chooseLanguage(
            option: options.language, environment: environment,
            available: Localizer.available(resources: resources))
        switch options.values["--separator"]?.lowercased() ?? String(OfferCSV.separator(forLanguage: language)) {
        case ",", "comma": return ","
        case ";", "semicolon": return ";"
        case "\t", "tab": return "\t"
        default: return nil
        }
    }

    /// The bytes of a file to import, or nil after saying why it cannot be read.
    func readInputFile(_ path: String) -> Data? {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            printError(text(exists ? "cannotReadFile" : "noSuchFile", ["path": path]))
            return nil
        }
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

    /// `o-abc`, `2026-12-03`, `Workshop`, `9/12 booked, 2 waiting`, `CV-værksted`: one offer's
    /// columns in the words of `strings` (`cli.offers.*`; a kind by its `offer.kind.*` name).
    static func cells(_ offer: Offer, strings: Localizer) -> [String] {
        let booked = ["booked": String(offer.booked.count), "capacity": String(offer.capacity)]
        let counts =
            offer.waiting.isEmpty
            ? strings("cli.offers.booked", booked)
            : strings("cli.offers.bookedWaiting", booked.merging(["waiting": String(offer.waiting.count)]) { $1 })
        let kindKey = "offer.kind." + offer.kind
        let kind = strings(kindKey) == kindKey ? offer.kind : strings(kindKey)
        return [
            offer.id, offer.firstDay?.iso ?? strings("cli.offers.noDate"), DisplaySafe.text(kind), counts,
            DisplaySafe.text(offer.title) + (offer.status == .cancelled ? "  " + strings("cli.offers.cancelled") : ""),
        ]
    }
}
