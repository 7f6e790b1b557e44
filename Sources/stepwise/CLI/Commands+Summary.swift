import Foundation
import StepwiseCore

/// `stepwise summary ID [--format text|markdown|html|pdf] [--lang CODE] [--output FILE] [--print
/// [--printer NAME]]` and `stepwise calendar ID [--output FILE]`: the plan summary and the
/// participant's dates, in the citizen's language unless `--lang` says otherwise. Each summary
/// that leaves the program is noted in the audit log as what was done with it: `summaryShown`
/// (standard output), `summaryWritten` (a file), `printed` (sent to a printer); each calendar
/// as `calendar`.
extension Command {
    static let summary = Command(
        "summary", summary: "the plan summary as text, Markdown, HTML or PDF, or printed",
        options: [
            Option("--format", value: "text|markdown|html|pdf", completes: .words, "text (the default), markdown, html or pdf"),
            Option("--output", value: "FILE", completes: .file, "write to FILE (mode 0600) instead of standard output"),
            Option("--print", "print the PDF with CUPS (lp)"),
            Option("--printer", value: "NAME", "the CUPS printer (with --print); else the default printer"),
        ],
        arguments: [.participant], action: .run { $0.summary() })

    static let calendar = Command(
        "calendar", summary: "the participant's dates as an iCalendar file",
        options: [Option("--output", value: "FILE", completes: .file, "write to FILE (mode 0600) instead of standard output")],
        arguments: [.participant], action: .run { $0.calendar() })
}

extension Commands {
    func summary() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else { return usage(invalidParticipantID(id)) }
        let printing = options.flags.contains("--print")
        let format = options.values["--format"] ?? (printing ? "pdf" : "text")
        guard ["text", "markdown", "html", "pdf"].contains(format) else {
            return usage(text("summary.formatValues", ["format": format]))
        }
        if options.values["--printer"] != nil && !printing {
            return usage(text("summary.printerWithoutPrint"))
        }
        if printing && format != "pdf" {
            return usage(text("summary.printIsPDF"))
        }
        if format == "pdf" && !printing && options.values["--output"] == nil && CLIOutput.toTerminal {
            return usage(text("summary.pdfNotForTerminal"))
        }
        guard let language = summaryLanguageOption() else { return 2 }
        guard requireDataFolder(), let participant = loadForSummary(id) else { return 1 }
        guard let indicators = loadIndicators() else { return 1 }
        let offers = offersForSummary()
        let summary: Summary
        let identity = Identity.current(environment: environment)
        do {
            summary = try Summary.make(
                participant: participant, offers: offers, indicators: indicators, resources: resources,
                language: language, today: .today, coach: identity.coach, letterhead: settings.letterhead(for: identity))
        } catch {
            printError(text("noStringsFile", ["reason": "\(error)"]))
            return 1
        }
        noteFallback(participant: participant, chosen: language, used: summary.language)
        var pages = summary.pages().count
        // A page for people: text from the record shows its control characters as escapes;
        // the form feeds between the pages of the text stay. A PDF is written as it is.
        var page = CLIOutput.Format.text(keeping: ["\u{0C}"])
        let content: Data
        switch format {
        case "markdown": content = Data(summary.markdown().utf8)
        case "html": content = Data(summary.html().utf8)
        case "pdf":
            do {
                let pdf = try summary.pdf(fonts: SummaryFonts.load(environment: environment))
                content = pdf.data
                pages = pdf.pages
                page = .data
                if !pdf.standIns.isEmpty {
                    printError(text("summary.standIns", ["characters": pdf.standIns.joined(separator: " ")]))
                }
            } catch {
                printError(text("summary.pdfFailed", ["reason": "\(error)"]))
                return 1
            }
        default: content = Data(summary.printable().utf8)
        }
        if options.values["--output"] != nil || !printing {
            guard let destination = emit(content, page) else { return 1 }
            if case .file(let output) = destination {
                let written = [
                    "who": CLIText.person(id, in: store), "path": output, "format": format, "pages": count(pages, "page"),
                    "language": strings.languageName(summary.language),
                ]
                say(text(format == "text" || format == "pdf" ? "summary.writtenPages" : "summary.written", written))
                audit(.summaryWritten, participant: id)
            } else {
                audit(.summaryShown, participant: id)
            }
        }
        guard printing else { return 0 }
        do {
            let job = try Printer.print(pdf: content, printer: options.values["--printer"], environment: environment)
            let destination = job.printer.map { text("summary.printer", ["name": $0]) } ?? text("summary.defaultPrinter")
            let sent = ["who": CLIText.person(id, in: store), "printer": destination, "pages": count(pages, "page")]
            say(job.requestID.map { text("summary.sentRequest", sent.merging(["request": $0]) { $1 }) } ?? text("summary.sent", sent))
            audit(.printed, participant: id)
            return 0
        } catch let failure as Printer.Failure {
            printError(text("summary.notPrinted", ["reason": describe(failure)]))
            return 1
        } catch {
            printError(text("summary.notPrinted", ["reason": "\(error)"]))
            return 1
        }
    }

    func calendar() -> Int32 {
        let id = options.positional[0]
        guard RecordID.isValid(id) else { return usage(invalidParticipantID(id)) }
        guard let language = summaryLanguageOption() else { return 2 }
        guard requireDataFolder(), let participant = loadForSummary(id) else { return 1 }
        let offers = offersForSummary()
        let strings: Localizer
        do { strings = try Summary.localizer(language: language ?? participant.language, resources: resources) } catch {
            printError(text("noStringsFile", ["reason": "\(error)"]))
            return 1
        }
        noteFallback(participant: participant, chosen: language, used: strings.language)
        let export = CalendarExport(
            participant: participant, offers: offers, strings: strings,
            timeZone: timeZone, now: Date(),
            today: .today)
        // iCalendar is data, for calendar programs: its writer keeps to RFC 5545's rules.
        guard let destination = emit(Data(export.ics().utf8), .data) else { return 1 }
        audit(.calendar, participant: id)
        if case .file(let output) = destination {
            say(
                text(
                    "calendar.written",
                    [
                        "events": count(export.events.count, "event"), "who": CLIText.person(id, in: store), "path": output,
                        "zone": export.timeZone.identifier,
                    ]))
        }
        return 0
    }

    /// Why CUPS did not print, with what to do at the command line (`cli.print.*`).
    private func describe(_ failure: Printer.Failure) -> String {
        switch failure {
        case .notInstalled: return text("print.notInstalled")
        case .notRunning: return text("print.notRunning")
        case .noPrinter: return text("print.noPrinter")
        case .noDefaultPrinter: return text("print.noDefaultPrinter")
        case .unknownPrinter(let name): return text("print.unknownPrinter", ["printer": name])
        case .notAccepting(let name): return text("print.notAccepting", ["printer": name])
        case .timedOut: return text("print.timedOut")
        case .failed(let message): return text("print.failed", ["reason": message])
        }
    }

    /// The `--lang` given (nil for the citizen's own); `.none` after a usage message when no
    /// table has that language.
    private func summaryLanguageOption() -> String?? {
        guard let language = options.language else { return .some(nil) }
        let available = Localizer.available(resources: resources)
        guard available.contains(language) else {
            _ = usage(noStrings(for: language, available: available))
            return nil
        }
        return .some(language)
    }

    private func loadForSummary(_ id: String) -> Participant? {
        do { return try store.loadParticipant(id) } catch {
            printError(participantProblem(id, error))
            return nil
        }
    }

    /// The catalogue; unreadable offer files are reported, and the summary goes on without them.
    private func offersForSummary() -> [Offer] {
        let (offers, problems) = store.loadOffers()
        for problem in problems { warn(text("summary.offerLeftOut", ["problem": strings.problemText(problem)])) }
        return offers
    }

    private func noteFallback(participant: Participant, chosen: String?, used: String) {
        let wanted = chosen ?? participant.language
        if wanted != used {
            printError(text("summary.fallback", ["language": wanted, "id": participant.id]))
        }
    }
}
