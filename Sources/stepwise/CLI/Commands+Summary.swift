import Foundation
import StepwiseCore

/// `stepwise summary ID [--format text|markdown|html] [--lang CODE] [--output FILE] [--print
/// [--printer NAME]]` and `stepwise calendar ID [--output FILE]`: the plan summary and the
/// participant's dates, in the citizen's language unless `--lang` says otherwise. Each summary
/// that leaves the program (standard output, a file, a printer) is noted in the audit log as
/// `printed`, each calendar as `calendar`.
extension Commands {
    func summary() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else { return summaryUsage("'\(id)' is not a valid participant id", command: "summary") }
        let format = options.values["--format"] ?? "text"
        guard ["text", "markdown", "html"].contains(format) else {
            return summaryUsage("--format must be text, markdown or html, not '\(format)'", command: "summary")
        }
        let printing = options.flags.contains("--print")
        if options.values["--printer"] != nil && !printing {
            return summaryUsage("--printer goes with --print", command: "summary")
        }
        if printing && format != "text" {
            return summaryUsage("--print prints the plain text; leave out --format or use --format text", command: "summary")
        }
        guard let language = summaryLanguageOption(command: "summary") else { return 2 }
        guard requireDataFolder(), let participant = loadForSummary(id) else { return 1 }
        let indicators: IndicatorSet
        do { indicators = try IndicatorSet.load(resources: resources) } catch {
            printError("cannot read the indicators: \(error)")
            return 1
        }
        let offers = offersForSummary()
        let summary: Summary
        do {
            summary = try Summary.make(participant: participant, offers: offers, indicators: indicators, resources: resources,
                                       language: language, today: .today, coach: Identity.current(environment: environment).coach)
        } catch {
            printError("cannot read the strings: \(error)")
            return 1
        }
        noteFallback(participant: participant, chosen: language, used: summary.language)
        let pages = summary.pages().count
        let content: String
        switch format {
        case "markdown": content = summary.markdown()
        case "html": content = summary.html()
        default: content = summary.printable()
        }
        if let output = options.values["--output"] {
            do {
                try AtomicFile.write(Data(content.utf8), to: URL(fileURLWithPath: output))
            } catch {
                printError("could not write \(output): \(error)")
                return 1
            }
            let size = format == "text" ? ", \(pages) page\(pages == 1 ? "" : "s")" : ""
            print("wrote the summary of \(participant.name) (\(id)) to \(output): \(format)\(size), language \(summary.language)")
        } else if !printing {
            FileHandle.standardOutput.write(Data(content.utf8))
        }
        guard printing else {
            audit(.printed, participant: id)
            return 0
        }
        do {
            let job = try Printer.print(text: summary.printable(), printer: options.values["--printer"], environment: environment)
            let destination = job.printer.map { "printer \($0)" } ?? "the default printer"
            print("sent the summary of \(participant.name) (\(id)) to \(destination): \(pages) page\(pages == 1 ? "" : "s")"
                  + (job.requestID.map { " (request id \($0))" } ?? ""))
            audit(.printed, participant: id)
            return 0
        } catch let failure as Printer.Failure {
            printError("not printed: \(failure)")
            return 1
        } catch {
            printError("not printed: \(error)")
            return 1
        }
    }

    func calendar() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else { return summaryUsage("'\(id)' is not a valid participant id", command: "calendar") }
        guard let language = summaryLanguageOption(command: "calendar") else { return 2 }
        guard requireDataFolder(), let participant = loadForSummary(id) else { return 1 }
        let offers = offersForSummary()
        let strings: Localizer
        do { strings = try Summary.localizer(language: language ?? participant.language, resources: resources) } catch {
            printError("cannot read the strings: \(error)")
            return 1
        }
        noteFallback(participant: participant, chosen: language, used: strings.language)
        let export = CalendarExport(participant: participant, offers: offers, strings: strings,
                                    timeZone: CalendarExport.defaultTimeZone(environment: environment), now: Date(), today: .today)
        let text = export.ics()
        guard let output = options.values["--output"] else {
            FileHandle.standardOutput.write(Data(text.utf8))
            audit(.calendar, participant: id)
            return 0
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
        } catch {
            printError("could not write \(output): \(error)")
            return 1
        }
        audit(.calendar, participant: id)
        let count = export.events.count
        print("wrote \(count) event\(count == 1 ? "" : "s") for \(participant.name) (\(id)) to \(output), times in \(export.timeZone.identifier)")
        return 0
    }

    private func summaryUsage(_ message: String, command: String) -> Int32 {
        printError(message + "\nTry 'stepwise \(command) --help'.")
        return 2
    }

    /// The `--lang` given (nil for the citizen's own); `.none` after a usage message when no
    /// table has that language.
    private func summaryLanguageOption(command: String) -> String?? {
        guard let language = options.language else { return .some(nil) }
        let available = Localizer.available(resources: resources)
        guard available.contains(language) else {
            _ = summaryUsage("no strings for language '\(language)'; available: \(available.joined(separator: ", "))", command: command)
            return nil
        }
        return .some(language)
    }

    private func loadForSummary(_ id: String) -> Participant? {
        do { return try store.loadParticipant(id) } catch let problem as RecordProblem where problem.reason == "does not exist" {
            printError("unknown participant '\(id)'")
        } catch {
            printError("cannot read participant '\(id)': \(error)")
        }
        return nil
    }

    /// The catalogue; unreadable offer files are reported, and the summary goes on without them.
    private func offersForSummary() -> [Offer] {
        let (offers, problems) = store.loadOffers()
        for problem in problems { printError("warning: unreadable, left out: \(problem)") }
        return offers
    }

    private func noteFallback(participant: Participant, chosen: String?, used: String) {
        let wanted = chosen ?? participant.language
        if wanted != used {
            printError("note: there are no strings for '\(wanted)', the language of \(participant.id); written in English")
        }
    }
}
